import { extractTimeline } from '../engine/timeline.ts';
import { defaultEvalDir } from './run.ts';
import { loadTimeml, matchDoc, type TimemlDoc } from './timeline.eval.ts';

// The timeline's value errors on TimeML (a matched expression whose value differs from the gold),
// each with a rough class, so a change can be judged by what it fixes and what it breaks:
//   npx tsx src/eval/timeline-errors.ts            counts per class, TimeBank and AQUAINT apart
//   npx tsx src/eval/timeline-errors.ts --list     and every error, with its sentence
// The classes are read from the two values and the expression's words only, so they are rough.

export interface ValueError {
  doc: string;
  dct: string;
  /** The gold expression's text and the system's (the extents may differ). */
  goldText: string;
  ourText: string;
  gold: string;
  ours: string;
  /** The line of the document around the expression. */
  context: string;
}

export const ERROR_CLASSES = [
  'quarter',
  'vague reference',
  'duration vs date',
  'duration amount or unit',
  'zone',
  'day part',
  'gold leaves it unknown',
  'ours leaves it unknown',
  'week written without its zero',
  'weekday direction',
  'granularity',
  'reference time',
  'other',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

const VAGUE = /^(?:PAST|PRESENT|FUTURE)_REF$/;
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** Day number of a `YYYY-MM-DD` prefix, or null. */
function dayNumber(value: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : null;
}

/** What a value names down to: Y(ear), M(onth), W(eek), D(ay), T(ime), or '' for anything else. */
function grain(value: string): string {
  if (/^\d{4}-\d\d-\d\dT/.test(value)) return 'T';
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return 'D';
  if (/^\d{4}-W\d\d?(?:-WE)?$/.test(value)) return 'W';
  if (/^\d{4}-\d\d$/.test(value)) return 'M';
  if (/^\d{4}$/.test(value)) return 'Y';
  return '';
}

/** A rough class for a value error, from the two values and the expression's words. */
export function classifyValueError(e: Pick<ValueError, 'gold' | 'ours' | 'goldText'>): ErrorClass {
  const { gold, ours } = e;
  if (/Q/.test(gold) || /Q/.test(ours)) return 'quarter';
  if (VAGUE.test(gold) || VAGUE.test(ours)) return 'vague reference';
  const gp = gold.startsWith('P');
  const op = ours.startsWith('P');
  if (gp !== op) return 'duration vs date';
  if (gp) return 'duration amount or unit';
  if (ours.endsWith('Z') && !gold.endsWith('Z')) return 'zone';
  if (/T(?:MO|AF|EV|NI)$/.test(ours) && !/T(?:MO|AF|EV|NI)$/.test(gold)) return 'day part';
  if (gold.includes('X') && !ours.includes('X')) return 'gold leaves it unknown';
  if (ours.includes('X') && !gold.includes('X')) return 'ours leaves it unknown';
  if (/-W\d$/.test(gold) && ours === gold.replace(/-W(\d)$/, '-W0$1')) return 'week written without its zero';
  const gd = dayNumber(gold);
  const od = dayNumber(ours);
  if (gd !== null && od !== null && WEEKDAY.test(e.goldText) && Math.abs(gd - od) % 7 === 0 && gd !== od) return 'weekday direction';
  const gg = grain(gold);
  const og = grain(ours);
  if (gg && og && gg !== og) return 'granularity';
  if (gg && og) return 'reference time';
  return 'other';
}

/** Every value error of the documents, in document order. */
export function valueErrors(docs: readonly TimemlDoc[]): ValueError[] {
  const out: ValueError[] = [];
  for (const d of docs) {
    for (const { gold: g, system: s } of matchDoc(d.timexes, extractTimeline(d.text, { publishedAt: d.dct }))) {
      if (!s || s.value === g.value) continue;
      const lineStart = d.text.lastIndexOf('\n', g.start - 1) + 1;
      const lineEnd = d.text.indexOf('\n', g.end);
      out.push({
        doc: d.name,
        dct: d.dct,
        goldText: d.text.slice(g.start, g.end),
        ourText: s.text,
        gold: g.value,
        ours: s.value,
        context: d.text
          .slice(Math.max(lineStart, g.start - 200), lineEnd < 0 ? d.text.length : Math.min(lineEnd, g.end + 120))
          .replace(/\s+/g, ' ')
          .trim(),
      });
    }
  }
  return out;
}

/** Counts per class, one column per part (sub-folder) of the corpus. */
export function countByClass(errors: readonly ValueError[], parts: readonly string[]): Record<ErrorClass, number[]> {
  const counts = Object.fromEntries(ERROR_CLASSES.map((c) => [c, parts.map(() => 0)])) as Record<ErrorClass, number[]>;
  for (const e of errors) {
    const part = parts.findIndex((p) => e.doc.startsWith(p));
    if (part >= 0) counts[classifyValueError(e)][part]!++;
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const docs = await loadTimeml(defaultEvalDir());
  const errors = valueErrors(docs);
  const parts = ['TimeBank/', 'AQUAINT/'];
  if (process.argv.includes('--list')) {
    for (const e of errors)
      console.log(`${classifyValueError(e)} | ${e.doc} (${e.dct}) | gold [${e.goldText}] ${e.gold} | ours [${e.ourText}] ${e.ours}\n    ${e.context}`);
  }
  console.log(`| class | ${parts.map((p) => p.replace('/', '')).join(' | ')} |`);
  for (const [c, n] of Object.entries(countByClass(errors, parts))) console.log(`| ${c} | ${n.join(' | ')} |`);
  console.log(`| all | ${parts.map((p) => errors.filter((e) => e.doc.startsWith(p)).length).join(' | ')} |`);
}
