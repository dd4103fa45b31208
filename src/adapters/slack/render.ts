import type { AlertMention, ArticleRef, FeedStatusView, HelpEntry, OutgoingMessage } from '../../core/messages.ts';
import type { Analysis, Answer, Digest, EngineInfo, Story } from '../../core/types.ts';
import { digestLanguageNote } from '../../core/language-notice.ts';
import { rewriteInvocations } from './commands.ts';
import { context, divider, header, pack, sections, type Draft, type SlackBlock, type SlackMessage } from './blocks.ts';
import { bold, escapeMultiline, escapeText, italic, link, slackDate } from './mrkdwn.ts';
import { topTags } from '../../core/top-tags.ts';
import { isDated, timeLabel } from '../../core/time-label.ts';
import { quotesAsShown } from '../../core/quote-runs.ts';

export type { SlackMessage } from './blocks.ts';

export interface RenderOptions {
  /** The message opens a thread: say that questions asked there are answered. */
  thread?: boolean;
  /**
   * How a neutral command name is typed in this workspace ("/summary", "/newsdesk feeds"), so usage
   * lines and hints written by the core name the real Slack command.
   */
  invocation?: (commandName: string) => string;
}

const TONE_ICON = { info: 'ℹ️', success: '✅', warning: '⚠️', error: '❌' } as const;
const THREAD_HINT = '💬 Reply in this thread to ask a question about it.';

/** One neutral message as one or more Slack messages, each within Slack's limits. */
export function renderMessage(message: OutgoingMessage, options: RenderOptions = {}): SlackMessage[] {
  const draft = draftOf(message, options);
  if (options.thread) draft.tail = [...(draft.tail ?? []), ...context([escapeText(THREAD_HINT)])];
  return pack(draft);
}

function draftOf(message: OutgoingMessage, options: RenderOptions): Draft {
  switch (message.kind) {
    case 'text':
      return textDraft(message.text, message.tone, options);
    case 'analysis':
      return analysisDraft(message.view, message.article, message.analysis);
    case 'answer':
      return answerDraft(message.question, message.answer, message.article);
    case 'digest':
      return withAlerts(digestDraft(message.digest, message.part, message.parts, message.firstNumber ?? 1, message.live), message.alerts);
    case 'feeds':
      return feedsDraft(message.feeds);
    case 'help':
      return helpDraft(message.entries, options);
    case 'list':
      return withAlerts(listDraft(message), message.alerts);
  }
}

function simple(fallback: string, head: SlackBlock[], units: SlackBlock[][]): Draft {
  return { fallback, head, units, continued: (part, parts) => `${fallback} (continued, ${part}/${parts})` };
}

function textDraft(text: string, tone: keyof typeof TONE_ICON | undefined, options: RenderOptions): Draft {
  const body = escapeMultiline(withInvocations(text, options));
  const lines = body.split('\n');
  if (tone) lines[0] = `${TONE_ICON[tone]} ${lines[0] ?? ''}`;
  return simple(text, [], [sections(lines)]);
}

function analysisDraft(view: 'summary' | 'quotes' | 'timeline', article: ArticleRef, analysis: Analysis): Draft {
  const title = article.title ?? (article.url ? hostOf(article.url) : 'Pasted article');
  const heading = view === 'summary' ? title : `${view === 'quotes' ? 'Quotes' : 'Timeline'} · ${title}`;
  const head = [header(heading), ...context([sourceLine(article), engineLine(analysis.engine)])];
  if (view === 'summary') {
    const lines = analysis.summary.map((sentence) => `• ${escapeText(sentence.shown ?? sentence.text)}`);
    const units = [sections(lines.length ? lines : [italic(escapeText('The article is too short to summarise.'))]), context(tagLines(analysis))];
    return simple(`Summary: ${title}`, head, units);
  }
  if (view === 'quotes') {
    const units = quotesAsShown(analysis.quotes).map((quote) =>
      sections([`“${escapeText(quote.text)}”\n— ${quote.speaker ? bold(escapeText(quote.speaker)) : italic('speaker not named')}`]),
    );
    return simple(`Quotes: ${title}`, head, units.length ? units : [sections([escapeText('I found no direct quotes in this article.')])]);
  }
  const units = analysis.timeline
    .filter(isDated)
    .map((entry) => sections([`${bold(escapeText(timeLabel(entry.value)))} “${escapeText(entry.text)}”\n${escapeText(entry.event)}`]));
  return simple(`Timeline: ${title}`, head, units.length ? units : [sections([escapeText('I found no dates or times in this article.')])]);
}

function answerDraft(question: string, answer: Answer | null, article: ArticleRef | undefined): Draft {
  const asked = `${bold('Q:')} ${escapeText(question)}`;
  if (!answer) {
    return simple(`No answer found for: ${question}`, [], [sections([asked, escapeText('I could not find the answer in these stories.')])]);
  }
  const cited = article ? `From ${link(article.url, article.title ?? article.siteName ?? 'the article')}` : '';
  const units = [sections([asked, `> ${escapeText(answer.shown ?? answer.text)}`]), context([cited, engineLine(answer.engine)])];
  return simple(answer.text, [], units);
}

/** Stories are numbered across a digest's parts: the numbers "/summary 2" refers to. */
function digestDraft(digest: Digest, part: number | undefined, parts: number | undefined, firstNumber: number, live?: boolean): Draft {
  const count = digest.stories.length;
  const title = `${live ? '🔴 Live' : '📰 News digest'} · ${count} ${count === 1 ? 'story' : 'stories'}${part && parts && parts > 1 ? ` (part ${part} of ${parts})` : ''}`;
  const head = [header(title), ...context([slackDate(digest.createdAt, '{date_long_pretty}')])];
  const units = digest.stories.map((story, index) => [...storyBlocks(story, firstNumber + index), divider]);
  return {
    fallback: title,
    head,
    units: units.length ? units : [sections([escapeText('No new stories since the last digest.')])],
    continued: (page, pages) => `News digest, continued (${page}/${pages})`,
    maxMessages: Number.POSITIVE_INFINITY,
  };
}

