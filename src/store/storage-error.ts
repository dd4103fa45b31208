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

export function isStorageUnavailable(error: unknown): error is StorageUnavailableError {
  return error instanceof StorageUnavailableError;
}
