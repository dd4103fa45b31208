import { randomUUID } from 'node:crypto';
import type { RedisClientType } from '@keyv/redis';
import type { Logger } from '../core/logger.ts';

type Client = Pick<RedisClientType, 'on' | 'isOpen' | 'isReady' | 'get' | 'set'>;

/**
 * Watches every Redis connection of one process: the first failure is logged at once (one line per
 * outage, not one per namespace), the recovery with how long Redis was away. After each recovery, and
 * at start, the store epoch is checked: a Redis that comes back without it has lost its data.
 */
export class RedisHealth {
  private down: { since: number } | undefined;
  private epoch: string | undefined;
  private readonly clients: Client[] = [];

  constructor(
    private readonly epochKey: string,
    private readonly target: string,
    private readonly logger: Logger | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get available(): boolean {
    return this.down === undefined;
  }

  watch(client: Client): void {
    this.clients.push(client);
    client.on('error', (error: unknown) => this.failed(error));
    client.on('ready', () => this.ready());
  }

  /** A call hung on an open connection: an outage too, though no connection reported an error. */
  timedOut(call: string): void {
    this.failed(new Error(`Redis did not answer ${call} in time; the connection is reset`));
  }

  private failed(error: unknown): void {
    if (this.down) return;
    this.down = { since: this.now() };
    this.logger?.error({ err: error, redis: this.target }, 'Redis is unreachable: commands answer "storage unavailable" and digests wait until it is back');
  }

  private ready(): void {
    if (!this.down || this.clients.some((client) => client.isOpen && !client.isReady)) return;
    const downMs = this.now() - this.down.since;
    this.down = undefined;
    this.logger?.warn({ redis: this.target, downMs }, 'Redis is reachable again');
    void this.checkEpoch(this.clients.find((client) => client.isReady)).catch((error: unknown) => {
      this.logger?.warn({ err: error, redis: this.target }, 'could not check the store epoch after Redis came back');
    });
  }

  /**
   * The epoch is written on first start. Missing later means Redis restarted without its data
   * (no append-only file, or the file was lost), or the keys were flushed or evicted: every feed and
   * schedule is gone. Checked at start, after each reconnect, and on each scheduler heartbeat
   * (`recheck`), one check at a time.
   */
  checkEpoch(client: Client | undefined): Promise<'new' | 'same' | 'lost'> {
    const next = this.checking.then(() => this.compareEpoch(client));
    this.checking = next.catch(() => undefined);
    return next;
  }

  /** The epoch check on a connection that is up (none: Redis is down, nothing to compare now). */
  recheck(): Promise<'new' | 'same' | 'lost'> {
    return this.checkEpoch(this.available ? this.clients.find((client) => client.isReady) : undefined);
  }

  private checking: Promise<unknown> = Promise.resolve();

  private async compareEpoch(client: Client | undefined): Promise<'new' | 'same' | 'lost'> {
    if (!client) return 'same';
    let found = await client.get(this.epochKey);
    if (found !== null && (this.epoch === undefined || found === this.epoch)) {
      this.epoch = found;
      return 'same';
    }
    const expected = this.epoch;
    if (found === null) {
      // Only one process stamps a new epoch (NX); every other one adopts it. Were each to write its
      // own, they would overwrite each other and report a loss at every later reconnect.
      await client.set(this.epochKey, randomUUID(), { condition: 'NX' });
      found = await client.get(this.epochKey);
    }
    this.epoch = found ?? undefined;
    if (expected === undefined) {
      this.logger?.info({ redis: this.target, epochKey: this.epochKey }, 'new store on Redis: store epoch written');
      return 'new';
    }
    this.logger?.error(
      { redis: this.target, epochKey: this.epochKey, expected, found },
      'Redis came back without newsdesk’s data (store epoch missing or changed): feeds, schedules and history were lost. ' +
        'Restore Redis from a backup, and run it with append-only persistence (appendonly yes).',
    );
    return 'lost';
  }
}

/** The URL without its password, for log lines. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis (unparseable URL)';
  }
}
