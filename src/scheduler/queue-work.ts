import { channelKey, type ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Notify } from '../feeds/health.ts';
import { pollIfDue, type PollOutcome } from '../feeds/poller.ts';
import { redisQueue, type JobQueue, type TakenBatch } from './queue.ts';
import type { ScheduleRecord } from './schedule-store.ts';
import { dueSlot } from './slots.ts';
import { nextRuns } from './spec.ts';

/** How often (at most, across all processes) the queues are checked against the feed and schedule lists. */
export const SYNC_EVERY_MS = 60_000;
/** Polls a process keeps going at once: the host limiter's total (newsroom.ts), so none waits on it but per host. */
const POLL_CONCURRENCY = 32;
/** Finished poll jobs completed in one call: at most this many, or whatever finished within COMPLETE_DELAY_MS. */
const COMPLETE_BATCH = 16;
const COMPLETE_DELAY_MS = 20;
const DIGEST_BATCH = 25;
/** A job whose work is held elsewhere (another process's feed lease) comes back after this long. */
const BUSY_RETRY_MS = 30_000;
/** How long a digest waits for its channel's due feeds to be polled (by whichever process took them). */
const FEED_WAIT_MS = 5_000;
/** A feed due for longer than this is stuck (its poller died): the digest no longer waits for it. */
const FEED_WAIT_LIMIT_MS = 10 * 60_000;

export interface SharedWorkOptions {
  leaseMs?: number;
  syncEveryMs?: number;
  /** Polls kept going at once by this process. */
  pollConcurrency?: number;
}

/**
 * Feed polls and digest slots as jobs on shared Redis queues (queue.ts): each process takes a share of
 * what is due instead of every process scanning every feed and schedule each minute. The lists are
 * compared with the queues at most once a minute by one process (whoever takes the sync lease).
 * Exactly once: a job is leased to one process at a time, and its work re-checks under the feed's or
 * channel's own lease that it is still due (poller.ts, scheduler.ts), so a job retried after its taker
 * died is not done twice when the taker had finished the work but not the job.
 */
export class SharedWork {
  readonly polls: JobQueue;
  readonly digests: JobQueue;
  /** A channel's queued digest parts (composed by its slot job), posted by whichever process takes the job. */
  readonly deliveries: JobQueue;
  private readonly leaseMs: number;
  private readonly syncEveryMs: number;

  constructor(
    private readonly services: Services,
    private readonly options: SharedWorkOptions = {},
  ) {
    const now = () => services.clock.now().getTime();
    this.polls = redisQueue(services.stores.locks, 'polls', now);
    this.digests = redisQueue(services.stores.locks, 'digests', now);
    this.deliveries = redisQueue(services.stores.locks, 'deliveries', now);
    this.leaseMs = options.leaseMs ?? services.newsroom.leaseMs;
    this.syncEveryMs = options.syncEveryMs ?? SYNC_EVERY_MS;
  }

  /**
   * Polls due feeds taken from the queue until none is due; returns what this process polled. Keeps
   * `pollConcurrency` polls going (the host limiter's total): it takes more jobs whenever a quarter of
   * them finished, instead of waiting for a whole batch, and completes finished jobs together (one
   * call per batch and flush), so the feed server's latency, not Redis round trips, sets the pace.
   */
  async pollShare(notify?: Notify): Promise<PollOutcome[]> {
    await this.syncPollsIfDue();
    const limit = this.options.pollConcurrency ?? POLL_CONCURRENCY;
    const refill = Math.max(1, Math.floor(limit / 4));
    const outcomes: PollOutcome[] = [];
    const running = new Set<Promise<void>>();
    let wake: (() => void) | undefined;
    const slots = {
      inFlight: 0,
      freed: () => {
        slots.inFlight--;
        wake?.();
      },
    };
    try {
      for (;;) {
        const room = limit - slots.inFlight;
        const batch = await this.polls.take(room, this.leaseMs);
        if (batch.recovered > 0) this.services.logger.info({ jobs: batch.recovered, queue: 'polls' }, 'poll jobs whose lease ended went back to the queue');
        if (batch.ids.length > 0) {
          slots.inFlight += batch.ids.length;
          const work = this.pollTaken(batch, notify, outcomes, slots.freed).finally(() => running.delete(work));
          running.add(work);
        }
        // Fewer due jobs than room: none is left for now; finish what runs.
        if (batch.ids.length < room) break;
        while (slots.inFlight > limit - refill) await new Promise<void>((resolve) => (wake = resolve));
      }
    } catch (error) {
      await Promise.allSettled(running);
      throw error;
    }
    await Promise.all(running);
    return outcomes;
  }

