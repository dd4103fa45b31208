import { join } from 'node:path';
import { findEntities } from '../engine/entities.ts';
import { extractQuotes } from '../engine/quotes.ts';
import { loadPolnear, matchQuotes, sameSpeaker, wordCount, type PolnearDoc } from './quotes.eval.ts';
import { defaultEvalDir } from './run.ts';

// The quote speaker errors on PolNeAR's train tuning half (even positions; the held-out half is
// never listed), each with a rough class, so a change can be judged by what it fixes and breaks:
//   npx tsx src/eval/quote-errors.ts            counts per class
//   npx tsx src/eval/quote-errors.ts --list     and every error, with the text around it
//   npx tsx src/eval/quote-errors.ts --list --class=pronoun   only one class (or one gold kind: org, missing …)
// Printed to the terminal only: the texts are for analysis, not for copying into the project.

export interface SpeakerError {
  doc: string;
  start: number;
  source: string;
  referent: string;
  ours: string | null;
  cls: ErrorClass;
  /** What the name index made of the gold name: its kind, or "missing" when no entity ends with it. */
  goldKind: string;
}

export type ErrorClass = 'name' | 'pronoun' | 'relative' | 'description' | 'no speaker';

const PRONOUN = /^(?:he|she|they|it|him|her|his|its|their|them)$/i;

export function classifyError(source: string, referent: string, ours: string | null): ErrorClass {
  const s = source.trim();
  if (ours === null) return 'no speaker';
  if (PRONOUN.test(s)) return 'pronoun';
  if (/^(?:who|whom|which|that)$/i.test(s)) return 'relative';
  if (s.toLowerCase().includes(referent.toLowerCase())) return 'name';
  return 'description';
}

export function speakerErrors(docs: PolnearDoc[]): SpeakerError[] {
  const out: SpeakerError[] = [];
  for (const d of docs) {
    const index = findEntities(d.text);
    const predicted = extractQuotes(d.text, index).filter((q) => wordCount(q.text) >= 4);
    for (const p of matchQuotes(d.gold, predicted).pairs) {
      if (!p.predicted || !p.gold.referent || !p.gold.source) continue;
      if (p.predicted.speaker && sameSpeaker(p.predicted.speaker, p.gold.referent)) continue;
      out.push({
        doc: d.name,
        start: p.gold.start,
        source: p.gold.source,
        referent: p.gold.referent,
        ours: p.predicted.speaker,
        cls: classifyError(p.gold.source, p.gold.referent, p.predicted.speaker),
        goldKind: index.entities.find((e) => sameSpeaker(e.name, p.gold.referent!))?.kind ?? 'missing',
      });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const train = await loadPolnear(join(defaultEvalDir(), 'polnear', 'train'));
  const docs = train.filter((_, i) => i % 2 === 0);
  const errors = speakerErrors(docs);
  const counts = new Map<string, number>();
  const kinds = new Map<string, number>();
  for (const e of errors) counts.set(e.cls, (counts.get(e.cls) ?? 0) + 1);
  for (const e of errors) kinds.set(e.goldKind, (kinds.get(e.goldKind) ?? 0) + 1);
  console.log(`${errors.length} speaker errors on the tuning half:`, Object.fromEntries(counts));
  console.log('the gold name in the name index:', Object.fromEntries(kinds));
  if (process.argv.includes('--list')) {
    const byName = new Map(docs.map((d) => [d.name, d.text]));
    const only = process.argv.find((a) => a.startsWith('--class='))?.slice(8);
    for (const e of errors) {
      if (only && e.cls !== only && e.goldKind !== only) continue;
      const text = byName.get(e.doc)!;
      const near = text.slice(Math.max(0, e.start - 300), e.start + 200).replace(/\n/g, ' ¶ ');
      console.log(`\n[${e.cls}] ${e.doc}@${e.start} source="${e.source}" gold=${e.referent} (${e.goldKind}) ours=${e.ours ?? '∅'}\n  ${near}`);
    }
  }
}
