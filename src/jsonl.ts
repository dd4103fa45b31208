import type { Readable, Writable } from 'node:stream';
import type { Engine } from './core/types.ts';
import { EmbeddedEngine } from './engine/index.ts';
import { MAX_PASTED_CHARS } from './ingest/to-article.ts';
import { boundedLines } from './line-reader.ts';

// The two JSON Lines commands are a public interface (evaluations and other tools call them):
// one output line per input line, in order, with exactly these fields. Every input line, blank or
// broken, gets exactly one output line, so output line n always answers input line n.

/** A "text" longer than this is refused, as pasted text is in chat. */
export const MAX_JSONL_TEXT_CHARS = MAX_PASTED_CHARS;
/**
 * A whole input line: the text plus room for JSON escapes and the other fields. A longer line is
 * refused without being read into memory whole.
 */
export const MAX_JSONL_LINE_CHARS = 5 * MAX_PASTED_CHARS;

type Json = Record<string, unknown>;

/** What the two commands need of an engine: the embedded one, or the configured service (model, cache, fallback). */
export type JsonlEngine = Pick<Engine, 'analyze' | 'answer'>;

export async function analyzeLines(input: Readable, output: Writable, options: { sentences?: number; engine?: JsonlEngine } = {}): Promise<void> {
  const engine = options.engine ?? new EmbeddedEngine();
  await eachLine(input, output, async (record, id) => {
    const text = record.text;
    const bad = badText(text);
    if (bad) return { id, error: bad };
    const title = typeof record.title === 'string' ? record.title : undefined;
    const publishedAt = typeof record.publishedAt === 'string' ? record.publishedAt : undefined;
    const analysis = await engine.analyze({ id, text: text as string, title, publishedAt }, { sentences: options.sentences });
    return {
      id,
      summary: analysis.summary.map((s) => ({ text: s.text, start: s.start, end: s.end, ...(s.shown ? { shown: s.shown } : {}) })),
      tags: {
        people: analysis.tags.people,
        organizations: analysis.tags.organizations,
        places: analysis.tags.places,
        topics: analysis.tags.topics,
      },
      quotes: analysis.quotes.map((q) => ({ text: q.text, speaker: q.speaker, start: q.start, end: q.end })),
      timeline: analysis.timeline.map((t) => ({ text: t.text, start: t.start, end: t.end, type: t.type, value: t.value, event: t.event })),
    };
  });
}

export async function answerLines(input: Readable, output: Writable, options: { engine?: JsonlEngine } = {}): Promise<void> {
  const engine = options.engine ?? new EmbeddedEngine();
  await eachLine(input, output, async (record, id) => {
    const { text, question } = record;
    const bad = badText(text);
    if (bad) return { id, error: bad };
    if (typeof question !== 'string') return { id, error: 'missing "question" (a string)' };
    if (question.length > MAX_JSONL_TEXT_CHARS) return { id, error: '"question" is too long' };
    // The cited span of the text, whichever engine answered (a model's own wording is not an offset).
    const best = await engine.answer(question, [{ id, text: text as string }]);
    return { id, answer: best ? { text: best.citation.text, start: best.citation.start, end: best.citation.end } : null };
  });
}

function badText(text: unknown): string | undefined {
  if (typeof text !== 'string') return 'missing "text" (a string)';
  if (text.length > MAX_JSONL_TEXT_CHARS)
    return `"text" is too long (more than ${MAX_JSONL_TEXT_CHARS.toLocaleString('en')} characters); send one article per line`;
  return undefined;
}

/** The output line for one input line. */
async function answerLine(line: string, handle: (record: Json, id: string) => Promise<Json>): Promise<Json> {
  if (line.trim() === '') return { id: null, error: 'blank line (each line must be a JSON object)' };
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { id: null, error: 'each line must be a JSON object' };
  const id = (record as Json).id;
  if (id === undefined) return { id: null, error: 'missing "id" (a string)' };
  if (typeof id !== 'string') return { id: null, error: '"id" must be a string' };
  try {
    return await handle(record as Json, id);
  } catch (error) {
    return { id, error: (error as Error).message };
  }
}

async function eachLine(input: Readable, output: Writable, handle: (record: Json, id: string) => Promise<Json>): Promise<void> {
  let first = true;
  for await (const line of boundedLines(input, MAX_JSONL_LINE_CHARS)) {
    let result: Json;
    if ('tooLong' in line) {
      result = { id: null, error: `line too long (more than ${MAX_JSONL_LINE_CHARS.toLocaleString('en')} characters); send one article per line` };
    } else {
      // A UTF-8 byte-order mark (some editors write one) is not part of the first record.
      result = await answerLine(first ? line.text.replace(/^\uFEFF/, '') : line.text, handle);
    }
    first = false;
    if (!output.write(`${JSON.stringify(result)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}