/** A user-group mention for each alert, first in the message; ids are checked, names escaped. */
function withAlerts(draft: Draft, alerts: AlertMention[] | undefined): Draft {
  const valid = (alerts ?? []).filter((alert) => /^S[A-Z0-9]{2,20}$/.test(alert.role));
  if (valid.length === 0) return draft;
  const line = `🔔 ${valid.map((alert) => `<!subteam^${alert.role}> (${escapeText(alert.names.join(', '))})`).join(' · ')}`;
  // In a section, not the notification text (which is escaped): a mention in mrkdwn blocks notifies the group.
  return { ...draft, head: [...sections([line]), ...draft.head] };
}

function storyBlocks(story: Story, number: number): SlackBlock[] {
  const lead = story.articles[0];
  const summary = story.analysis.summary.map((sentence) => escapeText(sentence.shown ?? sentence.text)).join(' ');
  const titleLine = `${number}. ${bold(link(lead?.url, story.title))}`;
  const sources = story.sources.slice(0, 10).map((source) => link(source.url, source.name));
  const covered = sources.length > 1 ? `Covered by ${story.sources.length} outlets: ${sources.join(', ')}` : sources[0] ? `Source: ${sources[0]}` : '';
  return [
    ...sections([titleLine, summary].filter(Boolean)),
    ...context([covered, ...tagLines(story.analysis), escapeText(digestLanguageNote(story.analysis) ?? '')]),
  ];
}

function feedsDraft(feeds: FeedStatusView[]): Draft {
  const head = [header(`Feeds in this channel (${feeds.length})`)];
  const units = feeds.map((feed) =>
    sections([`${bold(link(feed.url, feed.title || feed.url))}\n${feedHealth(feed)}${feed.filter ? `\nFilter: ${escapeText(feed.filter)}` : ''}`]),
  );
  return simple(`${feeds.length} feeds`, head, units.length ? units : [sections([escapeText('No feeds are followed in this channel yet.')])]);
}

export function feedHealth(feed: FeedStatusView): string {
  const next = feed.nextPollAt ? ` · next check ${slackDate(feed.nextPollAt)}` : '';
  if (feed.consecutiveFailures > 0) {
    const since = feed.lastErrorAt ? ` since ${slackDate(feed.lastErrorAt)}` : '';
    const times = feed.consecutiveFailures === 1 ? 'once' : `${feed.consecutiveFailures} times in a row`;
    return `⚠️ Failing (${times})${since}: ${escapeText(feed.lastError ?? 'unknown error')}${next}`;
  }
  if (feed.lastSuccessAt) return `✅ Last read ${slackDate(feed.lastSuccessAt)}${next}`;
  return `⏳ Not read yet${next}`;
}

function helpDraft(entries: HelpEntry[], options: RenderOptions): Draft {
  const lines = entries.map((entry) => {
    const usage = escapeText(withInvocations(entry.usage, options));
    const admin = entry.manage ? ` ${italic('(admins)')}` : '';
    return `\`${usage}\` ${escapeText(entry.description)}${admin}`;
  });
  const footer = entries.some((entry) => entry.manage)
    ? context([escapeText('(admins): needs a workspace admin or owner, or someone on the newsdesk allow-list.')])
    : [];
  return simple('What newsdesk can do', [header('newsdesk: what I can do')], [sections(lines), footer]);
}

function listDraft(message: Extract<OutgoingMessage, { kind: 'list' }>): Draft {
  const head = [header(message.title), ...(message.url ? context([link(message.url, 'Open the story')]) : [])];
  const intro = message.intro ? [sections([escapeText(message.intro)])] : [];
  const units = message.entries.map((entry) => {
    const label = entry.label ? `${bold(escapeText(entry.label))} · ` : '';
    const body = entry.quote ? `“${escapeText(entry.text)}”` : escapeText(entry.text);
    const sources = entry.sources.slice(0, 5).map((source) => link(source.url, source.name));
    return sections([`${label}${body}${sources.length ? `\n— ${sources.join(' · ')}` : ''}`]);
  });
  const note = message.note ? [context([escapeText(message.note)])] : [];
  return simple(message.title, head, [...intro, ...(units.length ? units : [sections([escapeText(message.empty)])]), ...note]);
}

function sourceLine(article: ArticleRef): string {
  const outlet = article.siteName ?? (article.url ? hostOf(article.url) : '');
  const source = article.url ? link(article.url, outlet || 'source') : escapeText(outlet);
  return [source, slackDate(article.publishedAt, '{date_short_pretty}')].filter(Boolean).join(' · ');
}

function engineLine(engine: EngineInfo): string {
  return escapeText(engine.name === 'llm' ? `by ${engine.model ?? 'a language model'}` : 'by the built-in engine');
}

function tagLines(analysis: Analysis): string[] {
  const { people, organizations, places, topics } = topTags(analysis.tags);
  const line = (label: string, values: string[]) => (values.length ? `${bold(label)} ${escapeText(values.join(', '))}` : '');
  return [line('People', people), line('Organisations', organizations), line('Places', places), line('Topics', topics)];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function withInvocations(text: string, options: RenderOptions): string {
  return options.invocation ? rewriteInvocations(text, options.invocation) : text;
}
