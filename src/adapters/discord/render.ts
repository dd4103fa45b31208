import { escapeMarkdown as escapeFormatting, type APIEmbedField } from 'discord.js';
import type { AlertMention, AnalysisView, ArticleRef, FeedStatusView, HelpEntry, OutgoingMessage } from '../../core/messages.ts';
import { MAX_FIELD_CHARS, safeField, safeText, safeTitle } from '../../core/text-safety.ts';
import type { Analysis, Digest, Story, Tags } from '../../core/types.ts';
import { digestLanguageNote } from '../../core/language-notice.ts';
import { capMessages, fitEmbed, LIMITS, packEmbeds, truncateAtWord, type DiscordPayload, type EmbedSpec } from './limits.ts';
import { topTags } from '../../core/top-tags.ts';
import { isDated, timeLabel } from '../../core/time-label.ts';
import { quotesAsShown } from '../../core/quote-runs.ts';

// Neutral messages -> Discord embeds. Every article-derived string is made safe (no control or bidi
// characters), cut to a bounded length and markdown-escaped, masked links included, so a title with
// asterisks or "[text](http://…)" shows as written. Mentions in embeds never ping, and every send also
// carries allowedMentions { parse: [] } (see send.ts), so article text cannot ping anyone.

export const COLORS = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  error: 0xed4245,
  news: 0x2f80ed,
} as const;

/** Renders one neutral message as one or more Discord messages, each within every limit. */
export function renderMessage(message: OutgoingMessage): DiscordPayload[] {
  const payloads = renderAll(message);
  // A digest's part count is capped where it is composed; any other reply stays within a few messages.
  return message.kind === 'digest' ? payloads : capMessages(payloads);
}

function renderAll(message: OutgoingMessage): DiscordPayload[] {
  switch (message.kind) {
    case 'text':
      // Core notices are written in Markdown on purpose; only control characters are taken out.
      return packEmbeds([fitEmbed({ description: safeText(message.text), color: COLORS[message.tone ?? 'info'] })]);
    case 'analysis':
      return packEmbeds([fitEmbed(analysisSpec(message.view, message.article, message.analysis))]);
    case 'answer':
      return packEmbeds([fitEmbed(answerSpec(message))]);
    case 'digest':
      return withAlerts(renderDigest(message.digest, message.part, message.parts, message.live), message.alerts);
    case 'feeds':
      return packEmbeds([fitEmbed(feedsSpec(message.feeds))]);
    case 'help':
      return packEmbeds([fitEmbed(helpSpec(message.entries, message.note))]);
    case 'list':
      return withAlerts(packEmbeds([fitEmbed(listSpec(message))]), message.alerts);
  }
}

const VIEW_TITLES: Record<AnalysisView, string> = { summary: 'Summary', quotes: 'Quotes', timeline: 'Timeline' };

function analysisSpec(view: AnalysisView, article: ArticleRef, analysis: Analysis): EmbedSpec {
  const title = article.title ? name(article.title) : `${VIEW_TITLES[view]} of the pasted text`;
  const spec: EmbedSpec = {
    title: view === 'summary' || !article.title ? title : `${VIEW_TITLES[view]}: ${title}`,
    url: safeUrl(article.url),
    author: article.siteName ? { name: safeTitle(article.siteName, LIMITS.author) } : undefined,
    color: COLORS.news,
    footer: `${VIEW_TITLES[view]} · ${engineLabel(analysis)}`,
    timestamp: isoTime(article.publishedAt),
  };
  if (view === 'summary') {
    spec.description = analysis.summary.map((sentence) => `• ${clean(sentence.shown ?? sentence.text)}`).join('\n') || 'The article is too short to summarise.';
    spec.fields = tagFields(analysis.tags);
  } else if (view === 'quotes') {
    spec.description =
      quotesAsShown(analysis.quotes)
        .map((quote) => `> ${quoted(quote.text)}\n— ${quote.speaker ? `**${name(quote.speaker)}**` : '*unattributed*'}`)
        .join('\n\n') || 'No direct quotes in this article.';
  } else {
    spec.description =
      analysis.timeline
        .filter(isDated)
        .map((entry) => `**${name(timeLabel(entry.value))}** · “${clean(entry.text)}”\n${clean(entry.event)}`)
        .join('\n\n') || 'No dated events in this article.';
  }
  return spec;
}

