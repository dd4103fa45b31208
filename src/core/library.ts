import type Keyv from 'keyv';
import { channelKey, threadKey, type ChannelRef, type PlatformName } from './platform.ts';
import type { Article } from './types.ts';

/** How many recent articles a channel remembers for "/summary 2" and /ask. */
const RECENT_LIMIT = 50;

/**
 * The articles the bot has shown, where it showed them, and which thread belongs to which articles,
 * so a follow-up question never needs the platform's message history.
 */
export class ArticleLibrary {
  constructor(
    private readonly articles: Keyv,
    private readonly recent: Keyv,
    private readonly threads: Keyv,
  ) {}

  async save(article: Article): Promise<void> {
    await this.articles.set(article.id, article);
  }

  async get(id: string): Promise<Article | undefined> {
    return (await this.articles.get(id)) as Article | undefined;
  }

  async getMany(ids: string[]): Promise<Article[]> {
    const found = await Promise.all(ids.map((id) => this.get(id)));
    return found.filter((article): article is Article => article !== undefined);
  }

  /** Remember that these articles were shown in the channel, newest first. */
  async addRecent(channel: ChannelRef, articleIds: string[]): Promise<void> {
    const key = channelKey(channel);
    const current = ((await this.recent.get(key)) as string[] | undefined) ?? [];
    const next = [...articleIds, ...current.filter((id) => !articleIds.includes(id))].slice(0, RECENT_LIMIT);
    await this.recent.set(key, next);
  }

  /** The stories a digest numbered; `from` > 1 continues an earlier part of the same digest. */
  async setNumbered(channel: ChannelRef, articleIds: string[], from: number): Promise<void> {
    const key = `${channelKey(channel)}:numbered`;
    const earlier = from > 1 ? (((await this.recent.get(key)) as string[] | undefined) ?? []).slice(0, from - 1) : [];
    await this.recent.set(key, [...earlier, ...articleIds]);
  }

  /** The article numbered `number` in the channel's last digest, else the `number`th most recent one. */
  async numbered(channel: ChannelRef, number: number): Promise<Article | undefined> {
    const numbered = ((await this.recent.get(`${channelKey(channel)}:numbered`)) as string[] | undefined) ?? [];
    const recent = numbered.length ? [] : (((await this.recent.get(channelKey(channel))) as string[] | undefined) ?? []);
    const id = numbered[number - 1] ?? recent[number - 1];
    return id ? this.get(id) : undefined;
  }

  async listRecent(channel: ChannelRef): Promise<Article[]> {
    const ids = ((await this.recent.get(channelKey(channel))) as string[] | undefined) ?? [];
    return this.getMany(ids);
  }

  async linkThread(platform: PlatformName, threadId: string, articleIds: string[]): Promise<void> {
    await this.threads.set(threadKey(platform, threadId), articleIds);
  }

  /** The articles behind a thread, or undefined when the bot did not open it. */
  async threadArticles(platform: PlatformName, threadId: string): Promise<Article[] | undefined> {
    const ids = (await this.threads.get(threadKey(platform, threadId))) as string[] | undefined;
    return ids ? this.getMany(ids) : undefined;
  }
}
