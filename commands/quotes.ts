import { analysisViewCommand } from './_article-input.ts';

export const quotes = analysisViewCommand('quotes', 'quotes', 'The key quotes of an article and who said them');
