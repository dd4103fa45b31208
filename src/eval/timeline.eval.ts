import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extractTimeline } from '../engine/timeline.ts';
import type { TimelineEntry, TimexType } from '../core/types.ts';
import type { EvalRow } from './types.ts';

/** One gold TIMEX3 of a TimeML document, with offsets into the tag-free text. */
export interface GoldTimex {
  start: number;
  end: number;
  type: TimexType;
  value: string;
}

export interface TimemlDoc {
  name: string;
  /** Document creation time: the TIMEX3 value inside <DCT>. */
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** Parses a .tml file: strips every tag from <TEXT> and keeps the TIMEX3 spans as offsets into the result. */
export function parseTimeml(name: string, xml: string): TimemlDoc {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]*)"/.exec(xml)?.[1] ?? '';
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { start: number; type: TimexType; value: string } | null = null;
  const token = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&[a-z]+;|[^<&]+|[<&]/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const whole = m[0];
    if (m[2] === undefined) {
      text += ENTITIES[whole] ?? whole;
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      if (open) timexes.push({ start: open.start, end: text.length, type: open.type, value: open.value });
      open = null;
    } else {
      const attrs = m[3] ?? '';
      const type = (/\btype="([A-Z]+)"/.exec(attrs)?.[1] ?? 'DATE') as TimexType;
      open = { start: text.length, type, value: /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '' };
    }
  }
  return { name, dct, text, timexes };
}

async function listTml(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listTml(path)));
    else if (entry.name.endsWith('.tml')) out.push(path);
  }
  return out.sort();
}

/** Loads every .tml file under `<evalDir>/timeml` (both sub-folders); [] when the folder is missing. */
export async function loadTimeml(evalDir: string): Promise<TimemlDoc[]> {
  const root = join(evalDir, 'timeml');
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) return [];
  const files = await listTml(root);
  return Promise.all(files.map(async (f) => parseTimeml(f.slice(root.length + 1), await readFile(f, 'utf8'))));
}

export interface TimexScores {
  gold: number;
  system: number;
  relaxedMatches: number;
  strictMatches: number;
  typeCorrect: number;
  valueCorrect: number;
  perType: Record<string, { gold: number; matched: number; valueCorrect: number }>;
}

function f1(matches: number, system: number, gold: number): number {
  const p = system ? matches / system : 0;
  const r = gold ? matches / gold : 0;
  return p + r ? (200 * p * r) / (p + r) : 0;
}

/** TempEval-3 matching: each gold expression is paired with at most one overlapping system one, an exact one first. */
export function matchDoc(gold: GoldTimex[], system: TimelineEntry[]): { gold: GoldTimex; system: TimelineEntry | null }[] {
  const used = new Set<number>();
  return gold.map((g) => {
    let best = -1;
    for (let i = 0; i < system.length; i++) {
      const s = system[i]!;
      if (used.has(i) || s.start >= g.end || s.end <= g.start) continue;
      if (best < 0 || (s.start === g.start && s.end === g.end)) best = i;
    }
    if (best < 0) return { gold: g, system: null };
    used.add(best);
    return { gold: g, system: system[best]! };
  });
}

/** TempEval-3 style scoring: each gold expression is matched to at most one overlapping system one. */
export function scoreDoc(gold: GoldTimex[], system: TimelineEntry[], acc: TimexScores): void {
  acc.gold += gold.length;
  acc.system += system.length;
  for (const { gold: g, system: s } of matchDoc(gold, system)) {
    const slot = (acc.perType[g.type] ??= { gold: 0, matched: 0, valueCorrect: 0 });
    slot.gold++;
    if (!s) continue;
    acc.relaxedMatches++;
    slot.matched++;
    if (s.start === g.start && s.end === g.end) acc.strictMatches++;
    if (s.type === g.type) acc.typeCorrect++;
    if (s.value === g.value) {
      acc.valueCorrect++;
      slot.valueCorrect++;
    }
  }
}

export function emptyScores(): TimexScores {
  return { gold: 0, system: 0, relaxedMatches: 0, strictMatches: 0, typeCorrect: 0, valueCorrect: 0, perType: {} };
}

export function scoreCorpus(docs: TimemlDoc[]): TimexScores {
  const acc = emptyScores();
  for (const doc of docs) scoreDoc(doc.timexes, extractTimeline(doc.text, { publishedAt: doc.dct }), acc);
  return acc;
}

const round = (x: number): number => Math.round(x * 10) / 10;

export async function run(evalDir: string): Promise<EvalRow[]> {
  const docs = await loadTimeml(evalDir);
  if (docs.length === 0) return [];
  const s = scoreCorpus(docs);
  const relaxed = f1(s.relaxedMatches, s.system, s.gold);
  const valueAcc = s.relaxedMatches ? (100 * s.valueCorrect) / s.relaxedMatches : 0;
  const typeAcc = s.relaxedMatches ? (100 * s.typeCorrect) / s.relaxedMatches : 0;
  const heidel = 'HeidelTime (TempEval-3)';
  const rows: EvalRow[] = [
    { task: 'timeline', metric: 'relaxed F1', ours: round(relaxed), baseline: 90.3, baselineName: heidel, target: '>= 95' },
    { task: 'timeline', metric: 'strict F1', ours: round(f1(s.strictMatches, s.system, s.gold)), baseline: 81.3, baselineName: heidel },
    { task: 'timeline', metric: 'type accuracy', ours: round(typeAcc) },
    { task: 'timeline', metric: 'value accuracy', ours: round(valueAcc), baseline: 85.9, baselineName: heidel, target: '>= 90' },
    { task: 'timeline', metric: 'value F1', ours: round((relaxed * valueAcc) / 100), baseline: 77.6, baselineName: heidel },
  ];
  // AQUAINT alone: its newswire differs from TimeBank's (more relative dates), so it is shown apart.
  const aquaint = scoreCorpus(docs.filter((d) => d.name.startsWith('AQUAINT')));
  if (aquaint.relaxedMatches > 0) {
    rows.push(
      { task: 'timeline (AQUAINT)', metric: 'relaxed F1', ours: round(f1(aquaint.relaxedMatches, aquaint.system, aquaint.gold)) },
      { task: 'timeline (AQUAINT)', metric: 'value accuracy', ours: round((100 * aquaint.valueCorrect) / aquaint.relaxedMatches), target: '>= 87' },
    );
  }
  return rows;
}
