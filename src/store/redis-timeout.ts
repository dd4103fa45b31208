import { StorageUnavailableError } from './storage-error.ts';

const BOUNDED = new Set(['get', 'getMany', 'set', 'setMany', 'delete', 'deleteMany', 'has', 'hasMany', 'clear']);

/**
 * A Redis adapter whose calls give up after `ms`. The offline queue being off covers a connection
 * that closed; this covers one that hangs open (a dropped route, a stalled proxy), where node-redis
 * would wait for the operating system's TCP time-out. `onTimeout` resets the connection.
 */
export function withTimeout<T extends object>(adapter: T, ms: number, onTimeout: (method: string) => void): T {
  return new Proxy(adapter, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Bound to the adapter itself: its private fields can't be read through the proxy.
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (typeof property !== 'string' || !BOUNDED.has(property)) return method;
      return (...args: unknown[]) => bounded(Promise.resolve(method(...args)), ms, () => onTimeout(property));
    },
  });
}

function bounded<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new StorageUnavailableError(`Redis did not answer within ${ms} ms`));
    }, ms);
  });
  // The losing call may still reject later (the reset connection); that is expected, not unhandled.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