function answerSpec(message: Extract<OutgoingMessage, { kind: 'answer' }>): EmbedSpec {
  const { answer, article } = message;
  const spec: EmbedSpec = { title: `Q: ${name(message.question)}`, color: answer ? COLORS.news : COLORS.warning };
  if (!answer) {
    spec.description = "The articles here don't answer that. Try other words, or name an article with /ask about:<link>.";
    return spec;
  }
  const citation = `> ${clean(answer.shown ?? answer.citation.text)}`;
  // The embedded engine's answer is the cited sentence itself; an LLM's answer is shown above what it rests on.
  spec.description = answer.text === answer.citation.text ? citation : `${clean(answer.text)}\n\n**From the article:**\n${citation}`;
  if (article) spec.fields = [{ name: 'Source', value: sourceLink(article) }];
  spec.footer = engineLabel(answer);
  return spec;
}

function renderDigest(digest: Digest, part?: number, parts?: number, live?: boolean): DiscordPayload[] {
  const count = `${digest.stories.length} new ${digest.stories.length === 1 ? 'story' : 'stories'}`;
  const partLabel = parts && parts > 1 ? ` (part ${part ?? 1} of ${parts})` : '';
  if (digest.stories.length === 0) {
    return packEmbeds([fitEmbed({ description: 'No new stories since the last digest.', color: COLORS.info })], `📰 **News digest**${partLabel}`);
  }
  const groups = digest.stories.map((story, index) => fitEmbed(storySpec(story, index + 1)));
  if (live) return packEmbeds(groups, `🔴 **Live**: ${count}`, (n) => `🔴 **Live**, continued (${n})`);
  return packEmbeds(groups, `📰 **News digest**${partLabel}: ${count}`, (n) => `📰 **News digest**${partLabel}, continued (${n})`);
}

/** The alert line leads the first message's content; only the alerted roles may ping (ids are digits only). */
function withAlerts(payloads: DiscordPayload[], alerts: AlertMention[] | undefined): DiscordPayload[] {
  const valid = (alerts ?? []).filter((alert) => /^\d{1,20}$/.test(alert.role));
  const [first, ...rest] = payloads;
  if (!first || valid.length === 0) return payloads;
  const line = `🔔 ${valid.map((alert) => `<@&${alert.role}> (${alert.names.map((value) => name(value)).join(', ')})`).join(' · ')}`;
  // The header line is short; the alert line is cut on its own so the two stay on separate lines.
  const content = `${truncateAtWord(line, LIMITS.content - 200)}\n${first.content ?? ''}`.trimEnd();
  return [{ ...first, content, allowedRoles: valid.map((alert) => alert.role) }, ...rest];
}

function storySpec(story: Story, number: number): EmbedSpec {
  const lead = story.articles[0];
  const sources = story.sources.slice(0, 10).map((source) => (safeUrl(source.url) ? `[${linkText(source.name)}](${source.url})` : name(source.name)));
  const covered = story.sources.length > 1 ? `Covered by ${story.sources.length} outlets: ` : 'From ';
  return {
    title: `${number}. ${name(story.title)}`,
    url: safeUrl(lead?.url),
    description: safeField(story.analysis.summary.map((sentence) => clean(sentence.shown ?? sentence.text)).join(' '), LIMITS.description) || undefined,
    fields: [{ name: 'Sources', value: covered + (sources.join(' · ') || 'unknown') }, ...tagFields(story.analysis.tags), ...languageField(story.analysis)],
    color: COLORS.news,
    timestamp: isoTime(lead?.publishedAt ?? story.firstSeenAt),
  };
}

function feedsSpec(feeds: FeedStatusView[]): EmbedSpec {
  if (feeds.length === 0) {
    return { description: 'No feeds in this channel yet. Add one with `/feeds add <url>`.', color: COLORS.info };
  }
  const failing = feeds.filter((feed) => feed.consecutiveFailures > 0).length;
  return {
    title: `Feeds in this channel (${feeds.length})`,
    description: failing ? `⚠️ ${failing} of them could not be read lately.` : undefined,
    color: failing ? COLORS.warning : COLORS.success,
    fields: feeds.map((feed) => ({
      name: `${feed.consecutiveFailures > 0 ? '⚠️' : '✅'} ${name(feed.title)}`,
      value: [safeTitle(feed.url, 500), health(feed)].join('\n'),
    })),
  };
}

