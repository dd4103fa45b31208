import Keyv from 'keyv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisService } from '../../src/core/analysis-service.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { EmbeddedEngine } from '../../src/engine/index.ts';
import { chunkText } from '../../src/llm/chunking.ts';
import { fillPrompt, loadPrompts, parsePrompt, PROMPT_NAMES, type Prompts } from '../../src/llm/prompts.ts';
import { BRIDGE, bridgeReply } from './articles.ts';
import { block, completion, sequence, startFakeOpenAI, type FakeOpenAI } from './fake-openai.ts';
import { engineFor, messagesOf } from './support.ts';

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

describe('prompt files', () => {
  it('loads one versioned file per task and fills its placeholders', () => {
    const prompts = loadPrompts();
    for (const name of PROMPT_NAMES) expect(prompts[name].version).toMatch(/^\d+$/);
    const filled = fillPrompt(prompts.analysis, { sentences: 4, format: 'Reply with JSON.' });
    expect(filled).toContain('the 4 most important points');
    expect(filled).not.toMatch(/\{\{/);
    expect(() => fillPrompt(prompts.analysis, { sentences: 4 })).toThrow(/\{\{format\}\}/);
    expect(() => parsePrompt('answer', 'Answer the question.')).toThrow(/version/);
  });

  it('refreshes cached analyses when a prompt is edited, and for nothing else', async () => {
    fake.script = sequence(completion(bridgeReply()));
    const cache = new Keyv();
    const serviceFor = (engine: ReturnType<typeof engineFor>['engine']) => new AnalysisService(engine, cache, silentLogger, new EmbeddedEngine());
    const original = engineFor(fake).engine;
    await serviceFor(original).analyze(BRIDGE, { tenant: 'a' });
    await serviceFor(original).analyze({ ...BRIDGE, id: 'copy', text: BRIDGE.text.replace(/\n/g, ' \n') }, { tenant: 'b' });
    expect(fake.requests).toHaveLength(1);

    // Another time-out, structured-output mode or tenant: same key, no call.
    await serviceFor(engineFor(fake, { mode: 'json_object', timeoutMs: 1234 }).engine).analyze(BRIDGE, { tenant: 'c' });
    expect(fake.requests).toHaveLength(1);

    const loaded = loadPrompts();
    const edited: Prompts = {
      ...loaded,
      analysis: parsePrompt('analysis', `---\nversion: ${loaded.analysis.version}\n---\n${loaded.analysis.body}\nBe brief.`),
    };
    const editedEngine = engineFor(fake, { engine: { prompts: edited } }).engine;
    expect(editedEngine.info.version).not.toBe(original.info.version);
    await serviceFor(editedEngine).analyze(BRIDGE);
    expect(fake.requests).toHaveLength(2);
    // The answer prompt shapes no cached analysis.
    const answerEdited: Prompts = { ...loaded, answer: parsePrompt('answer', `---\nversion: 9\n---\n${loaded.answer.body}`) };
    expect(engineFor(fake, { engine: { prompts: answerEdited } }).engine.info.version).toBe(original.info.version);
  });
});

describe('long articles', () => {
  const paragraphs = Array.from({ length: 12 }, (_, i) =>
    i === 9
      ? '"We will finish the tunnel before the snow comes," said engineer Ada Okafor, who leads the work.'
      : `Section ${i + 1} of the report describes the work on the northern tunnel in some detail, with figures for every shift and every crew.`,
  );
  const article = { id: 'tunnel', title: 'Tunnel report', text: paragraphs.join('\n\n') };

  it('cuts text between sentences, each part within the budget', () => {
    const parts = chunkText(article.text, 100);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(400);
      expect(article.text.slice(part.start, part.end)).toBe(part.text);
    }
    expect(
      parts
        .map((part) => part.text)
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toBe(article.text.replace(/\s+/g, ' '));
    expect(chunkText(BRIDGE.text, 6000)).toHaveLength(1);
  });

  it('reads a long article in parts, merges their summaries, and grounds quotes from any part in the whole text', async () => {
    fake.script = (request) => {
      const user = request.messages[1]!.content;
      const points = block(user, 'POINTS');
      if (points !== undefined) return completion({ summary: ['The northern tunnel is nearly finished.'] });
      const data = block(user, 'ARTICLE') ?? '';
      const quote = /"([^"]+),"/.exec(data)?.[1];
      return completion({
        summary: [`Part with ${data.length} characters.`],
        tags: { people: quote ? ['Ada Okafor'] : [], organizations: [], places: [], topics: ['tunnels'] },
        quotes: quote ? [{ text: quote, speaker: 'Ada Okafor' }] : [],
        timeline: [],
      });
    };
    const { engine, usage } = engineFor(fake, { engine: { chunkTokens: 100 } });
    const analysis = await engine.analyze(article, { tenant: 't', sentences: 1 });
    const parts = chunkText(article.text, 100).length;
    expect(fake.requests).toHaveLength(parts + 1);
    expect(messagesOf(fake, 1).user).toContain(`This is part 2 of ${parts}`);
    expect(analysis.summary).toEqual([{ text: 'The northern tunnel is nearly finished.' }]);
    expect(analysis.quotes).toHaveLength(1);
    const [quote] = analysis.quotes;
    expect(article.text.slice(quote!.start, quote!.end)).toBe('We will finish the tunnel before the snow comes');
    expect(analysis.tags.people).toEqual(['Ada Okafor']);
    expect((await usage.month('t')).calls).toBe(parts + 1);
  });
});
