import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import { DeliveryLedger } from '../digest/ledger.ts';
import { FeedStore } from '../feeds/feed-store.ts';
import { HostLimiter } from '../feeds/host-limiter.ts';
import { FeedReader } from '../feeds/reader.ts';
import { SeenItems } from '../feeds/seen.ts';
import { fetcherFromConfig } from '../ingest/port.ts';
import type { SafeFetch } from '../ingest/safe-fetch.ts';
import type { Stores } from '../store/index.ts';
import { StoryStore } from '../stories/story-store.ts';
import { ChannelHealth } from './channel-health.ts';
import { createLocks, LEASE_MS, type LockService } from './locks.ts';
import { ScheduleStore } from './schedule-store.ts';

/** Feeds, stories, schedules and digests: the repositories and helpers the poller, the scheduler and /feeds, /digest share. */
export interface Newsroom {
  feeds: FeedStore;
  reader: FeedReader;
  seen: SeenItems;
  stories: StoryStore;
  schedules: ScheduleStore;
  /** Retries owed, "gone" streaks and paused digests, per channel. */
  health: ChannelHealth;
  ledger: DeliveryLedger;
  locks: LockService;
  /** Length of digest and poll leases (renewed while the work runs; a crashed owner's work resumes after it). */
  leaseMs: number;
  /** One per process, so the per-host limit holds across polls that overlap. */
  limiter: HostLimiter;
  /** Jitter for back-off; injected so tests are exact. */
  random: () => number;
}

export interface NewsroomOptions {
  fetcher?: SafeFetch;
  random?: () => number;
  /** Where relative local feed paths (the demo feed) are read from. */
  baseDir?: string;
  leaseMs?: number;
}

export function createNewsroom(config: Config, stores: Stores, clock: Clock, options: NewsroomOptions = {}): Newsroom {
  const locks = createLocks(stores.locks, stores.kind, clock);
  const fetcher = options.fetcher ?? fetcherFromConfig(config, { now: () => clock.now().getTime() });
  return {
    feeds: new FeedStore(stores.feeds),
    reader: new FeedReader(fetcher, options.baseDir),
    seen: new SeenItems(stores.seen),
    stories: new StoryStore(stores.stories, locks),
    schedules: new ScheduleStore(stores.schedules, config.SUMMARY_SENTENCES),
    health: new ChannelHealth(stores.schedules),
    ledger: new DeliveryLedger(stores.deliveries),
    locks,
    leaseMs: options.leaseMs ?? LEASE_MS,
    limiter: new HostLimiter(2, 32),
    random: options.random ?? Math.random,
  };
}
