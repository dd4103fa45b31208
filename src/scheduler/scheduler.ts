import cron, { type ScheduledTask } from 'node-cron';
import { channelKey, type ChannelRef, type PlatformName, type PlatformPort } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import { digestLockKey, deliverLocked, portPoster, type DigestRun } from '../digest/deliver.ts';
import { pollDueFeeds, type PollOutcome } from '../feeds/poller.ts';
import { runNewsFeatures, type ChannelNews } from '../features/news-run.ts';
import type { Notify } from '../feeds/health.ts';
import { retryDelayMs } from './channel-health.ts';
import { deliverPending, pauseIfGoneTooOften } from './delivery-job.ts';
import { withLock } from './locks.ts';
import { SharedWork } from './queue-work.ts';
import type { ScheduleRecord } from './schedule-store.ts';
import { dueSlot, MISSED_RUN_GRACE_MS } from './slots.ts';
import { markHeartbeat } from '../ops/metrics.ts';

export interface SlotRun {
  channel: ChannelRef;
  slot: string;
  run: DigestRun;
}

export interface TickReport {
  polls: PollOutcome[];
  /** Digests this tick started and saw finish (a channel still busy from an earlier tick is not waited for). */
  digests: SlotRun[];
  /** Follows, live posts and alerts for the stories the polls brought (src/features), when this tick ran them. */
  news: ChannelNews[];
  /** Shared queues: delivery jobs this process ran (a slot's run then says `queued`). */
  deliveries?: SlotRun[];
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
  /** How long stop() waits for running work before it lets go (the process then exits anyway). */
  stopGraceMs?: number;
  /** Shared queues (default: with SHARED_QUEUES=on on Redis): polls and digest slots taken as jobs. */
  shared?: SharedWork;
}

const STOP_GRACE_MS = 5_000;
/** What a delivery job's run reports as its slot. */
const DELIVERY_SLOT = 'delivery';

/**
 * Runs scheduled digests and feed polls. Each channel's schedule is a node-cron task in the channel's
 * time zone; a one-minute heartbeat (also node-cron) polls due feeds, catches any slot a task did not
 * fire (a DST gap, a restart, a schedule set in another process), retries failed digests and completes
 * parts a crash left sending. Whatever notices a slot, it runs once: under the channel's digest lease,
 * and only if it is newer than the last slot delivered.
 *
 * Isolation: neither the heartbeat nor a node-cron task waits on delivery. Each channel's digest is
 * its own job (at most one per channel in this process); a slow, rate-limited or failing channel only
 * holds up itself. A slot counts as done when its parts are delivered (or refused for good); a
 * transient failure is retried with back-off until delivered or until the next slot comes.
 */
