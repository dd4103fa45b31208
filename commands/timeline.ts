import { analysisViewCommand } from './_article-input.ts';

export const timeline = analysisViewCommand('timeline', 'timeline', 'The dated events of an article, in time order');
