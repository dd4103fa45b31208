import type { AlertMention, AnalysisView, ArticleRef, FeedStatusView, OutgoingMessage } from '../../core/messages.ts';
import { safeField, safeText, safeTitle as t } from '../../core/text-safety.ts';
import type { Analysis, EngineInfo, Story, Tags } from '../../core/types.ts';
import { digestLanguageNote } from '../../core/language-notice.ts';
import { topTags } from '../../core/top-tags.ts';
import { isDated, timeLabel } from '../../core/time-label.ts';
import { quotesAsShown } from '../../core/quote-runs.ts';

// Terminal text for the neutral messages. Plain text, wrapped by the terminal itself. Titles and names
// are cut (safeTitle, here `t`), and the whole text is made safe last, so no ESC sequence, control
// character or bidi override from an article or a feed reaches the terminal.

export function renderText(message: OutgoingMessage): string {
  return safeText(render(message));
}

function render(message: OutgoingMessage): string {
  switch (message.kind) {
    case 'text':
      return (message.tone === 'warning' || message.tone === 'error' ? '! ' : '') + safeField(message.text, 20_000);
    case 'analysis':
      return renderAnalysis(message.view, message.article, message.analysis);
    case 'answer':
      return renderAnswer(message);
    case 'digest':
      return alertLine(message.alerts) + renderDigest(message.digest.stories, message.part, message.parts, message.firstNumber, message.live);
    case 'feeds':
      return renderFeeds(message.feeds);
    case 'list':
      return alertLine(message.alerts) + renderList(message);
    case 'help':
      return [
        'newsdesk commands (★ needs channel-manager rights):',
        ...message.entries.map((entry) => `  ${entry.manage ? '★' : ' '} ${entry.usage}\n      ${entry.description}`),
      ].join('\n');
  }
}

/** The roles a message alerts (/alert), on a line of its own before it. */
function alertLine(alerts: AlertMention[] | undefined): string {
  return alerts?.length ? `🔔 ${alerts.map((alert) => `@${t(alert.role)} (${alert.names.map((value) => t(value)).join(', ')})`).join(' · ')}\n` : '';
}

function heading(article: ArticleRef): string {
  const title = t(article.title ?? 'Pasted text');
  const meta = [article.siteName && t(article.siteName), article.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
  return `${title}${meta ? ` (${meta})` : ''}${article.url ? `\n${t(article.url, 500)}` : ''}`;
}

function engineLine(engine: EngineInfo): string {
  const { name, model } = engine;
  return name === 'llm' ? `answered by ${model ?? 'the model'}` : 'answered by the embedded engine';
}

function renderAnalysis(view: AnalysisView, article: ArticleRef, analysis: Analysis): string {
  const lines = [heading(article), ''];
  if (view === 'summary') {
    lines.push(...analysis.summary.map((sentence) => `• ${safeField(sentence.shown ?? sentence.text)}`));
    const tags = tagLine(analysis.tags);
    if (tags) lines.push('', tags);
  } else if (view === 'quotes') {
    if (analysis.quotes.length === 0) lines.push('No direct quotes in this article.');
    for (const quote of quotesAsShown(analysis.quotes)) lines.push(`“${safeField(quote.text)}”\n    — ${quote.speaker ? t(quote.speaker) : 'unattributed'}`);
  } else {
    if (!analysis.timeline.some(isDated)) lines.push('No dated events in this article.');
    for (const entry of analysis.timeline.filter(isDated))
      lines.push(`${t(timeLabel(entry.value)).padEnd(26)} ${safeField(entry.text)}: ${safeField(entry.event)}`);
  }
  lines.push('', `(${engineLine(analysis.engine)})`);
  return lines.join('\n');
}

export function tagLine(all: Tags): string {
  const tags = topTags(all);
  const parts = [
    tags.people.length ? `People: ${names(tags.people)}` : '',
    tags.organizations.length ? `Organisations: ${names(tags.organizations)}` : '',
    tags.places.length ? `Places: ${names(tags.places)}` : '',
    tags.topics.length ? `Topics: ${names(tags.topics)}` : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

function names(values: string[]): string {
  return values
    .slice(0, 20)
    .map((value) => t(value))
    .join(', ');
}

function renderAnswer(message: Extract<OutgoingMessage, { kind: 'answer' }>): string {
  if (!message.answer) return `Q: ${t(message.question)}\nThe articles here don't answer that.`;
  const source = message.article ? `\n    — from “${t(message.article.title ?? 'the article')}”` : '';
  const cited = message.answer.text === message.answer.citation.text ? '' : `\n    Based on: “${safeField(message.answer.citation.text)}”`;
  return `Q: ${t(message.question)}\nA: ${safeField(message.answer.shown ?? message.answer.text)}${cited}${source}\n(${engineLine(message.answer.engine)})`;
}

function renderDigest(stories: Story[], part?: number, parts?: number, firstNumber = 1, live?: boolean): string {
  const header = `${live ? '🔴 Live' : '📰 Digest'}${parts && parts > 1 ? ` (part ${part}/${parts})` : ''}: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`;
  const body = stories.map((story, index) => {
    const sources =
      story.sources.length > 1
        ? `covered by ${story.sources.length} outlets: ${names(story.sources.map((source) => source.name))}`
        : `from ${t(story.sources[0]?.name ?? 'unknown')}`;
    const summary = story.analysis.summary.map((sentence) => `   ${safeField(sentence.shown ?? sentence.text)}`).join('\n');
    const tags = tagLine(story.analysis.tags) || safeField(digestLanguageNote(story.analysis) ?? '');
    return `${firstNumber + index}. ${t(story.title)}\n   (${sources})\n${summary}${tags ? `\n   ${tags}` : ''}`;
  });
  return [header, '', ...body].join('\n');
}

function renderList(message: Extract<OutgoingMessage, { kind: 'list' }>): string {
  const lines = [t(message.title), ...(message.url ? [t(message.url, 500)] : []), ...(message.intro ? [safeField(message.intro)] : []), ''];
  if (message.entries.length === 0) lines.push(safeField(message.empty));
  for (const entry of message.entries) {
    const body = entry.quote ? `“${safeField(entry.text)}”` : safeField(entry.text);
    const sources = entry.sources.map((source) => `${t(source.name)}${source.url ? ` <${t(source.url, 500)}>` : ''}`).join(' · ');
    lines.push(`${entry.label ? `${t(entry.label)}: ` : ''}${body}${sources ? `\n    — ${sources}` : ''}`);
  }
  if (message.note) lines.push('', `(${safeField(message.note)})`);
  return lines.join('\n');
}

function renderFeeds(feeds: FeedStatusView[]): string {
  if (feeds.length === 0) return 'No feeds in this channel yet. Add one with /feeds add <url>.';
  return feeds
    .map((feed) => {
      const health =
        feed.consecutiveFailures > 0
          ? `failing (${feed.consecutiveFailures}×): ${t(feed.lastError ?? 'unknown error')}`
          : feed.lastSuccessAt
            ? `ok, last read ${feed.lastSuccessAt}`
            : 'not read yet';
      const filter = feed.filter ? `\n  filter: ${t(feed.filter, 600)}` : '';
      return `• ${t(feed.title)}\n  ${t(feed.url, 500)}\n  ${health}${feed.nextPollAt ? `; next poll ${feed.nextPollAt}` : ''}${filter}`;
    })
    .join('\n');
}
