import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { UserError } from '../core/errors.ts';

export function tooLarge(maxBytes: number): UserError {
  return new UserError(`The page is larger than ${formatBytes(maxBytes)}.`);
}

export function formatBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${Number((bytes / mb).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function decompressor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * Reads the body, decompressed, and stops as soon as it passes maxBytes: the cap counts the bytes
 * after decompression, so a small gzip bomb is stopped as early as a large page.
 */
export async function readBody(response: IncomingMessage, encoding: string | undefined, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const inflate = decompressor(encoding);
  let stream: Readable = response;
  if (inflate) {
    pipeline(response, inflate, () => {
      // Errors surface through the iteration below; pipeline already destroyed both streams.
    });
    stream = inflate;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    signal.throwIfAborted();
    const buffer = chunk as Buffer;
    total += buffer.byteLength;
    if (total > maxBytes) {
      response.destroy();
      stream.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
