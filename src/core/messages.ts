import type { Analysis, Answer, Article, Digest } from './types.ts';

// What commands and the scheduler hand to a platform: neutral data, rendered by each adapter
// (adapters/discord/render.ts -> embeds, adapters/slack/render.ts -> Block Kit, adapters/console -> text).

/** Title, link and outlet of the article an analysis or answer is about. */
export interface ArticleRef {
  id: string;
  title?: string;
  url?: string;
  siteName?: string;
  publishedAt?: string;
}

export function articleRef(article: Article): ArticleRef {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
  };
}

export type AnalysisView = 'summary' | 'quotes' | 'timeline';

export interface FeedStatusView {
  id: string;
  title: string;
  url: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  nextPollAt?: string;
  consecutiveFailures: number;
  /** The channel's filter on the feed, as one line (/feeds filter); absent when every story passes. */
  filter?: string;
}

/** One line of a feature's list: a quote and who said it, a dated event and the outlets that report it. */
export interface ListEntry {
  /** Shown first, in bold: a date, a speaker. */
  label?: string;
  /** The quoted words or the sentence, verbatim from an article. */
  text: string;
  /** `text` is someone's words: shown in quotation marks. */
  quote?: boolean;
  /** The stories or outlets it comes from, linked where there is a link. */
  sources: { name: string; url?: string }[];
}

/**
 * A role (Discord) or user group (Slack) to ping because a story in the message names what it is
 * alerted for (/alert). The only mention any message may carry: article text never pings.
 */
export interface AlertMention {
  /** The platform's role / user-group id. */
  role: string;
  /** What the stories named ("Petra Lindqvist"). */
  names: string[];
  /** The stories that named it (a live story's later coverage pings only a role it has not pinged yet). */
  storyIds?: string[];
}

export interface HelpEntry {
  usage: string;
  description: string;
  manage: boolean;
}

/** Everything the bot can say, as data. */
export type OutgoingMessage =
  /** Plain words: confirmations, notices, errors. `tone` lets renderers colour it. */
  | { kind: 'text'; text: string; tone?: 'info' | 'success' | 'warning' | 'error' }
  /** One article's summary, quotes or timeline. */
  | { kind: 'analysis'; view: AnalysisView; article: ArticleRef; analysis: Analysis }
  /** The answer to a question (null: the articles do not answer it). */
  | { kind: 'answer'; question: string; answer: Answer | null; article?: ArticleRef }
  /**
   * A digest of stories for a channel; `part`/`parts` when split over several messages, whose stories
   * are numbered on from `firstNumber` (default 1), the numbers "/summary 2" refers to.
   */
  | { kind: 'digest'; digest: Digest; part?: number; parts?: number; firstNumber?: number; live?: boolean; alerts?: AlertMention[] }
  | { kind: 'feeds'; feeds: FeedStatusView[] }
  /** `note`: what this platform's setup changes about using the bot (an adapter adds it). */
  | { kind: 'help'; entries: HelpEntry[]; note?: string }
  /**
   * A titled list built by a feature (who said what, a story's timeline, a follow's notice, a live
   * update). `empty` is shown when there are no entries; `note` is a line of small print.
   */
  | { kind: 'list'; title: string; url?: string; intro?: string; entries: ListEntry[]; empty: string; note?: string; alerts?: AlertMention[] };

/** Make a thread under the posted message; questions asked there are answered from these articles. */
export interface ThreadRequest {
  title: string;
  articleIds: string[];
  /** The articles the message numbers (a digest's stories), from which number: "/summary 2" picks the second. */
  numbered?: { articleIds: string[]; from: number };
}
