/**
 * Storage cannot be used at start-up (a damaged database file, a DATA_DIR that is not a writable
 * folder). Its message is one line for the operator, naming the file or variable and what to do;
 * main.ts and cli.ts print it and exit 1 instead of showing a stack trace.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}

/**
 * Storage is unreachable right now (Redis down): a command answers with a short apology instead of
 * waiting for it, and the outage is logged by the store's health monitor, not per command.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(message = 'storage is unavailable', options?: { cause?: unknown }) {
    super(message, options);
  }
}

// node-redis's errors carry no name or code of their own, only these messages (@redis/client errors.js);
// the last one is @keyv/redis's when the first connection fails.
const UNAVAILABLE = [
  /^The client is offline$/,
  /^The client is closed$/,
  /^Connection timeout$/,
  /^Socket closed unexpectedly$/,
  /^Socket timeout/,
  /^Redis client is not connected or has failed to connect/,
];
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** Whether an error (or what caused it) means the store cannot be reached right now. */
export function isStorageUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current instanceof StorageUnavailableError) return true;
    if (UNAVAILABLE.some((pattern) => pattern.test(current.message))) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  }
  return false;
}
