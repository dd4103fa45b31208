import type { types } from '@slack/bolt';
import type { FeedStatusView } from '../../core/messages.ts';
import type { ChannelRef } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import { feedStatusViews } from '../../feeds/subscribe.ts';
import type { PausedChannel } from '../../scheduler/channel-health.ts';
import { formatRun, nextRuns } from '../../scheduler/spec.ts';
import { context, divider, header, sections, type SlackBlock } from './blocks.ts';
import { escapeText, italic } from './mrkdwn.ts';
import { feedHealth } from './render.ts';

/** Slack refuses a Home view with more than 100 blocks; the last ones say how many channels were left out. */
const MAX_HOME_BLOCKS = 100;

export interface HomeChannel {
  channelId: string;
  schedule?: { label: string; timezone: string; nextRun?: string };
  paused?: PausedChannel;
  feeds: FeedStatusView[];
}

/** What the workspace's channels follow: feeds with their health, schedules and their next runs. */
export async function homeChannels(services: Services, teamId: string, channelIds: readonly string[]): Promise<HomeChannel[]> {
  const { newsroom, clock } = services;
  const found = await Promise.all(
    channelIds.map(async (channelId): Promise<HomeChannel | undefined> => {
      const channel: ChannelRef = { platform: 'slack', tenantId: teamId, channelId };
      const [record, feeds, paused] = await Promise.all([newsroom.schedules.get(channel), feedStatusViews(services, channel), newsroom.health.paused(channel)]);
      if (!record && feeds.length === 0) return undefined;
      const next = record ? nextRuns(record, clock.now(), 1)[0] : undefined;
      return {
        channelId,
        schedule: record ? { label: record.label, timezone: record.timezone, nextRun: next?.toISOString() } : undefined,
        paused,
        feeds,
      };
    }),
  );
  return found.filter((entry): entry is HomeChannel => entry !== undefined);
}

/** The App Home tab: one part per channel, within Slack's 100 blocks. */
export function homeView(channels: readonly HomeChannel[]): types.HomeView {
  const blocks: SlackBlock[] = [header('newsdesk in this workspace')];
  if (channels.length === 0) {
    blocks.push(
      ...sections([
        escapeText('No channel follows a feed yet. In a channel, type /newsdesk feeds add <link> to follow one, then /newsdesk digest schedule daily 08:00.'),
      ]),
    );
    return { type: 'home', blocks };
  }
  blocks.push(...context([escapeText(`${channels.length} ${channels.length === 1 ? 'channel follows' : 'channels follow'} news here.`)]));
  for (const [index, channel] of channels.entries()) {
    const part = [divider, ...channelBlocks(channel)];
    // Room is kept for the line saying what was left out.
    if (blocks.length + part.length > MAX_HOME_BLOCKS - 1) {
      blocks.push(...context([escapeText(`…and ${channels.length - index} more channels (see /newsdesk feeds list in each).`)]));
      break;
    }
    blocks.push(...part);
  }
  return { type: 'home', blocks };
}

function channelBlocks(channel: HomeChannel): SlackBlock[] {
  const lines = [`*${channelMention(channel.channelId)}*`, scheduleLine(channel)];
  const feeds = channel.feeds.length
    ? channel.feeds.map((feed) => `• ${escapeText(feed.title || feed.url)}\n   ${feedHealth(feed)}`)
    : [italic(escapeText('No feeds.'))];
  return sections([...lines, ...feeds]);
}

function scheduleLine(channel: HomeChannel): string {
  const { schedule, paused } = channel;
  if (!schedule) return escapeText('No digest schedule (digests on demand with /newsdesk digest now).');
  const when = `Digest ${escapeText(schedule.label)} (${escapeText(schedule.timezone)})`;
  if (paused)
    return `⏸️ ${when}: paused since ${escapeText(paused.since.slice(0, 10))}, the bot could not post here (${escapeText(paused.code)}); any command in the channel resumes it.`;
  const next = schedule.nextRun ? `, next ${escapeText(formatRun(new Date(schedule.nextRun), schedule.timezone))}` : '';
  return `🗓️ ${when}${next}`;
}

/** A channel link Slack renders with the channel's name; ids are Slack's own (letters and digits). */
function channelMention(channelId: string): string {
  return /^[A-Z0-9]{2,30}$/.test(channelId) ? `<#${channelId}>` : escapeText(channelId);
}