  /** One taken batch: each feed polled as soon as the limiter lets it, each job completed when its poll ends. */
  private async pollTaken(batch: TakenBatch, notify: Notify | undefined, outcomes: PollOutcome[], freed: () => void): Promise<void> {
    const completions = new CompletionBuffer(batch);
    try {
      await this.whileRenewed(batch, async () => {
        const feeds = new Map((await this.services.newsroom.feeds.feeds(batch.ids)).map((feed) => [feed.id, feed]));
        await Promise.all(
          batch.ids.map(async (id) => {
            const feed = feeds.get(id);
            try {
              // A feed removed since it was queued leaves the queue.
              if (!feed) return await completions.add(id, undefined);
              const outcome = await pollIfDue(this.services, feed, notify).catch((error: unknown): PollOutcome => {
                this.services.logger.error({ err: error, feed: id }, 'feed poll crashed');
                return { feedId: id, status: 'failed', newItems: 0, error: String(error) };
              });
              if (outcome.status !== 'skipped') outcomes.push(outcome);
              // Skipped: another process holds the feed's poll lease or just polled it.
              const next = Date.parse(outcome.nextPollAt ?? '') || (await this.feedDueAt(id));
              await completions.add(id, outcome.status === 'skipped' ? Math.max(next, this.now() + BUSY_RETRY_MS) : next);
            } finally {
              freed();
            }
          }),
        );
        await completions.flush();
      });
    } finally {
      completions.close();
    }
  }

  private async feedDueAt(id: string): Promise<number> {
    const [state] = await this.services.newsroom.feeds.states([id]);
    return Date.parse(state?.nextPollAt ?? '') || this.now();
  }

  /**
   * Takes due digest jobs and hands each schedule to `run` (the scheduler's own slot logic, which
   * resolves when the slot's work ended); completes each job with the schedule's next run.
   */
  async runDigests(run: (record: ScheduleRecord) => Promise<unknown> | undefined): Promise<void> {
    await this.syncDigestsIfDue();
    for (;;) {
      const batch = await this.digests.take(DIGEST_BATCH, this.leaseMs);
      if (batch.ids.length === 0) return;
      await this.whileRenewed(batch, async () => {
        const records = await this.services.newsroom.schedules.byKeys(batch.ids);
        await Promise.all(
          batch.ids.map(async (id, index) => {
            const record = records[index];
            if (!record) return batch.complete(id, undefined);
            // Polls and digests are separate jobs: a digest taken while another process still polls the
            // channel's due feeds would leave their new items for the next digest, so it waits for them.
            if (await this.feedsDue(record)) return batch.complete(id, this.now() + FEED_WAIT_MS);
            const started = run(record);
            if (!started) return batch.complete(id, this.now() + BUSY_RETRY_MS);
            await started;
            return batch.complete(id, await this.nextDigestDue(record));
          }),
        );
      });
      if (batch.ids.length < DIGEST_BATCH) return;
    }
  }

  /** A slot job queued the channel's parts: its delivery job is due now (unless one is already queued or running). */
  async deliveryQueued(channel: ChannelRef): Promise<void> {
    await this.deliveries.ensure([{ id: channelKey(channel), dueAt: this.now() }]);
  }

