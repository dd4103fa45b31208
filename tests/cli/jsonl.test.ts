import { PassThrough, Readable } from 'node:stream';
import { boundedLines } from '../../src/line-reader.ts';
import { describe, expect, it } from 'vitest';
import { analyzeLines, answerLines, MAX_JSONL_LINE_CHARS, MAX_JSONL_TEXT_CHARS } from '../../src/jsonl.ts';
import { HARBOUR_ARTICLE, HARBOUR_PUBLISHED } from '../fixtures/articles.ts';

async function collect(run: (input: Readable, output: PassThrough) => Promise<void>, lines: string[]): Promise<Record<string, unknown>[]> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk) => {
    text += String(chunk);
  });
  await run(Readable.from(lines.map((line) => `${line}\n`)), output);
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('newsdesk analyze (JSON Lines)', () => {
  it('writes one line per input, in order, with offsets into the text', async () => {
    const out = await collect(
      (input, output) => analyzeLines(input, output, { sentences: 2 }),
      [
        JSON.stringify({ id: 'a', text: HARBOUR_ARTICLE, publishedAt: HARBOUR_PUBLISHED }),
        '{not json',
        JSON.stringify({ id: '7', title: 'no text' }),
        JSON.stringify({ id: 'b', text: 'Short note.' }),
      ],
    );
    expect(out.map((line) => line.id)).toEqual(['a', null, '7', 'b']);
    const first = out[0] as {
      summary: { text: string; start: number; end: number }[];
      tags: Record<string, string[]>;
      quotes: { text: string; speaker: string | null; start: number; end: number }[];
      timeline: { text: string; start: number; end: number; type: string; value: string; event: string }[];
    };
    expect(Object.keys(first)).toEqual(['id', 'summary', 'tags', 'quotes', 'timeline']);
    expect(first.summary).toHaveLength(2);
    for (const span of [...first.summary, ...first.quotes, ...first.timeline]) expect(HARBOUR_ARTICLE.slice(span.start, span.end)).toBe(span.text);
    expect(Object.keys(first.tags)).toEqual(['people', 'organizations', 'places', 'topics']);
    expect(first.quotes.some((quote) => quote.speaker === 'Lucia Camilleri')).toBe(true);
    expect(first.timeline.some((entry) => entry.type === 'DURATION' && entry.value === 'P3D')).toBe(true);
    expect(out[1]).toMatchObject({ id: null, error: expect.stringContaining('not valid JSON') });
    expect(out[2]).toEqual({ id: '7', error: 'missing "text" (a string)' });
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

describe('JSON Lines faults', () => {
  it('answers a blank line, a missing id and a non-string id with an error line each, keeping lines aligned', async () => {
    const out = await collect(answerLines, [
      JSON.stringify({ id: 'q1', text: 'The ferry left at noon.', question: 'When did the ferry leave?' }),
      '',
      '   ',
      JSON.stringify({ text: 'No id here.', question: 'Why?' }),
      JSON.stringify({ id: 12, text: 'A number id.', question: 'Why?' }),
      JSON.stringify({ id: 'q2', text: 'The ferry left at noon.', question: 'When did the ferry leave?' }),
    ]);
    expect(out).toHaveLength(6);
    expect(out[0]!.id).toBe('q1');
    expect(out[1]).toEqual({ id: null, error: 'blank line (each line must be a JSON object)' });
    expect(out[2]).toEqual({ id: null, error: 'blank line (each line must be a JSON object)' });
    expect(out[3]).toEqual({ id: null, error: 'missing "id" (a string)' });
    expect(out[4]).toEqual({ id: null, error: '"id" must be a string' });
    expect(out[5]!.id).toBe('q2');
  });

  it('accepts a byte-order mark on the first line, and CRLF line ends', async () => {
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += String(chunk)));
    const input = Buffer.from(`\uFEFF${JSON.stringify({ id: 'a', text: 'Short note.' })}\r\n${JSON.stringify({ id: 'b', text: 'Other note.' })}\r\n`, 'utf8');
    await analyzeLines(Readable.from([input.subarray(0, 2), input.subarray(2)]), output);
    const out = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; summary: unknown[] });
    expect(out.map((line) => line.id)).toEqual(['a', 'b']);
    expect(out[0]!.summary).toHaveLength(1);
  });

  it('refuses a 20 MB line with one error line and goes on with the next', async () => {
    const huge = JSON.stringify({ id: 'big', text: 'word '.repeat(4_000_000) });
    const chunks = [
      huge.slice(0, 7_000_000),
      huge.slice(7_000_000, 14_000_000),
      `${huge.slice(14_000_000)}\n`,
      `${JSON.stringify({ id: 'after', text: 'Short note.' })}\n`,
    ];
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += String(chunk)));
    await analyzeLines(Readable.from(chunks), output);
    const out = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ id: null, error: `line too long (more than ${MAX_JSONL_LINE_CHARS.toLocaleString('en')} characters); send one article per line` });
    expect(out[1]!.id).toBe('after');
  });

  it('refuses a text longer than pasted text may be', async () => {
    const out = await collect(analyzeLines, [JSON.stringify({ id: 'long', text: 'x'.repeat(MAX_JSONL_TEXT_CHARS + 1) })]);
    expect(out[0]).toMatchObject({ id: 'long', error: expect.stringContaining('"text" is too long') });
  });
});

describe('boundedLines', () => {
  async function lines(chunks: string[], max: number) {
    const seen: unknown[] = [];
    for await (const line of boundedLines(Readable.from(chunks), max)) seen.push('text' in line ? line.text : 'TOO LONG');
    return seen;
  }

  it('splits across chunks, keeps blank lines and a last line without a break', async () => {
    expect(await lines(['ab', 'c\n\nd', 'e\r\nf'], 10)).toEqual(['abc', '', 'de', 'f']);
  });

  it('reports each over-long line once, at its place, whether or not it ends the input', async () => {
    expect(await lines(['12345\n123456\n12', '3456', '78\nok\n1234567'], 5)).toEqual(['12345', 'TOO LONG', 'TOO LONG', 'ok', 'TOO LONG']);
    expect(await lines(['12345\r\n'], 5)).toEqual(['12345']);
    expect(await lines(['123456'], 5)).toEqual(['TOO LONG']);
  });
});