function health(feed: FeedStatusView): string {
  const parts: string[] = [];
  if (feed.consecutiveFailures > 0) {
    parts.push(
      `failing ${feed.consecutiveFailures}× in a row${feed.lastErrorAt ? ` (last ${relative(feed.lastErrorAt)})` : ''}: ${name(feed.lastError ?? 'unknown error')}`,
    );
  }
  parts.push(feed.lastSuccessAt ? `last read ${relative(feed.lastSuccessAt)}` : 'not read yet');
  if (feed.nextPollAt) parts.push(`next check ${relative(feed.nextPollAt)}`);
  const line = parts.join(' · ');
  return feed.filter ? `${line}\nfilter: ${safeTitle(feed.filter, 300)}` : line;
}

function helpSpec(entries: HelpEntry[], note?: string): EmbedSpec {
  return {
    title: 'newsdesk commands',
    description: `${note ?? 'Ask in the thread under a summary or a digest and I answer from its articles.'} 🔒 needs the Manage Channels permission.`,
    color: COLORS.info,
    fields: entries.map((entry) => ({ name: `${entry.manage ? '🔒 ' : ''}${entry.usage}`, value: entry.description })),
  };
}

function listSpec(message: Extract<OutgoingMessage, { kind: 'list' }>): EmbedSpec {
  const lines = message.entries.map((entry) => {
    const label = entry.label ? `**${name(entry.label)}** · ` : '';
    const body = entry.quote ? quoted(entry.text) : clean(entry.text);
    const sources = entry.sources.slice(0, 5).map((source) => (safeUrl(source.url) ? `[${linkText(source.name)}](${source.url})` : name(source.name)));
    return `${label}${body}${sources.length ? `\n— ${sources.join(' · ')}` : ''}`;
  });
  const intro = message.intro ? `${clean(message.intro)}\n\n` : '';
  return {
    title: name(message.title),
    url: safeUrl(message.url),
    description: intro + (lines.join('\n\n') || clean(message.empty)),
    color: COLORS.news,
    footer: message.note ? safeTitle(message.note, LIMITS.footer) : undefined,
  };
}

/** A non-English story's note in place of tags (the embedded engine reads English). */
function languageField(analysis: Analysis): APIEmbedField[] {
  const note = digestLanguageNote(analysis);
  return note ? [{ name: 'Language', value: note }] : [];
}

function tagFields(all: Tags): APIEmbedField[] {
  const tags = topTags(all);
  const rows: [string, string[]][] = [
    ['People', tags.people],
    ['Organisations', tags.organizations],
    ['Places', tags.places],
    ['Topics', tags.topics],
  ];
  return rows
    .filter(([, values]) => values.length > 0)
    .map(([label, values]) => ({
      name: label,
      value: values
        .slice(0, 20)
        .map((value) => name(value))
        .join(', '),
      inline: true,
    }));
}

function engineLabel(source: { engine: Analysis['engine'] }): string {
  const { name, model, version } = source.engine;
  return name === 'llm' ? `by ${model ?? 'the model'}` : `embedded engine v${version}`;
}

function sourceLink(article: ArticleRef): string {
  const title = article.title ?? article.siteName ?? 'the article';
  const url = safeUrl(article.url);
  return url ? `[${linkText(title)}](${url})` : name(title);
}

/**
 * Markdown-escaped foreign text. discord.js escapes formatting and backslashes (so a "\\[" cannot undo
 * our escape) but not links: "[" "]" (masked links) and "<" (autolinks, mentions, <t:…>) are escaped here.
 */
function escapeMarkdown(text: string): string {
  return escapeFormatting(text).replace(/[[\]<]/g, '\\$&');
}

/** A title or name: safe, on one line, cut, escaped. */
function name(text: string): string {
  return escapeMarkdown(safeTitle(text));
}

/** Article text on one line, made safe, cut and markdown-escaped. */
function clean(text: string): string {
  return escapeMarkdown(safeField(text, MAX_FIELD_CHARS).replace(/\s+/g, ' ').trim());
}

function quoted(text: string): string {
  const body = clean(text);
  return /^["“‘«]/.test(body) ? body : `“${body}”`;
}

/** Brackets would end a masked link early. */
function linkText(text: string): string {
  return escapeFormatting(safeTitle(text.replace(/[[\]\\]/g, ''), 200));
}

/** Embed URLs must be http(s); anything else is dropped rather than refused by Discord. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s()<>]+$/i.test(url) ? url : undefined;
}

function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Discord shows <t:…:R> as "3 hours ago" in each reader's own time zone. */
function relative(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : `<t:${Math.floor(time / 1000)}:R>`;
}

export type { DiscordPayload } from './limits.ts';
