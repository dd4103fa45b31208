// Readability on real-cased news (PolNeAR texts, dev part); answers by question type are in answers.eval.ts.
// READABILITY_SPLIT=train measures the tuning part instead; READABILITY_SHOW=N prints N summaries;
// READABILITY_TEXTS=<folder> measures every .txt file under that folder as well (headline line, blank
// line, body: e.g. the BBC News data set), to see the figures on an outlet the rules were not tuned on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../engine/summary.ts';
import { danglingReferences, keepsLead, leadOf, nonSentences, splitTitle } from './readability.ts';
import type { EvalRow } from './types.ts';

export interface ReadabilityScores {
  articles: number;
  leadKept: number;
  danglingPerSummary: number;
  nonSentences: number;
}

/**
 * Summaries of each text as two readers get them: `article` (the body, with the headline as the
 * title, as a feed item or a web page arrives) and `pasted` (the whole text, headline line
 * included, as pasted into /summary).
 */
export function scoreReadability(texts: readonly string[], mode: 'article' | 'pasted', show = 0): ReadabilityScores {
  let leads = 0;
  let kept = 0;
  let dangling = 0;
  let bad = 0;
  texts.forEach((raw, n) => {
    const { title, body, bodyStart } = splitTitle(raw);
    const text = mode === 'article' ? body : raw;
    const offset = mode === 'article' ? 0 : bodyStart;
    const summary = summarize(text, mode === 'article' ? { title } : {});
    const lead = leadOf(body);
    if (lead) {
      leads++;
      if (keepsLead(summary, { text: lead.text, start: lead.start + offset, end: lead.end + offset })) kept++;
    }
    const refs = danglingReferences(text, summary);
    const kinds = nonSentences(summary, title);
    dangling += refs.length;
    bad += kinds.length;
    if (n < show) {
      console.error(`\n[${mode}] ${title}\n${summary.map((s) => `  - ${s.text.replace(/\s+/g, ' ')}`).join('\n')}`);
      if (refs.length || kinds.length) console.error(`  ! ${[...refs, ...kinds].join('; ')}`);
    }
  });
  const n = texts.length || 1;
  return { articles: texts.length, leadKept: (100 * kept) / (leads || 1), danglingPerSummary: dangling / n, nonSentences: bad };
}

/** Every .txt file under `dir`, in path order (the encoding guessed per file: UTF-8, else Latin-1). */
export function loadTextFolder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt') && !/readme/i.test(f))
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      const utf8 = bytes.toString('utf8');
      return utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;
    });
}

export function loadPolnear(evalDir: string, split: string): string[] | null {
  const dir = join(evalDir, 'polnear', split, 'text');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

export async function run(evalDir: string): Promise<EvalRow[]> {
  const rows: EvalRow[] = [];
  const split = process.env.READABILITY_SPLIT ?? 'dev';
  const texts = loadPolnear(evalDir, split);
  const show = Number(process.env.READABILITY_SHOW ?? '') || 0;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  if (texts && texts.length > 0) {
    for (const mode of ['article', 'pasted'] as const) {
      const s = scoreReadability(texts, mode, show);
      const task = `readability (PolNeAR ${split}, ${mode})`;
      rows.push({ task, metric: 'lead kept (%)', ours: r2(s.leadKept), target: '>= 95' });
      rows.push({ task, metric: 'dangling references / summary', ours: r2(s.danglingPerSummary), target: '<= 0.1' });
      rows.push({ task, metric: 'non-sentences picked', ours: s.nonSentences, target: '0' });
    }
  }
  const folder = process.env.READABILITY_TEXTS;
  if (folder) {
    const extra = loadTextFolder(folder);
    for (const mode of ['article', 'pasted'] as const) {
      const s = scoreReadability(extra, mode, show);
      const task = `readability (${extra.length} texts of READABILITY_TEXTS, ${mode})`;
      rows.push({ task, metric: 'lead kept (%)', ours: r2(s.leadKept) });
      rows.push({ task, metric: 'dangling references / summary', ours: r2(s.danglingPerSummary) });
      rows.push({ task, metric: 'non-sentences picked', ours: s.nonSentences });
    }
  }
  return rows;
}
