import { EventEmitter } from 'node:events';
import type Keyv from 'keyv';
import { channelKey, type ChannelRef } from '../core/platform.ts';
import type { ScheduleSpec } from './spec.ts';

export interface ScheduleRecord extends ScheduleSpec {
  channel: ChannelRef;
  /** Slots before this instant never run (a schedule set at 08:05 does not post the 08:00 digest). */
  since: string;
  /** Who set the schedule up (told in a direct message if the bot can no longer post here). */
  setBy?: string;
}

export interface DigestSettings {
  /** Most stories in one digest. */
  maxStories: number;
  /** Sentences per story summary. */
  sentences: number;
}

export const DEFAULT_MAX_STORIES = 10;

/**
 * Per-channel schedules, digest settings and the last slot run, in the `schedules` namespace.
 * Emits "change" so the scheduler in this process re-syncs its node-cron tasks at once (other
 * processes pick changes up on their next heartbeat).
 */
export class ScheduleStore extends EventEmitter {
  constructor(
    private readonly store: Keyv,
    private readonly defaultSentences: number,
  ) {
    super();
  }

  async get(channel: ChannelRef): Promise<ScheduleRecord | undefined> {
    return (await this.store.get(`s:${channelKey(channel)}`)) as ScheduleRecord | undefined;
  }

  async all(): Promise<ScheduleRecord[]> {
    const keys = ((await this.store.get('index')) as string[] | undefined) ?? [];
    if (keys.length === 0) return [];
    const found = (await this.store.getMany(keys.map((key) => `s:${key}`))) as (ScheduleRecord | undefined)[];
    return found.filter((record): record is ScheduleRecord => record !== undefined);
  }

  /** The schedules of these channel keys (channelKey), undefined where there is none. */
  async byKeys(keys: string[]): Promise<(ScheduleRecord | undefined)[]> {
    if (keys.length === 0) return [];
    return (await this.store.getMany(keys.map((key) => `s:${key}`))) as (ScheduleRecord | undefined)[];
  }

  async set(record: ScheduleRecord): Promise<void> {
    const key = channelKey(record.channel);
    await this.store.set(`s:${key}`, record);
    const keys = ((await this.store.get('index')) as string[] | undefined) ?? [];
    if (!keys.includes(key)) await this.store.set('index', [...keys, key]);
    this.emit('change');
  }

  async remove(channel: ChannelRef): Promise<boolean> {
    const key = channelKey(channel);
    const existed = await this.store.delete(`s:${key}`);
    const keys = ((await this.store.get('index')) as string[] | undefined) ?? [];
    await this.store.set(
      'index',
      keys.filter((candidate) => candidate !== key),
    );
    this.emit('change');
    return existed;
  }

  async lastSlot(channel: ChannelRef): Promise<string | undefined> {
    return (await this.store.get(`slot:${channelKey(channel)}`)) as string | undefined;
  }

  async setLastSlot(channel: ChannelRef, slot: Date): Promise<void> {
    await this.store.set(`slot:${channelKey(channel)}`, slot.toISOString());
  }

  async settings(channel: ChannelRef): Promise<DigestSettings> {
    const stored = (await this.store.get(`settings:${channelKey(channel)}`)) as Partial<DigestSettings> | undefined;
    return { maxStories: stored?.maxStories ?? DEFAULT_MAX_STORIES, sentences: stored?.sentences ?? this.defaultSentences };
  }

  async setSettings(channel: ChannelRef, settings: DigestSettings): Promise<void> {
    await this.store.set(`settings:${channelKey(channel)}`, settings);
  }
}
