import cron, { type ScheduledTask } from 'node-cron';
import { channelKey, type ChannelRef, type PlatformName, type PlatformPort } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import { pollDueFeeds, type PollOutcome } from '../feeds/poller.ts';
import type { Notify } from '../feeds/health.ts';
import { digestLockKey, DIGEST_LOCK_MS, deliverLocked, portPoster, type DigestRun } from '../digest/deliver.ts';
import { withLock } from './locks.ts';
import type { ScheduleRecord } from './schedule-store.ts';
import { dueSlot, MISSED_RUN_GRACE_MS } from './slots.ts';

export interface SlotRun {
  channel: ChannelRef;
  slot: string;
  run: DigestRun;
}

export interface TickReport {
  polls: PollOutcome[];
  digests: SlotRun[];
}

export interface SchedulerHandle {
  stop(): Promise<void>;
  /** One heartbeat: re-sync schedules, poll due feeds, run due digests. Tests call it with a manual clock. */
  tick(): Promise<TickReport>;
}

export interface SchedulerOptions {
  /** Start node-cron timers (default true). Tests that drive tick() by hand turn them off. */
  timers?: boolean;
  graceMs?: number;
}

/**
 * Runs scheduled digests and feed polls. Each channel's schedule is a node-cron task in the channel's
 * time zone; a one-minute heartbeat (also node-cron) polls due feeds and catches any slot a task did
 * not fire (a DST gap, a restart, a schedule set in another process). Whatever notices a slot, it
 * runs once: under the channel's digest lock, and only if it is newer than the last slot recorded.
 * On start, a slot missed while the bot was down runs once if it is within the grace window.
 */
export function startScheduler(services: Services, ports: PlatformPort[], options: SchedulerOptions = {}): SchedulerHandle {
  const byPlatform = new Map<PlatformName, PlatformPort>(ports.map((port) => [port.name, port]));
  const tasks = new Map<string, { task: ScheduledTask; signature: string }>();
  const timers = options.timers ?? true;
  const graceMs = options.graceMs ?? MISSED_RUN_GRACE_MS;
  let stopped = false;
  let polling: Promise<PollOutcome[]> | undefined;
  const inFlight = new Set<Promise<unknown>>();
  const log = services.logger.child({ component: 'scheduler' });

  const notify: Notify = async (channel, message) => {
    const port = byPlatform.get(channel.platform);
    if (port) await port.post(channel, message);
  };

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  async function runIfDue(record: ScheduleRecord): Promise<SlotRun | undefined> {
    const port = byPlatform.get(record.channel.platform);
    // Another process may serve this platform: do not claim its slot.
    if (!port || stopped) return undefined;
    const now = services.clock.now();
    const last = await services.newsroom.schedules.lastSlot(record.channel);
    const after = new Date(Math.max(Date.parse(record.since), last ? Date.parse(last) : 0));
    const slot = dueSlot(record, now, after, graceMs);
    if (!slot) return undefined;
    const result = await withLock(services.newsroom.locks, digestLockKey(record.channel), DIGEST_LOCK_MS, async () => {
      const latest = await services.newsroom.schedules.lastSlot(record.channel);
      if (latest && Date.parse(latest) >= slot.getTime()) return undefined;
      // Claimed before posting: the slot runs once; stories a failed run could not post go in the next digest.
      await services.newsroom.schedules.setLastSlot(record.channel, slot);
      const { post, onPosted } = portPoster(services, port, record.channel);
      return deliverLocked(services, record.channel, post, { onPosted });
    });
    if (!result.ran || !result.value) return undefined;
    const run = result.value;
    log.info({ channel: record.channel, slot: slot.toISOString(), status: run.status }, 'scheduled digest');
    return { channel: record.channel, slot: slot.toISOString(), run };
  }

  // The heartbeat, a schedule change and a tick can ask for a sync at once: one at a time, or two tasks get made.
  let syncing: Promise<unknown> = Promise.resolve();
  function sync(): Promise<ScheduleRecord[]> {
    const next = syncing.then(syncNow, syncNow);
    syncing = next.catch(() => undefined);
    return next;
  }

  async function syncNow(): Promise<ScheduleRecord[]> {
    const records = await services.newsroom.schedules.all();
    if (!timers || stopped) return records;
    const wanted = new Set<string>();
    for (const record of records) {
      const key = channelKey(record.channel);
      wanted.add(key);
      const signature = `${record.cron}|${record.timezone}|${record.since}`;
      if (tasks.get(key)?.signature === signature) continue;
      await tasks.get(key)?.task.destroy();
      const task = cron.schedule(
        record.cron,
        async () => {
          const fresh = await services.newsroom.schedules.get(record.channel);
          if (fresh) await track(runIfDue(fresh)).catch((error: unknown) => log.error({ err: error, channel: record.channel }, 'scheduled digest failed'));
        },
        { timezone: record.timezone, name: `digest ${key}`, noOverlap: true },
      );
      tasks.set(key, { task, signature });
    }
    for (const [key, entry] of tasks) {
      if (wanted.has(key)) continue;
      await entry.task.destroy();
      tasks.delete(key);
    }
    return records;
  }

  async function tick(): Promise<TickReport> {
    if (stopped) return { polls: [], digests: [] };
    const records = await sync();
    // One poll cycle at a time in this process; feed locks keep other processes off the same feeds.
    polling ??= pollDueFeeds(services, notify).finally(() => {
      polling = undefined;
    });
    const polls = await polling;
    const settled = await Promise.allSettled(records.map((record) => runIfDue(record)));
    const digests: SlotRun[] = [];
    settled.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') {
        if (outcome.value) digests.push(outcome.value);
      } else {
        log.error({ err: outcome.reason, channel: records[index]?.channel }, 'scheduled digest failed');
      }
    });
    return { polls, digests };
  }

  const safeTick = () => track(tick()).catch((error: unknown) => log.error({ err: error }, 'scheduler tick failed'));
  const onChange = () => void sync().catch((error: unknown) => log.error({ err: error }, 'schedule sync failed'));
  services.newsroom.schedules.on('change', onChange);
  const heartbeat = timers ? cron.schedule('* * * * *', safeTick, { name: 'newsdesk heartbeat', noOverlap: true }) : undefined;
  if (timers) void safeTick();

  return {
    tick: () => track(tick()),
    async stop() {
      stopped = true;
      services.newsroom.schedules.off('change', onChange);
      await heartbeat?.destroy();
      for (const entry of tasks.values()) await entry.task.destroy();
      tasks.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
