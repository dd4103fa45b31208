import type { ChannelRef, PlatformPort } from '../core/platform.ts';
import { PlatformCallError } from '../core/platform-error.ts';
import type { Logger } from '../core/logger.ts';
import type { Services } from '../core/services.ts';
import { deliverLocked, digestLockKey, portPoster, type DigestRun } from '../digest/deliver.ts';
import { GONE_LIMIT, retryDelayMs } from './channel-health.ts';
import { withLock } from './locks.ts';
import { notifyPaused } from './paused-notice.ts';

/** The retry record of a delivery job (channel-health's retry, which slots key by their time). */
const DELIVERY_RETRY = 'delivery';
/** A delivery job whose channel's digest lease is held elsewhere comes back after this long. */
const DELIVERY_BUSY_MS = 5_000;

/**
 * A delivery job (shared queues): posts the channel's pending parts under its digest lease and says
 * when the job is due again (undefined: nothing left), settling a failure as a slot would: a retry with
 * back-off, a pause when the channel is gone too often, the next part at once when the platform refused
 * one (that part was dropped).
 */
export async function deliverPending(
  services: Services,
  channel: ChannelRef,
  port: PlatformPort,
  log: Logger,
): Promise<{ due: number | undefined; run?: DigestRun }> {
  const { newsroom } = services;
  if (await newsroom.health.paused(channel)) return { due: undefined };
  const now = services.clock.now().getTime();
  const retry = await newsroom.health.retry(channel);
  const attempts = retry?.slot === DELIVERY_RETRY ? retry.attempts : 0;
  if (retry?.slot === DELIVERY_RETRY && Date.parse(retry.nextAt) > now) return { due: Date.parse(retry.nextAt) };
  const result = await withLock(newsroom.locks, digestLockKey(channel), newsroom.leaseMs, (guard) => {
    const { post, onPosted } = portPoster(services, port, channel);
    return deliverLocked(services, channel, post, { onPosted, guard, resumeOnly: true });
  });
  if (!result.ran) return { due: now + DELIVERY_BUSY_MS };
  const run = result.value;
  if (run.status === 'nothing-new') return { due: undefined };
  log.info({ channel, status: run.status, parts: 'partsPosted' in run ? run.partsPosted : 0 }, 'digest parts delivered from the queue');
  if (run.status !== 'failed') {
    await newsroom.health.delivered(channel);
    return { due: (await newsroom.ledger.pending(channel)).length > 0 ? now : undefined, run };
  }
  if (run.failure === 'lease-lost') return { due: now + DELIVERY_BUSY_MS, run };
  if (run.failure === 'gone' && (await pauseIfGoneTooOften(services, port, channel, run, log))) return { due: undefined, run };
  if (run.failure === 'refused') return { due: now, run };
  const next = attempts + 1;
  const nextAt = now + retryDelayMs(next);
  await newsroom.health.setRetry(channel, { slot: DELIVERY_RETRY, attempts: next, nextAt: new Date(nextAt).toISOString() });
  log.warn({ channel, attempt: next, retryAt: new Date(nextAt).toISOString() }, 'digest part not delivered; its delivery job is retried with back-off');
  return { due: nextAt, run };
}

/** Counts a "gone" answer; after GONE_LIMIT in a row the channel's digests pause and whoever set them up is told. True when paused. */
export async function pauseIfGoneTooOften(services: Services, port: PlatformPort, channel: ChannelRef, run: DigestRun, log: Logger): Promise<boolean> {
  const { newsroom } = services;
  const streak = await newsroom.health.recordGone(channel);
  if (streak < GONE_LIMIT) return false;
  const code = 'error' in run && run.error instanceof PlatformCallError ? run.error.code : 'unknown';
  await newsroom.health.pause(channel, code, services.clock.now());
  log.warn({ channel, code, streak }, 'digests paused: the bot can’t post in this channel (deleted, or the bot was removed); any command there resumes them');
  const record = await newsroom.schedules.get(channel);
  if (record)
    await notifyPaused(services, port, record).catch((error: unknown) => log.warn({ err: error, channel }, 'could not tell anyone that the digest is paused'));
  return true;
}
