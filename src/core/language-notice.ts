import type { Analysis } from './types.ts';

const NAMES: Record<string, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
  sv: 'Swedish',
  da: 'Danish',
  no: 'Norwegian',
  pl: 'Polish',
  cs: 'Czech',
  fi: 'Finnish',
  ro: 'Romanian',
  hu: 'Hungarian',
  tr: 'Turkish',
  ru: 'Russian',
  uk: 'Ukrainian',
  el: 'Greek',
  ar: 'Arabic',
  he: 'Hebrew',
  zh: 'Chinese',
  ja: 'Japanese',
  ko: 'Korean',
  hi: 'Hindi',
  th: 'Thai',
};

/** The English name of a language code ("de" -> "German"). */
export function languageName(code: string): string {
  return NAMES[code] ?? 'a language other than English';
}

/** Whether the embedded engine's tags, quotes and timeline rules read this language (English, or too little text to tell). */
export function readsLanguage(language: string | undefined): boolean {
  return language === undefined || language === 'en' || language === 'und';
}

/**
 * What to tell a reader when the embedded engine left tags, quotes and timeline out because the
 * article is not in English (empty lists would read as "none in this article"); undefined when
 * there is nothing to say.
 */
export function languageNotice(analysis: Analysis, view: 'summary' | 'quotes' | 'timeline'): string | undefined {
  if (analysis.engine.name !== 'embedded' || readsLanguage(analysis.language)) return undefined;
  const name = languageName(analysis.language!);
  const what = { summary: 'tags, quotes or timeline', quotes: 'quotes', timeline: 'timeline' }[view];
  const summaryNote = view === 'summary' ? ' (the summary is picked from the article’s own sentences)' : '';
  return `This article is in ${name}. The built-in engine reads English, so it shows no ${what} for it${summaryNote}. A model engine handles other languages: see “Model engine” in the README.`;
}

/**
 * The short line a digest item shows in place of tags when the embedded engine left them out
 * because the story is not in English; undefined when there is nothing to say.
 */
export function digestLanguageNote(analysis: Analysis): string | undefined {
  if (analysis.engine.name !== 'embedded' || readsLanguage(analysis.language)) return undefined;
  return `In ${languageName(analysis.language!)}: no tags, as the built-in engine reads English (a model engine reads other languages).`;
}
