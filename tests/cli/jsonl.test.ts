import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeLines, answerLines } from '../../src/jsonl.ts';
import { HARBOUR_ARTICLE, HARBOUR_PUBLISHED } from '../fixtures/articles.ts';

async function collect(run: (input: Readable, output: PassThrough) => Promise<void>, lines: string[]): Promise<Record<string, unknown>[]> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk) => {
    text += String(chunk);
  });
  await run(Readable.from(lines.map((line) => `${line}\n`)), output);
  return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('newsdesk analyze (JSON Lines)', () => {
  it('writes one line per input, in order, with offsets into the text', async () => {
    const out = await collect((input, output) => analyzeLines(input, output, { sentences: 2 }), [
      JSON.stringify({ id: 'a', text: HARBOUR_ARTICLE, publishedAt: HARBOUR_PUBLISHED }),
      '{not json',
      JSON.stringify({ id: 7, title: 'no text' }),
      JSON.stringify({ id: 'b', text: 'Short note.' }),
    ]);
    expect(out.map((line) => line.id)).toEqual(['a', null, 7, 'b']);
    const first = out[0] as { summary: { text: string; start: number; end: number }[]; tags: Record<string, string[]>; quotes: { text: string; speaker: string | null; start: number; end: number }[]; timeline: { text: string; start: number; end: number; type: string; value: string; event: string }[] };
    expect(Object.keys(first)).toEqual(['id', 'summary', 'tags', 'quotes', 'timeline']);
    expect(first.summary).toHaveLength(2);
    for (const span of [...first.summary, ...first.quotes, ...first.timeline]) expect(HARBOUR_ARTICLE.slice(span.start, span.end)).toBe(span.text);
    expect(Object.keys(first.tags)).toEqual(['people', 'organizations', 'places', 'topics']);
    expect(first.quotes.some((quote) => quote.speaker === 'Lucia Camilleri')).toBe(true);
    expect(first.timeline.some((entry) => entry.type === 'DURATION' && entry.value === 'P3D')).toBe(true);
    expect(out[1]).toMatchObject({ id: null, error: expect.stringContaining('not valid JSON') });
    expect(out[2]).toEqual({ id: 7, error: 'missing "text" (a string)' });
    expect(out[3]).toMatchObject({ id: 'b', summary: [{ text: 'Short note.', start: 0, end: 11 }] });
  });
});

describe('newsdesk answer (JSON Lines)', () => {
  it('answers with a span of the text, or null, and reports bad lines', async () => {
    const out = await collect(answerLines, [
      JSON.stringify({ id: 'q1', text: HARBOUR_ARTICLE, question: 'How much diesel was the barge carrying?' }),
      JSON.stringify({ id: 'q2', text: HARBOUR_ARTICLE, question: 'Who won the football cup final?' }),
      JSON.stringify({ id: 'q3', text: HARBOUR_ARTICLE }),
      '[1,2]',
    ]);
    const answer = (out[0] as { answer: { text: string; start: number; end: number } }).answer;
    expect(answer.text).toContain('400 tonnes');
    expect(HARBOUR_ARTICLE.slice(answer.start, answer.end)).toBe(answer.text);
    expect(out[1]).toEqual({ id: 'q2', answer: null });
    expect(out[2]).toEqual({ id: 'q3', error: 'missing "question" (a string)' });
    expect(out[3]).toEqual({ id: null, error: 'each line must be a JSON object' });
  });
});
