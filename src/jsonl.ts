import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerQuestion } from './engine/answer.ts';
import { analyzeArticle } from './engine/index.ts';

// The two JSON Lines commands are a public interface (evaluations and other tools call them):
// one output line per input line, in order, with exactly these fields.

type Json = Record<string, unknown>;

export async function analyzeLines(input: Readable, output: Writable, options: { sentences?: number } = {}): Promise<void> {
  await eachLine(input, output, (record) => {
    const id = idOf(record);
    const text = record.text;
    if (typeof text !== 'string') return { id, error: 'missing "text" (a string)' };
    const title = typeof record.title === 'string' ? record.title : undefined;
    const publishedAt = typeof record.publishedAt === 'string' ? record.publishedAt : undefined;
    const analysis = analyzeArticle({ id: String(id), text, title, publishedAt }, { sentences: options.sentences });
    return {
      id,
      summary: analysis.summary.map((s) => ({ text: s.text, start: s.start, end: s.end })),
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

export async function answerLines(input: Readable, output: Writable): Promise<void> {
  await eachLine(input, output, (record) => {
    const id = idOf(record);
    const { text, question } = record;
    if (typeof text !== 'string') return { id, error: 'missing "text" (a string)' };
    if (typeof question !== 'string') return { id, error: 'missing "question" (a string)' };
    const best = answerQuestion(question, [{ id: String(id), text }]);
    return { id, answer: best ? { text: best.span.text, start: best.span.start, end: best.span.end } : null };
  });
}

function idOf(record: Json): string | number | null {
  const id = record.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

async function eachLine(input: Readable, output: Writable, handle: (record: Json) => Json): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let result: Json;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      result = { id: null, error: `not valid JSON: ${(error as Error).message}` };
    }
    if (record !== undefined) {
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        result = { id: null, error: 'each line must be a JSON object' };
      } else {
        try {
          result = handle(record as Json);
        } catch (error) {
          result = { id: idOf(record as Json), error: (error as Error).message };
        }
      }
    }
    if (!output.write(`${JSON.stringify(result!)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}
