// Platform-neutral data: what the core hands to commands and adapters.

/** A piece of news text, whatever it came from (feed item, web page, pasted text). */
export interface Article {
  /** Stable id: the content hash for pasted text, otherwise derived from the canonical URL or GUID. */
  id: string;
  text: string;
  title?: string;
  url?: string;
  /** ISO 8601 publication time, when known. Times in the text are resolved against it. */
  publishedAt?: string;
  /**
   * The publisher's zone in minutes east of UTC, when its date stated one ("+09:00"): the article's
   * "today" is the publisher's day, which `publishedAt` (UTC) alone can put a day early.
   */
  publishedOffset?: number;
  author?: string;
  siteName?: string;
  imageUrl?: string;
  /** Feed GUID, when the article came from a feed. */
  guid?: string;
}

/** A span of a text: `text === source.slice(start, end)` (JavaScript string indices, end exclusive). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** A summary sentence: a span of the article (embedded engine) or generated text without offsets (LLM). */
export interface SummarySentence {
  /** Verbatim: `text === article.text.slice(start, end)` when the offsets are given. */
  text: string;
  /**
   * The sentence as shown to readers when it differs from `text`: a person's first mention in the
   * summary rewritten to the full name the article gives ("Ortega said" -> "Jane Ortega said").
   */
  shown?: string;
  start?: number;
  end?: number;
}

export interface Tags {
  people: string[];
  organizations: string[];
  places: string[];
  topics: string[];
}

export interface Quote extends Span {
  /** The speaker's name where the text allows, else the description the text gives, else null. */
  speaker: string | null;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimelineEntry extends Span {
  type: TimexType;
  /** TimeML / ISO 8601 value: "2026-11-26", "2026-11-26T02:43Z", "P3D", "PRESENT_REF", "XXXX-WXX-1" ... */
  value: string;
  /** The sentence the expression dates. */
  event: string;
}

export interface EngineInfo {
  name: 'embedded' | 'llm';
  /** Bumped whenever output can change, so cached analyses are refreshed. */
  version: string;
  model?: string;
}

export interface Analysis {
  articleId: string;
  contentHash: string;
  engine: EngineInfo;
  summary: SummarySentence[];
  tags: Tags;
  quotes: Quote[];
  timeline: TimelineEntry[];
  /**
   * The article's language (ISO 639-1, 'und' when unknown) as the embedded engine detected it. Its
   * tags, quotes and timeline rules read English only: for other languages they are left empty and
   * replies say so. Absent from analyses made before it was added and from model engines.
   */
  language?: string;
}

/** The answer to a question over one or more articles, citing the sentence(s) it rests on. */
export interface Answer {
  articleId: string;
  /** The cited span of the article. */
  citation: Span;
  /** What to show: the cited sentence(s) for the embedded engine, a short generated answer for an LLM. */
  text: string;
  /**
   * The embedded engine's cited sentence as shown: a person it names by surname only is named in full
   * ("Morita, who …" -> "Kenji Morita, who …"). `text` and `citation` stay verbatim.
   */
  shown?: string;
  engine: EngineInfo;
}

export interface AnalyzeOptions {
  /** Summary length in sentences (default 3). */
  sentences?: number;
  /** Who pays, for usage accounting (guild / workspace id). */
  tenant?: string;
}

/** `Article -> Analysis` and question answering, implemented by the embedded engine and the LLM engine. */
export interface Engine {
  readonly info: EngineInfo;
  analyze(article: Article, options?: AnalyzeOptions): Promise<Analysis>;
  /** Best answer to the question from these articles, or null when they do not answer it. */
  answer(question: string, articles: Article[], options?: { tenant?: string }): Promise<Answer | null>;
}

/** A story: one event, covered by one or more articles (from different outlets or URL variants). */
export interface Story {
  id: string;
  title: string;
  articles: Article[];
  /** Analysis of the story's lead article. */
  analysis: Analysis;
  /** Distinct outlets (site names or hosts) that covered it. */
  sources: { name: string; url?: string }[];
  firstSeenAt: string;
}

export interface Digest {
  channelId: string;
  createdAt: string;
  stories: Story[];
}
