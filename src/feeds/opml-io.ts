import { isUserError } from '../core/errors.ts';
import type { ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import { safeTitle } from '../core/text-safety.ts';
import { parseOpml, writeOpml, type OpmlFeed } from '../ingest/opml.ts';
import { addFeed, channelFeeds, MAX_FEEDS_PER_CHANNEL } from './subscribe.ts';

// /feeds import and /feeds export: a channel's feeds to and from OPML, the format feed readers share.

export interface ImportReport {
  title?: string;
  added: OpmlFeed[];
  already: OpmlFeed[];
  failed: (OpmlFeed & { reason: string })[];
  /** Not tried: the channel reached its feed limit. */
  leftOut: OpmlFeed[];
  /** Outlines whose address is not an http(s) link. */
  invalid: string[];
}

/**
 * Follows each feed an OPML file lists, in order, each read once as /feeds add does (so a dead link
 * fails now, with its reason). Feeds the channel already follows are reported, not added twice; once
 * the channel reaches its limit, the rest are left out and listed.
 */
export async function importOpml(services: Services, channel: ChannelRef, source: string): Promise<ImportReport> {
  const opml = parseOpml(await services.newsroom.reader.readOpml(source, channel));
  const report: ImportReport = { ...(opml.title ? { title: opml.title } : {}), added: [], already: [], failed: [], leftOut: [], invalid: opml.invalid };
  const followed = new Set((await channelFeeds(services, channel)).map((feed) => feed.location));
  let count = (await services.newsroom.feeds.subscriptions(channel)).length;
  for (const feed of opml.feeds) {
    if (followed.has(feed.url)) {
      report.already.push(feed);
      continue;
    }
    if (count >= MAX_FEEDS_PER_CHANNEL) {
      report.leftOut.push(feed);
      continue;
    }
    try {
      const added = await addFeed(services, channel, feed.url);
      followed.add(added.feed.location);
      count++;
      report.added.push({ ...feed, title: added.feed.title });
    } catch (error) {
      if (isUserError(error) && error.message.startsWith('This channel already has')) report.already.push(feed);
      else if (isUserError(error)) report.failed.push({ ...feed, reason: error.message });
      else {
        services.logger.error({ err: error, feed: feed.url }, 'OPML import: a feed could not be added');
        report.failed.push({ ...feed, reason: 'unexpected error' });
      }
    }
  }
  return report;
}

const SHOWN = 10;

function names(feeds: OpmlFeed[]): string {
  const shown = feeds.slice(0, SHOWN).map((feed) => `“${safeTitle(feed.title ?? feed.url, 80)}”`);
  return feeds.length > SHOWN ? `${shown.join(', ')} and ${feeds.length - SHOWN} more` : shown.join(', ');
}

/** The import's answer: counts first, then what failed (with reasons) and what was left out. */
export function describeImport(report: ImportReport): string {
  const total = report.added.length + report.already.length + report.failed.length + report.leftOut.length;
  const lines = [
    `OPML${report.title ? ` “${safeTitle(report.title, 80)}”` : ''}: ${total} feed${total === 1 ? '' : 's'} — ${report.added.length} added, ${report.already.length} already followed, ${report.failed.length} failed${report.leftOut.length ? `, ${report.leftOut.length} left out` : ''}.`,
  ];
  if (report.added.length) lines.push(`Added: ${names(report.added)}.`);
  for (const failed of report.failed.slice(0, SHOWN))
    lines.push(`Failed: ${safeTitle(failed.title ?? failed.url, 80)} (${safeTitle(failed.url, 120)}): ${safeTitle(failed.reason, 200)}`);
  if (report.failed.length > SHOWN) lines.push(`…and ${report.failed.length - SHOWN} more failed.`);
  if (report.leftOut.length) lines.push(`Left out (this channel may follow at most ${MAX_FEEDS_PER_CHANNEL} feeds): ${names(report.leftOut)}.`);
  if (report.invalid.length) lines.push(`Skipped ${report.invalid.length} outline${report.invalid.length === 1 ? '' : 's'} without an http(s) feed address.`);
  return lines.join('\n');
}

/** The channel's feeds as an OPML document. */
export async function exportOpml(services: Services, channel: ChannelRef): Promise<{ filename: string; content: string; count: number }> {
  const feeds = await channelFeeds(services, channel);
  const content = writeOpml(
    'newsdesk feeds',
    feeds.map((feed) => ({ url: feed.location, title: feed.title, ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}) })),
    services.clock.now(),
  );
  return { filename: 'newsdesk-feeds.opml', content, count: feeds.length };
}
