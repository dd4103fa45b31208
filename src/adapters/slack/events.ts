import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { systemClock } from '../../core/clock.ts';
import { answerFollowUp } from '../../core/follow-up.ts';
import type { Services } from '../../core/services.ts';
import { createLocks, type LockService } from '../../scheduler/locks.ts';
import type { Stores } from '../../store/index.ts';
import { plainFromMrkdwn } from './mrkdwn.ts';
import { slackThreadId, type SlackOutbox } from './outbox.ts';

/** Slack retries an event for up to about an hour when it got no 200 in time; remember ids that long. */
const EVENT_TTL_MS = 2 * 60 * 60_000;

/**
 * Each Slack event is handled once, even when Slack delivers it again (X-Slack-Retry-Num) or while
 * the first delivery is still being answered. On Redis the id is claimed with one SET NX PX, so of
 * several processes receiving the same event exactly one wins. In SQLite mode (one process) the id
 * is remembered in the `events` store, which survives a restart, and an in-memory set covers
 * deliveries racing between its read and its write.
 */
export class EventOnce {
  private readonly claiming = new Set<string>();
  private readonly shared: LockService | null;

  constructor(
    private readonly store: Keyv,
    kind: Stores['kind'] = 'sqlite',
    private readonly ttlMs = EVENT_TTL_MS,
  ) {
    // A claim is a lease that is never released: it simply expires after the retry window.
    this.shared = kind === 'redis' ? createLocks(store, 'redis', systemClock) : null;
  }

  async claim(eventId: string): Promise<boolean> {
    const key = `slack:${eventId}`;
    if (this.shared) return (await this.shared.acquire(key, this.ttlMs)) !== null;
    if (this.claiming.has(eventId)) return false;
    this.claiming.add(eventId);
    try {
      if (await this.store.get(key)) return false;
      await this.store.set(key, true, this.ttlMs);
      return true;
    } finally {
      this.claiming.delete(eventId);
    }
  }
}

/** The fields of a Slack message event this adapter reads. */
export interface ThreadMessage {
  eventId?: string;
  teamId?: string;
  channel: string;
  ts: string;
  threadTs?: string;
  text?: string;
  subtype?: string;
  botId?: string;
}

export type ThreadReplyOutcome = 'answered' | 'not-a-thread-reply' | 'unknown-thread' | 'duplicate' | 'nothing-to-answer' | 'failed';

/**
 * A message in a thread under a digest or a summary is a question: answered in that thread from the
 * articles behind it (the stored thread -> articles link; the thread's history is never read).
 */
export async function answerThreadReply(services: Services, outbox: SlackOutbox, once: EventOnce, message: ThreadMessage): Promise<ThreadReplyOutcome> {
  // Edits, joins and bot posts carry a subtype; a reply also sent to the channel is still a question.
  if (message.subtype && message.subtype !== 'thread_broadcast') return 'not-a-thread-reply';
  if (message.botId || !message.threadTs || message.threadTs === message.ts) return 'not-a-thread-reply';
  const threadId = slackThreadId(message.channel, message.threadTs);
  // Most threads in a channel are people's own: skip them before touching the event store.
  if (!(await services.library.threadArticles('slack', threadId))) return 'unknown-thread';
  if (message.eventId && !(await once.claim(message.eventId))) return 'duplicate';
  const question = plainFromMrkdwn(message.text ?? '');
  try {
    const answer = await answerFollowUp(services, 'slack', threadId, question, message.teamId);
    if (!answer) return 'nothing-to-answer';
    await outbox.post(message.channel, answer, { threadTs: message.threadTs, teamId: message.teamId });
    return 'answered';
  } catch (error) {
    // As the dispatcher does for commands: the context goes to the log, an id to quote to the asker.
    const errorId = randomUUID().slice(0, 8);
    services.logger.error(
      { err: error, errorId, platform: 'slack', tenant: message.teamId, channel: message.channel, thread: threadId },
      'slack: follow-up question failed',
    );
    const apology = `Sorry, I could not answer that. If it keeps happening, quote this id to the bot's admins: ${errorId}`;
    await outbox
      .post(message.channel, { kind: 'text', tone: 'error', text: apology }, { threadTs: message.threadTs, teamId: message.teamId })
      .catch((postError: unknown) => {
        services.logger.error({ err: postError, errorId }, 'slack: could not send the apology');
      });
    return 'failed';
  }
}
