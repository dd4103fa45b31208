/**
 * An error the user caused and can fix (a bad URL, an unknown feed, a wrong cron).
 * The dispatcher turns it into a short ephemeral answer; its message is shown as it is.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

// Storage faults are defined with the store; re-exported so the core's one error-mapping place sees them.
export { isStorageUnavailable } from '../store/storage-error.ts';
