import { afterEach, describe, expect, it } from 'vitest';
import { EventOnce } from '../../src/adapters/slack/events.ts';
import { testServices } from '../helpers.ts';

describe('EventOnce on the SQLite event store', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('lets exactly one of several claims started together win, and none after it (across instances)', async () => {
    const test = testServices();
    cleanup = test.cleanup;
    const once = new EventOnce(test.services.stores.events, 'sqlite');
    // All claims start before any store read resolves: a check-then-set on the store alone lets them all through.
    const results = await Promise.all([once.claim('Ev0SAME'), once.claim('Ev0SAME'), once.claim('Ev0SAME')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await once.claim('Ev0SAME')).toBe(false);
    // The claim is in the store, so it outlives the process's memory (a restart).
    expect(await new EventOnce(test.services.stores.events, 'sqlite').claim('Ev0SAME')).toBe(false);
    expect(await once.claim('Ev0OTHER')).toBe(true);
  });
});
