import type { Article } from './types.ts';
import type { OutgoingMessage } from './messages.ts';
import { articleRef } from './messages.ts';
import type { PlatformName } from './platform.ts';
import type { Services } from './services.ts';
import { tokenizeWords } from './words.ts';

/**
 * A message typed in a thread: if the bot opened that thread (under a digest or a summary), answer it
 * from the articles behind it, citing the sentence the answer rests on. Returns null for threads the
 * bot does not know, which adapters then ignore.
 *
 * Two messages are not questions to look up: a story's number ("2", "#2", "story 2"), which gets a
 * pointer to the commands that open it, and a question that names nothing ("When did it happen?").
 * Under one article that question is about the article's own event, so its headline is asked with it;
 * under several stories the reply asks which one is meant, rather than citing whichever sentence
 * happens to share a word with it.
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
  const story = STORY_NUMBER.exec(text)?.[1];
  if (story && articles.length > 1) {
    return {
      kind: 'text',
      tone: 'info',
      text: `To open story ${story}, type /summary ${story} (or /quotes ${story}, /timeline ${story}). Here, ask a question in words and I answer it from the stories.`,
    };
  }
  const vague = namesNothing(text);
  if (vague && articles.length > 1) {
    return {
      kind: 'text',
      tone: 'info',
      text: 'Which story do you mean? This thread holds several: ask again with a name or a word from its headline in the question.',
    };
  }
  const asked = vague ? withHeadline(text, articles[0]) : text;
  const answer = articles.length ? await services.analysis.answer(asked, articles, { tenant }) : null;
  const article = answer ? articles.find((candidate) => candidate.id === answer.articleId) : undefined;
  return { kind: 'answer', question: text, answer, article: article ? articleRef(article) : undefined };
}

const STORY_NUMBER = /^(?:#|no\.?\s*|story\s*|number\s*)?(\d{1,2})[.)]?$/i;

// Words a question can be made of and still name nothing: "When did it happen?", "What happened next?",
// "Who said that?", "Tell me more".
const NAMES_NOTHING = new Set(
  (
    'what when where who whom which why how did do does is was were are will would could can it its this that these those ' +
    'they them he she his her there the a an of to in on about so then next now happen happened happens happening occur ' +
    'occurred go going went say said says mean means meant tell me us more else exactly really please you know'
  ).split(' '),
);

export function namesNothing(question: string): boolean {
  const words = tokenizeWords(question);
  return words.length > 0 && words.every((word) => NAMES_NOTHING.has(word));
}

/** "When did it happen?" under one article: its "it" is the article's event, which the headline names. */
function withHeadline(question: string, article: Article | undefined): string {
  return article?.title ? `${question} ${article.title}` : question;
}