  /**
   * Takes due delivery jobs and hands each channel to `deliver` (under the channel's digest lease, it
   * posts the parts still pending), which says when the job is due again: undefined when nothing is
   * left to post, a retry time after a failure. A job whose process died is taken again after its
   * lease; a part it may have posted is looked for in the channel before it is posted (the ledger's
   * delivery keys), so nothing is posted twice.
   */
  async runDeliveries(deliver: (channel: ChannelRef) => Promise<number | undefined> | undefined): Promise<void> {
    await this.syncDeliveriesIfDue();
    for (;;) {
      const batch = await this.deliveries.take(DIGEST_BATCH, this.leaseMs);
      if (batch.recovered > 0)
        this.services.logger.info({ jobs: batch.recovered, queue: 'deliveries' }, 'delivery jobs whose lease ended went back to the queue');
      if (batch.ids.length === 0) return;
      const pending = new Map((await this.services.newsroom.ledger.pendingChannels()).map((channel) => [channelKey(channel), channel]));
      await this.whileRenewed(batch, () =>
        Promise.all(
          batch.ids.map(async (id) => {
            const channel = pending.get(id);
            // Nothing pending any more (delivered by an earlier holder that died before completing the job).
            if (!channel) return batch.complete(id, undefined);
            const started = deliver(channel);
            // A platform this process does not run, or the channel is being delivered here already.
            if (!started) return batch.complete(id, this.now() + BUSY_RETRY_MS);
            return batch.complete(id, await started);
          }),
        ),
      );
      if (batch.ids.length < DIGEST_BATCH) return;
    }
  }

  /** Whether one of the channel's feeds is due for a poll, and not for so long that its poller must have died. */
  private async feedsDue(record: ScheduleRecord): Promise<boolean> {
    const { feeds } = this.services.newsroom;
    const subscriptions = await feeds.subscriptions(record.channel);
    if (subscriptions.length === 0) return false;
    const now = this.now();
    return (await feeds.states(subscriptions.map((subscription) => subscription.feedId))).some((state) => {
      const due = Date.parse(state?.nextPollAt ?? '');
      return due <= now && now - due < FEED_WAIT_LIMIT_MS;
    });
  }

  /** A schedule was set or removed in this process: its job follows at once (others wait for the sync). */
  async schedulesChanged(): Promise<void> {
    await this.syncDigests(true);
  }

  private async whileRenewed<T>(batch: TakenBatch, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void batch.renew(this.leaseMs).catch(() => undefined), Math.max(10, Math.floor(this.leaseMs / 3)));
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /**
   * When the schedule's job is due again: soon when a slot is still owed and nothing waits on it (the
   * channel's digest lease was held elsewhere), at the retry time after a failure, else the next run.
   */
  private async nextDigestDue(record: ScheduleRecord): Promise<number> {
    const { newsroom } = this.services;
    const now = this.services.clock.now();
    const [next] = nextRuns(record, now, 1);
    const nextRun = Math.min(next?.getTime() ?? Number.POSITIVE_INFINITY, now.getTime() + 24 * 60 * 60_000);
    if (await newsroom.health.paused(record.channel)) return nextRun;
    const retry = await newsroom.health.retry(record.channel);
    const last = await newsroom.schedules.lastSlot(record.channel);
    const owed = dueSlot(record, now, new Date(Math.max(Date.parse(record.since), last ? Date.parse(last) : 0)));
    if (retry && retry.slot === owed?.toISOString()) return Math.min(nextRun, Date.parse(retry.nextAt));
    return owed ? now.getTime() + BUSY_RETRY_MS : nextRun;
  }

