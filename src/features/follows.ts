import type { OutgoingMessage } from '../core/messages.ts';
import type { ChannelRef, PlatformPort } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Analysis, Article } from '../core/types.ts';
import { FollowIndex } from './follow-index.ts';
import type { FreshStory } from './fresh-stories.ts';
import { featureStore } from './index.ts';
import { taggedEntities, type NamedEntity } from './names.ts';
import type { Follow } from './store.ts';

/** Follows one person may have in one channel. */
export const MAX_FOLLOWS = 25;

export interface FollowRun {
  sent: number;
  capped: number;
  closed: number;
}

/**
 * Sends each follower of a fresh story's entities or topics one direct message about it: at most once
 * per story and person (claimed before sending, so a crash never sends twice), at most the daily cap a
 * day. A person whose direct messages are closed is told once, privately, in the channel (where the
 * platform can: Slack at once, Discord at their next command there), and gets no more until they use
 * /follow again.
 */
export async function notifyFollowers(services: Services, port: PlatformPort, channel: ChannelRef, stories: FreshStory[]): Promise<FollowRun> {
  const run: FollowRun = { sent: 0, capped: 0, closed: 0 };
  const store = featureStore(services);
  const follows = await store.follows(channel);
  if (follows.length === 0 || !port.notifyUser) return run;
  const index = new FollowIndex(follows);
  const cap = services.config.FOLLOW_DAILY_CAP;
  for (const story of stories) {
    const analyses = await Promise.all(story.fresh.map((article) => services.analysis.analyze(article, { tenant: channel.tenantId })));
    const hits = index.match(analyses.flatMap((analysis) => taggedEntities(analysis.tags)));
    for (const [userId, { follow, entity }] of hits) {
      const now = services.clock.now();
      if (await store.closedDms(channel.platform, channel.tenantId, userId)) continue;
      if ((await store.sentToday(channel.platform, channel.tenantId, userId, now)) >= cap) {
        run.capped++;
        continue;
      }
      if (!(await store.claimStory(services.newsroom.locks, channel.platform, channel.tenantId, userId, story.record.id))) continue;
      const count = await store.countToday(channel.platform, channel.tenantId, userId, now);
      const lead = story.fresh.at(-1)!;
      const message = followMessage(story, lead, analyses[story.fresh.indexOf(lead)]!, follow, entity, count >= cap ? cap : undefined);
      if (await port.notifyUser(channel.tenantId, userId, message)) {
        run.sent++;
        continue;
      }
      run.closed++;
      await dmsClosed(services, port, channel, userId, lead.title ?? story.record.title);
    }
  }
  return run;
}

function followMessage(
  story: FreshStory,
  article: Article,
  analysis: Analysis,
  follow: Follow,
  entity: NamedEntity,
  lastToday: number | undefined,
): OutgoingMessage {
  const sources = story.members.map((member) => ({ name: member.source, url: member.url }));
  const unique = sources.filter((source, index) => sources.findIndex((other) => other.name === source.name) === index);
  const summary = analysis.summary.map((sentence) => sentence.shown ?? sentence.text).join(' ');
  return {
    kind: 'list',
    title: article.title ?? story.record.title,
    url: article.url,
    intro: `A new story names ${entity.name}: you follow “${follow.name}”.`,
    entries: summary ? [{ text: summary, sources: unique }] : [],
    empty: 'The article is too short to summarise.',
    note: `Stop with /follow remove:${follow.name}${lastToday ? ` · That was your last follow message today (at most ${lastToday} a day).` : ''}`,
  };
}

export function closedDmsText(storyTitle: string): string {
  return `I couldn’t send you a direct message about “${storyTitle}”, a story you follow: your direct messages are closed to me. Allow direct messages from this server or app, then use /follow list to turn follow messages back on.`;
}

async function dmsClosed(services: Services, port: PlatformPort, channel: ChannelRef, userId: string, storyTitle: string): Promise<void> {
  const store = featureStore(services);
  const told = port.notifyPrivately ? await port.notifyPrivately(channel, userId, { kind: 'text', tone: 'warning', text: closedDmsText(storyTitle) }) : false;
  await store.setClosedDms(channel.platform, channel.tenantId, userId, { at: services.clock.now().toISOString(), channel, told, storyTitle });
  services.logger.info({ channel, user: userId, told }, 'follow: direct messages closed; follow messages stop until the person uses /follow again');
}

/** After any command: a person whose DMs turned out closed, not yet told, is told here, privately, once. */
export async function tellClosedDms(
  services: Services,
  ctx: { channel: ChannelRef; user: { id: string }; replyEphemeral(message: OutgoingMessage): Promise<void> },
): Promise<void> {
  const store = featureStore(services);
  const closed = await store.closedDms(ctx.channel.platform, ctx.channel.tenantId, ctx.user.id);
  if (!closed || closed.told || closed.channel.channelId !== ctx.channel.channelId) return;
  await store.setClosedDms(ctx.channel.platform, ctx.channel.tenantId, ctx.user.id, { ...closed, told: true });
  await ctx.replyEphemeral({ kind: 'text', tone: 'warning', text: closedDmsText(closed.storyTitle) });
}
