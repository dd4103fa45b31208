import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerContext } from '../../src/llm/chunking.ts';
import { ANSWER_FORMAT } from '../../src/llm/schemas.ts';
import { BRIDGE, INJECTION } from './articles.ts';
import { block, completion, sequence, startFakeOpenAI, type FakeOpenAI } from './fake-openai.ts';
import { engineFor, messagesOf } from './support.ts';

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

/** The number the prompt gave the sentence that contains `words`. */
function numberOf(user: string, words: string): number {
  const line = (block(user, 'ARTICLES') ?? '').split('\n').find((candidate) => candidate.includes(words));
  return Number(/^\[(\d+)\]/.exec(line ?? '')?.[1]);
}

describe('answers from the model', () => {
  it('answers from numbered sentences and cites the article span they come from', async () => {
    fake.script = (request) => {
      const user = request.messages[1]!.content;
      const n = numberOf(user, 'will reopen to traffic');
      return completion({ answered: true, answer: 'On Friday, after eleven weeks of repairs.', citations: [n] });
    };
    const { engine, usage } = engineFor(fake);
    const answer = await engine.answer('When does the bridge reopen?', [INJECTION, BRIDGE], { tenant: 'team-1' });

    expect(fake.requests[0]!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'news_answer', schema: ANSWER_FORMAT.jsonSchema },
    });
    expect(block(messagesOf(fake, 0).user, 'QUESTION')).toBe('When does the bridge reopen?');
    expect(answer).toMatchObject({ articleId: 'bridge', text: 'On Friday, after eleven weeks of repairs.', engine: { name: 'llm', model: 'test-model' } });
    expect(answer!.citation.text).toBe(
      'The Eastgate harbour bridge will reopen to traffic on Friday after eleven weeks of repairs, the city council said on Tuesday.',
    );
    expect(BRIDGE.text.slice(answer!.citation.start, answer!.citation.end)).toBe(answer!.citation.text);
    expect((await usage.month('team-1')).calls).toBe(1);
  });

  it('cites consecutive sentences as one span', async () => {
    fake.script = (request) => {
      const user = request.messages[1]!.content;
      return completion({
        answered: true,
        answer: 'Cracked steel; 4.2 million euros.',
        citations: [numberOf(user, 'cracked steel'), numberOf(user, 'The bridge is safe')],
      });
    };
    const { engine } = engineFor(fake);
    const answer = await engine.answer('What was wrong and what did it cost?', [BRIDGE]);
    expect(answer!.citation.text).toMatch(/^Engineers found cracked steel[\s\S]*through the nights,” said Mayor Helena Marsh at a news conference\.$/);
  });

  it('says plainly when the articles do not answer (null)', async () => {
    fake.script = sequence(completion({ answered: false, answer: '', citations: [] }));
    const { engine } = engineFor(fake);
    expect(await engine.answer('Who won the football match?', [BRIDGE])).toBeNull();
    expect(messagesOf(fake, 0).system).toMatch(/do not answer it/);
  });

  it('sends the model back to the sentences when it cites one that does not exist, then falls back if it does again', async () => {
    fake.script = sequence(
      completion({ answered: true, answer: 'Friday.', citations: [99] }),
      completion({ answered: true, answer: 'Friday.', citations: [1] }),
    );
    const { engine } = engineFor(fake);
    const answer = await engine.answer('When does the bridge reopen?', [BRIDGE]);
    expect(messagesOf(fake, 1).all[3]!.content).toMatch(/citations 99 are not sentence numbers: the sentences are numbered 1 to \d+/);
    expect(answer?.citation.start).toBe(0);

    fake.script = sequence(completion({ answered: true, answer: 'Friday.', citations: [] }));
    await expect(engine.answer('When does the bridge reopen?', [BRIDGE])).rejects.toThrow(/cite at least one sentence/);
  });

  it('sends only what fits the token budget, the sentences that share the question’s words first', () => {
    const context = answerContext('How much did the repairs cost?', [INJECTION, BRIDGE], 120);
    const sent = context.sentences.map((sentence) => sentence.span.text);
    expect(sent.some((text) => text.includes('4.2 million euros'))).toBe(true);
    expect(sent.join(' ').length / 4).toBeLessThanOrEqual(120);
    expect(context.sentences.map((sentence) => sentence.n)).toEqual(context.sentences.map((_, i) => i + 1));
  });
});
