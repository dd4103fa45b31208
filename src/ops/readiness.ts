import type { Stores } from '../store/index.ts';
import type { ReadinessCheck } from './http.ts';

/** Ready when a read from the store answers (SQLite file, or every Redis connection up). */
export function storeCheck(stores: Stores): ReadinessCheck {
  return {
    name: 'store',
    async check() {
      if (stores.health && !stores.health.available) return 'Redis is unreachable';
      await stores.locks.get('readyz-probe');
      return true;
    },
  };
}
