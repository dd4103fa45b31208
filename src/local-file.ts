import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { UserError } from './core/errors.ts';
import { DEFAULT_MAX_BYTES } from './ingest/limits.ts';

/** A local file or standard input read by the CLI is capped like a fetched page. */
export const MAX_LOCAL_FILE_BYTES = DEFAULT_MAX_BYTES;

const tooBig = (what: string, max: number) =>
  new UserError(`${what} is too large (more than ${(max / 1024 / 1024).toLocaleString('en')} MB); give one article or one feed.`);

/** Refuses a local file over the cap from its size alone, before anything reads it. */
export async function checkLocalFileSize(path: string, max = MAX_LOCAL_FILE_BYTES): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile() && info.size > max) throw tooBig(`The file ${path}`, max);
}

/**
 * A local file ("-" for standard input) as UTF-8 text, read as a stream that stops at the cap, so a
 * huge file or pipe is refused without being held in memory whole.
 */
export async function readLocalText(source: string, stdin: Readable, max = MAX_LOCAL_FILE_BYTES): Promise<string> {
  if (source !== '-') await checkLocalFileSize(source, max);
  const input = source === '-' ? stdin : createReadStream(source);
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of input) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buffer.length;
      if (bytes > max) {
        // Standard input is left to the shell; a file stream is closed at once.
        if (source !== '-') input.destroy();
        throw tooBig(source === '-' ? 'Standard input' : `The file ${source}`, max);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`I can't read the file ${source}.`);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}
