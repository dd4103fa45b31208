import type { OutgoingMessage } from './messages.ts';
import { articleRef } from './messages.ts';
import type { PlatformName } from './platform.ts';
import type { Services } from './services.ts';

/**
 * A message typed in a thread: if the bot opened that thread (under a digest or a summary), answer it
 * from the articles behind it, citing the sentence the answer rests on. Returns null for threads the
 * bot does not know, which adapters then ignore.
 */
export async function answerFollowUp(
  services: Services,
  platform: PlatformName,
  threadId: string,
  question: string,
  tenant?: string,
): Promise<OutgoingMessage | null> {
  const articles = await services.library.threadArticles(platform, threadId);
  if (!articles) return null;
  const text = question.trim();
  if (text === '') return null;
  const answer = articles.length ? await services.analysis.answer(text, articles, { tenant }) : null;
  const article = answer ? articles.find((candidate) => candidate.id === answer.articleId) : undefined;
  return { kind: 'answer', question: text, answer, article: article ? articleRef(article) : undefined };
}