  private async syncPollsIfDue(): Promise<void> {
    if (!(await this.services.newsroom.locks.acquire('queue-sync:polls', this.syncEveryMs))) return;
    const { feeds } = this.services.newsroom;
    const ids = await feeds.allIds();
    const queued = new Set(await this.polls.ids());
    const missing = ids.filter((id) => !queued.has(id));
    const states = await feeds.states(missing);
    const now = this.now();
    const added = await this.polls.ensure(missing.map((id, index) => ({ id, dueAt: Date.parse(states[index]?.nextPollAt ?? '') || now })));
    const wanted = new Set(ids);
    const gone = [...queued].filter((id) => !wanted.has(id));
    await this.polls.remove(gone);
    if (added || gone.length) this.services.logger.info({ added, removed: gone.length, feeds: ids.length }, 'poll queue synced with the feed list');
  }

  /**
   * Once a minute (one process): a delivery job for every channel with parts pending, in case a job
   * was completed as done just as a slot queued new parts (its ensure saw the job still held).
   */
  private async syncDeliveriesIfDue(): Promise<void> {
    if (!(await this.services.newsroom.locks.acquire('queue-sync:deliveries', this.syncEveryMs))) return;
    const channels = await this.services.newsroom.ledger.pendingChannels();
    await this.deliveries.ensure(channels.map((channel) => ({ id: channelKey(channel), dueAt: this.now() })));
  }

  private async syncDigestsIfDue(): Promise<void> {
    if (!(await this.services.newsroom.locks.acquire('queue-sync:digests', this.syncEveryMs))) return;
    await this.syncDigests(false);
  }

  private async syncDigests(changed: boolean): Promise<void> {
    const { schedules } = this.services.newsroom;
    const records = await schedules.all();
    const keys = records.map((record) => channelKey(record.channel));
    const queued = new Set(await this.digests.ids());
    const fresh = changed ? records : records.filter((_, index) => !queued.has(keys[index]!));
    // A changed schedule's job is re-queued at its new time. One being worked on loses its lease (its
    // completion is then a no-op); the run itself is still guarded by the channel's digest lease and last slot.
    if (changed) await this.digests.remove(fresh.map((record) => channelKey(record.channel)).filter((key) => queued.has(key)));
    await this.digests.ensure(await Promise.all(fresh.map(async (record) => ({ id: channelKey(record.channel), dueAt: await this.firstDue(record) }))));
    const wanted = new Set(keys);
    await this.digests.remove([...queued].filter((key) => !wanted.has(key)));
  }

  /** The job's first due time: now when a slot may still be owed, else the next run. */
  private async firstDue(record: ScheduleRecord): Promise<number> {
    const last = await this.services.newsroom.schedules.lastSlot(record.channel);
    const after = new Date(Math.max(Date.parse(record.since), last ? Date.parse(last) : 0));
    const [next] = nextRuns(record, after, 1);
    return Math.min(next?.getTime() ?? this.now(), this.now() + 24 * 60 * 60_000);
  }

  private now(): number {
    return this.services.clock.now().getTime();
  }
}

/**
 * Completions of one batch's jobs, sent together: when COMPLETE_BATCH have finished or COMPLETE_DELAY_MS
 * after the first, whichever comes first. Each job's lease still holds until its completion is sent.
 */
class CompletionBuffer {
  private pending: { id: string; nextDueAt: number | undefined }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<unknown> = Promise.resolve();

  constructor(private readonly batch: TakenBatch) {}

  add(id: string, nextDueAt: number | undefined): Promise<unknown> {
    this.pending.push({ id, nextDueAt });
    if (this.pending.length >= COMPLETE_BATCH) return this.flush();
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), COMPLETE_DELAY_MS);
    return Promise.resolve();
  }

  flush(): Promise<unknown> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const jobs = this.pending;
    this.pending = [];
    if (jobs.length > 0) this.sending = this.sending.catch(() => undefined).then(() => this.batch.completeMany(jobs));
    return this.sending;
  }

  close(): void {
    clearTimeout(this.timer);
  }
}
