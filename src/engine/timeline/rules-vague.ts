import { RELATIVE_CLAUSE } from './rules-relative.ts';
import type { Rule } from './types.ts';

// Vague references, valued as TimeBank does: PRESENT_REF ("now", "currently"), PAST_REF
// ("recently", "the past"), FUTURE_REF ("soon", "the future"). "Former" is not tagged there.

// A lower-case word after "the present" that is no verb, conjunction or preposition, nor a time noun, is the noun it describes.
const PRESENT_AS_ADJECTIVE =
  /^\s+(?!(?:is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|and|or|but|as|in|of|to|for|with|from|by|at|on|than|that|when|where|day|moment|time|times|era|age|tense|remains|seems|looks|offers|holds)\b)\p{Ll}+\b/u;

export const VAGUE_RULES: Rule[] = [
  {
    name: 'present',
    re: /\b(?:then[- ]current|right now|just now|now|nowadays|currently|presently|at present|these days|current|the present)\b(?!-day)/gi,
    priority: 1,
    build: (m, text) => {
      const w = m[0].toLowerCase();
      // "the then-current chairman" was current in the past the story tells of.
      if (/^then/.test(w)) return { type: 'DATE', resolve: () => ({ value: 'PAST_REF' }) };
      // "now that", "by now" and "until now" still point at the present; "current" only as "the current X".
      if (w === 'current' && /^\s*(?:[,.;)]|and\b|or\b)/i.test(text.slice(m.index + m[0].length))) return null;
      if (w === 'current' && /^\s+(?:account|accounts|affairs|events|assets|liabilities|ratio|flow|accounts)\b/i.test(text.slice(m.index + m[0].length)))
        return null;
      if (w === 'current' && /^\s+(?:year|month|week|quarter|period|fiscal|session|term)\b/i.test(text.slice(m.index + m[0].length))) return null;
      // "the present study", "the present government": an adjective before a noun, not the present time.
      if (w === 'the present' && PRESENT_AS_ADJECTIVE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
      return { type: 'DATE', resolve: () => ({ value: 'PRESENT_REF' }) };
    },
  },
  {
    name: 'past',
    re: /\b(?:recently|lately|formerly|more recently|until recently|the past|in the past|the time)\b/gi,
    priority: 0,
    build: (m, text) => {
      const w = m[0].toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      const before = text.slice(Math.max(0, m.index - 10), m.index);
      if (w === 'in the past') return { type: 'DATE', start: m.index + 3, resolve: () => ({ value: 'PAST_REF' }) };
      if (w === 'the past' && /^\s*(?:\d|two|three|four|five|six|seven|eight|nine|ten|few|several|year|month|week|decade|day|quarter)/i.test(after))
        return null;
      if (w === 'recent' && /^\s+(?:years|months|weeks|days|quarters|decades|times)\b/i.test(after)) return null;
      if (w === 'recent' && /^\s+(?:high|low|peak|record)/i.test(after)) return null;
      if (w === 'the time' && !/\bat\s+$/i.test(before)) return null;
      if (w === 'the time' && /^\s+(?:of|when|being|it|that|to)\b/i.test(after)) return null;
      if (w === 'the time' && RELATIVE_CLAUSE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      // "Earlier," opening a sentence reports an earlier event the same day; elsewhere it is a comparison.
      if (w === 'earlier' && !(/(?:^|[.!?"]\s+|\n)$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && /^,/.test(after))) return null;
      return { type: 'DATE', resolve: () => ({ value: 'PAST_REF' }) };
    },
  },
  {
    name: 'future',
    re: /\b(?:soon|the (?:near |distant |foreseeable )?future|the (?:near|short|long|medium) term|a later date|as soon as possible|someday|one day soon)\b/gi,
    priority: 0,
    build: (m, text) => {
      const w = m[0].toLowerCase();
      const before = text.slice(Math.max(0, m.index - 8), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (w === 'soon' && /^\s+(?:after|as|before|afterward)\b/i.test(after)) return null;
      if (w === 'soon' && /\bas\s+$/i.test(before)) return null;
      if (w === 'the future' && /^\s+of\b/i.test(after)) return null;
      if (/term$/.test(w) && /^[- ]\w/.test(after) && !/^[,.]/.test(after)) return null;
      return { type: 'DATE', resolve: () => ({ value: 'FUTURE_REF' }) };
    },
  },
];