export function startScheduler(services: Services, ports: PlatformPort[], options: SchedulerOptions = {}): SchedulerHandle {
  const byPlatform = new Map<PlatformName, PlatformPort>(ports.map((port) => [port.name, port]));
  const tasks = new Map<string, { task: ScheduledTask; signature: string }>();
  const timers = options.timers ?? true;
  const graceMs = options.graceMs ?? MISSED_RUN_GRACE_MS;
  let stopped = false;
  let polling: Promise<PollOutcome[]> | undefined;
  let news: Promise<ChannelNews[]> | undefined;
  const inFlight = new Set<Promise<unknown>>();
  const running = new Map<string, Promise<SlotRun | undefined>>();
  const { newsroom } = services;
  const log = services.logger.child({ component: 'scheduler' });
  const shared = options.shared ?? (services.config.SHARED_QUEUES === 'on' && services.stores.kind === 'redis' ? new SharedWork(services) : undefined);

  const notify: Notify = async (channel, message) => {
    const port = byPlatform.get(channel.platform);
    if (!port || (await newsroom.health.paused(channel))) return;
    await port.post(channel, message);
  };

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  /** Starts the channel's job unless one is running here; resolves when it ends (never rejects). */
  function launch(channel: ChannelRef, job: () => Promise<SlotRun | undefined>): Promise<SlotRun | undefined> | undefined {
    const key = channelKey(channel);
    if (stopped || running.has(key)) return undefined;
    const work = track(
      job().catch((error: unknown) => {
        log.error({ err: error, channel }, 'scheduled digest failed');
        return undefined;
      }),
    ).finally(() => running.delete(key));
    running.set(key, work);
    return work;
  }

  async function runIfDue(record: ScheduleRecord): Promise<SlotRun | undefined> {
    const port = byPlatform.get(record.channel.platform);
    // Another process may serve this platform: do not claim its slot.
    if (!port || stopped) return undefined;
    const { channel } = record;
    if (await newsroom.health.paused(channel)) return undefined;
    const now = services.clock.now();
    const last = await newsroom.schedules.lastSlot(channel);
    const after = new Date(Math.max(Date.parse(record.since), last ? Date.parse(last) : 0));
    const slot = dueSlot(record, now, after, graceMs);
    if (!slot) return undefined;
    const retry = await newsroom.health.retry(channel);
    if (retry?.slot === slot.toISOString() && Date.parse(retry.nextAt) > now.getTime()) return undefined;
    const result = await withLock(newsroom.locks, digestLockKey(channel), newsroom.leaseMs, async (guard) => {
      const latest = await newsroom.schedules.lastSlot(channel);
      if (latest && Date.parse(latest) >= slot.getTime()) return undefined;
      const { post, onPosted } = portPoster(services, port, channel);
      if (shared) {
        // Shared queues: the slot composes and queues its parts; a delivery job posts them (any process).
        const run = await deliverLocked(services, channel, post, { onPosted, guard, queue: true, resume: false });
        await newsroom.schedules.setLastSlot(channel, slot);
        // Parts queued now, or by a slot job whose process died before it queued their delivery.
        if (run.status === 'queued' || (await newsroom.ledger.pending(channel)).length > 0) await shared.deliveryQueued(channel);
        return run;
      }
      const run = await deliverLocked(services, channel, post, { onPosted, guard });
      await settleSlot(record, port, slot, run, retry?.slot === slot.toISOString() ? retry.attempts : 0);
      return run;
    });
    if (!result.ran) {
      const left = await newsroom.locks.remaining?.(digestLockKey(channel));
      log.info({ channel, slot: slot.toISOString(), leaseEndsInMs: left }, 'digest slot waits: another run holds the channel’s digest lease');
      return undefined;
    }
    if (!result.value) return undefined;
    const run = result.value;
    log.info({ channel, slot: slot.toISOString(), status: run.status }, 'scheduled digest');
    return { channel, slot: slot.toISOString(), run };
  }

  /** Records the slot as done, or what is owed: a retry with back-off, or a pause when the channel is gone. */
  async function settleSlot(record: ScheduleRecord, port: PlatformPort, slot: Date, run: DigestRun, attempts: number): Promise<void> {
    const { channel } = record;
    if (run.status !== 'failed') {
      await newsroom.schedules.setLastSlot(channel, slot);
      await newsroom.health.delivered(channel);
      return;
    }
    const now = services.clock.now();
    if (run.failure === 'gone' && (await pauseIfGoneTooOften(services, port, channel, run, log))) {
      await newsroom.schedules.setLastSlot(channel, slot);
      return;
    }
    if (run.failure === 'refused') {
      // The platform refused the message itself: the same message would be refused again.
      await newsroom.schedules.setLastSlot(channel, slot);
      return;
    }
    const next = attempts + 1;
    const nextAt = new Date(now.getTime() + retryDelayMs(next));
    await newsroom.health.setRetry(channel, { slot: slot.toISOString(), attempts: next, nextAt: nextAt.toISOString() });
    log.warn(
      { channel, slot: slot.toISOString(), attempt: next, retryAt: nextAt.toISOString(), failure: run.failure },
      'scheduled digest not delivered; retrying with back-off',
    );
  }

  /** A delivery job (shared queues, delivery-job.ts), as this channel's one job in this process. */
  function deliverJob(channel: ChannelRef, delivered: SlotRun[]): Promise<number | undefined> | undefined {
    const port = byPlatform.get(channel.platform);
    if (!port) return undefined;
    let due: number | undefined;
    const run = launch(channel, async () => {
      const outcome = await deliverPending(services, channel, port, log);
      due = outcome.due;
      return outcome.run && { channel, slot: DELIVERY_SLOT, run: outcome.run };
    });
    return run?.then((slot) => {
      if (slot) delivered.push(slot);
      return due;
    });
  }

  /** Parts left sending by a crash (or by /digest now) are checked and completed through the port. */
  async function completePending(channel: ChannelRef): Promise<SlotRun | undefined> {
    const port = byPlatform.get(channel.platform);
    if (!port || stopped || (await newsroom.health.paused(channel))) return undefined;
    const retry = await newsroom.health.retry(channel);
    if (retry && Date.parse(retry.nextAt) > services.clock.now().getTime()) return undefined;
    const result = await withLock(newsroom.locks, digestLockKey(channel), newsroom.leaseMs, (guard) => {
      const { post, onPosted } = portPoster(services, port, channel);
      return deliverLocked(services, channel, post, { onPosted, guard, resumeOnly: true });
    });
    if (!result.ran || result.value.status === 'nothing-new') return undefined;
    return { channel, slot: 'pending', run: result.value };
  }

  // The heartbeat, a schedule change and a tick can ask for a sync at once: one at a time, or two tasks get made.
  let syncing: Promise<unknown> = Promise.resolve();
  function sync(): Promise<ScheduleRecord[]> {
    const next = syncing.then(syncNow, syncNow);
    syncing = next.catch(() => undefined);
    return next;
  }

  async function syncNow(): Promise<ScheduleRecord[]> {
    // With shared queues, slots come from the digest queue: no per-channel timers in every process.
    if (shared) return [];
    const records = await newsroom.schedules.all();
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
        () => {
          // Not awaited: the task returns at once, whatever the channel's platform is doing.
          void newsroom.schedules.get(record.channel).then(
            (fresh) => (fresh ? launch(fresh.channel, () => runIfDue(fresh)) : undefined),
            (error: unknown) => log.error({ err: error, channel: record.channel }, 'scheduled digest failed'),
          );
        },
        { timezone: record.timezone, name: `digest ${key}` },
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

  /** Shared queues: this process polls and runs the share of due jobs it takes, and scans nothing. */
  async function sharedTick(work: SharedWork): Promise<TickReport> {
    polling ??= work.pollShare(notify).finally(() => {
      polling = undefined;
    });
    const polls = await polling;
    const digests: SlotRun[] = [];
    const started: Promise<unknown>[] = [];
    await work.runDigests((record) => {
      // A channel of a platform this process does not run goes back to the queue for one that does.
      if (!byPlatform.has(record.channel.platform)) return undefined;
      const run = launch(record.channel, () => runIfDue(record));
      if (run) started.push(run.then((slot) => slot && digests.push(slot)));
      return run;
    });
    const newsRun = startNews();
    await Promise.all(started);
    // The parts the slots just queued (and any a dead process left), taken by whichever process is free.
    const deliveries: SlotRun[] = [];
    await work.runDeliveries((channel) => deliverJob(channel, deliveries));
    return { polls, digests, deliveries, news: await newsDone(newsRun) };
  }

  /** One news run (live posts, follows, alerts) at a time in this process, beside the digests (each channel's under its own lease). */
  function startNews(): Promise<ChannelNews[]> | undefined {
    return news ? undefined : (news = track(runNewsFeatures(services, byPlatform)).finally(() => (news = undefined)));
  }

  async function newsDone(run: Promise<ChannelNews[]> | undefined): Promise<ChannelNews[]> {
    const failed = (error: unknown) => {
      log.error({ err: error }, 'news features failed');
      return [];
    };
    return (await run?.catch(failed)) ?? [];
  }

  async function tick(): Promise<TickReport> {
    if (stopped) return { polls: [], digests: [], news: [] };
    // Redis only: a store that lost its data without a reconnect (flushed, evicted) is noticed within a heartbeat.
    void services.stores.health?.recheck().catch((error: unknown) => log.warn({ err: error }, 'could not check the store epoch on Redis'));
    if (shared) return sharedTick(shared);
    const records = await sync();
    // One poll cycle at a time in this process; feed leases keep other processes off the same feeds.
    polling ??= pollDueFeeds(services, notify).finally(() => {
      polling = undefined;
    });
    const polls = await polling;
    const started = records.map((record) => launch(record.channel, () => runIfDue(record)));
    const scheduled = new Set(records.map((record) => channelKey(record.channel)));
    for (const channel of await newsroom.ledger.pendingChannels()) {
      if (!scheduled.has(channelKey(channel))) started.push(launch(channel, () => completePending(channel)));
    }
    const newsRun = startNews();
    const digests = (await Promise.all(started)).filter((run): run is SlotRun => run !== undefined);
    return { polls, digests, news: await newsDone(newsRun) };
  }

  const safeTick = () =>
    track(tick())
      .then(() => markHeartbeat())
      .catch((error: unknown) => log.error({ err: error }, 'scheduler tick failed'));
  const onChange = () => void (shared ? shared.schedulesChanged() : sync()).catch((error: unknown) => log.error({ err: error }, 'schedule sync failed'));
  newsroom.schedules.on('change', onChange);
  // The heartbeat never waits for the last one: each tick only starts what is not already running.
  const heartbeat = timers ? cron.schedule('* * * * *', () => void safeTick(), { name: 'newsdesk heartbeat' }) : undefined;
  if (timers) void safeTick();

  return {
    tick: () => track(tick()),
    async stop() {
      stopped = true;
      newsroom.schedules.off('change', onChange);
      await heartbeat?.destroy();
      for (const entry of tasks.values()) await entry.task.destroy();
      tasks.clear();
      // Work still running after the grace (a platform that does not answer) is left: its parts stay
      // recorded as sending, and the next start checks the channel for them.
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.stopGraceMs ?? STOP_GRACE_MS);
        timer.unref();
      });
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
    },
  };
}
