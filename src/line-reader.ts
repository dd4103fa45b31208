import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** One input line, or the fact that a line was longer than allowed (its text is never kept). */
export type BoundedLine = { text: string } | { tooLong: true };

/**
 * Lines of a stream, each at most `maxChars` characters. A longer line is skipped as it streams in
 * (only `maxChars` of it are ever held), and reported once in its place, so a 20 MB line costs no
 * more memory than a short one and the lines after it keep their positions. "\r\n" ends a line too;
 * a final line without a line break counts.
 */
export async function* boundedLines(input: Readable, maxChars: number): AsyncGenerator<BoundedLine> {
  const decoder = new StringDecoder('utf8');
  let current = '';
  let overflow = false;
  const take = function* (text: string): Generator<BoundedLine> {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const piece = text.slice(start, end);
      start = end + 1;
      const line = !overflow && current.length + piece.length <= maxChars + 1 ? (current + piece).replace(/\r$/, '') : undefined;
      yield line !== undefined && line.length <= maxChars ? { text: line } : { tooLong: true };
      current = '';
      overflow = false;
    }
    if (overflow) return;
    current += text.slice(start);
    // One more character than allowed is kept, as it may be the "\r" of a "\r\n".
    if (current.length > maxChars + 1) {
      current = '';
      overflow = true;
    }
  };
  for await (const chunk of input) {
    yield* take(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
  }
  yield* take(decoder.end());
  const last = current.replace(/\r$/, '');
  if (overflow || last.length > maxChars) yield { tooLong: true };
  else if (current !== '') yield { text: last };
}
