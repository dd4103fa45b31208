import Keyv from 'keyv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisService } from '../../src/core/analysis-service.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { EmbeddedEngine } from '../../src/engine/index.ts';
import { InvalidModelOutputError } from '../../src/llm/client.ts';
import { ANALYSIS_FORMAT } from '../../src/llm/schemas.ts';
import { BRIDGE, bridgeReply } from './articles.ts';
import { completion, sequence, startFakeOpenAI, type FakeOpenAI } from './fake-openai.ts';
import { engineFor, messagesOf } from './support.ts';

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

const serviceWith = (engine: ReturnType<typeof engineFor>['engine']) => new AnalysisService(engine, new Keyv(), silentLogger, new EmbeddedEngine());

describe('the model engine: structured output', () => {
  it('asks for json_schema output and turns a valid reply into a grounded analysis', async () => {
    fake.script = sequence(completion(bridgeReply(), { prompt_tokens: 700, completion_tokens: 150 }));
    const { engine, usage } = engineFor(fake);
    const analysis = await engine.analyze(BRIDGE, { sentences: 3, tenant: 'guild-1' });

    const request = fake.requests[0]!.body;
    expect(request.model).toBe('test-model');
    expect(request.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'news_analysis', schema: ANALYSIS_FORMAT.jsonSchema, strict: true } });
    expect(ANALYSIS_FORMAT.jsonSchema).toMatchObject({ additionalProperties: false, required: ['summary', 'tags', 'quotes', 'timeline'] });

    expect(analysis.engine).toEqual({ name: 'llm', model: 'test-model', version: engine.info.version });
    expect(analysis.summary.map((s) => s.text)).toEqual(bridgeReply().summary);
    // Tags: cleaned, de-duplicated, "Marsh" folded into "Helena Marsh"; an organisation the text never names is dropped.
    expect(analysis.tags).toEqual({
      people: ['Helena Marsh', 'Tomas Ferreira'],
      organizations: ['Eastgate city council'],
      places: ['Eastgate'],
      topics: ['infrastructure', 'transport'],
    });
    expect(analysis.quotes.map((q) => [q.speaker, q.text, BRIDGE.text.slice(q.start, q.end) === q.text])).toEqual([
      ['Helena Marsh', 'The bridge is safe, and we are proud of the crews who worked\nthrough the nights,', true],
      ['Tomas Ferreira', 'We lost half our customers this autumn,', true],
    ]);
    expect(analysis.timeline.map((t) => [t.text, t.type, t.value, BRIDGE.text.slice(t.start, t.end) === t.text])).toEqual([
      ['September', 'DATE', '2026-09', true],
      ['on Friday', 'DATE', '2026-11-27', true],
      ['eleven weeks', 'DURATION', 'P11W', true],
    ]);
    expect(await usage.month('guild-1')).toEqual({ month: '2026-11', promptTokens: 700, completionTokens: 150, calls: 1 });
  });

  it('asks servers without json_schema for a JSON object, with the schema in the prompt', async () => {
    fake.script = sequence(completion(bridgeReply()));
    const { engine } = engineFor(fake, { mode: 'json_object' });
    const analysis = await engine.analyze(BRIDGE);
    expect(fake.requests[0]!.body.response_format).toEqual({ type: 'json_object' });
    expect(messagesOf(fake, 0).system).toContain(JSON.stringify(ANALYSIS_FORMAT.jsonSchema));
    expect(analysis.quotes).toHaveLength(2);
  });

  it('reads plain JSON from servers with no structured output, code fences and a reasoning block around it', async () => {
    fake.script = sequence(completion(`<think>The user wants JSON.</think>\n\`\`\`json\n${JSON.stringify(bridgeReply())}\n\`\`\``));
    const { engine } = engineFor(fake, { mode: 'none' });
    const analysis = await engine.analyze(BRIDGE);
    expect(fake.requests[0]!.body.response_format).toBeUndefined();
    expect(messagesOf(fake, 0).system).toContain('JSON Schema');
    expect(analysis.engine.name).toBe('llm');
    expect(analysis.summary).toHaveLength(3);
  });
});

describe('the model engine: invalid output, errors and time-outs', () => {
  it('shows the model its error once and keeps the corrected reply', async () => {
    const broken = { ...bridgeReply(), quotes: [{ text: 'We lost half our customers this autumn,', speaker: 42 }] };
    fake.script = sequence(completion(broken), completion(bridgeReply()));
    const { engine, usage } = engineFor(fake);
    const analysis = await engine.analyze(BRIDGE, { tenant: 'guild-1' });
    expect(analysis.quotes).toHaveLength(2);
    const retry = messagesOf(fake, 1).all;
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[2]!.content).toBe(JSON.stringify(broken));
    expect(retry[3]!.content).toMatch(/quotes\.0\.speaker/);
    // Both calls were paid for.
    expect((await usage.month('guild-1')).calls).toBe(2);
  });

  it('falls back to the embedded engine when the reply is still not JSON after the retry', async () => {
    fake.script = sequence(completion('Sure! Here is a summary of the article: the bridge reopens.'));
    const { engine } = engineFor(fake);
    await expect(engine.analyze(BRIDGE)).rejects.toBeInstanceOf(InvalidModelOutputError);
    expect(fake.requests).toHaveLength(2);
    expect(messagesOf(fake, 1).all[3]!.content).toMatch(/not JSON/);

    const service = serviceWith(engine);
    const analysis = await service.analyze(BRIDGE);
    expect(analysis.engine.name).toBe('embedded');
    expect(analysis.summary.length).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(4);
  });

  it('lets the SDK retry a 429 (honouring retry-after-ms) and then answers from the model', async () => {
    fake.script = sequence({ kind: 'error', status: 429, message: 'slow down', headers: { 'retry-after-ms': '10' } }, completion(bridgeReply()));
    const { engine } = engineFor(fake);
    const analysis = await serviceWith(engine).analyze(BRIDGE);
    expect(fake.requests).toHaveLength(2);
    expect(analysis.engine.name).toBe('llm');
  });

  it('falls back when the server still fails with 5xx after the SDK’s retries', async () => {
    fake.script = sequence({ kind: 'error', status: 503, headers: { 'retry-after-ms': '10' } });
    const { engine } = engineFor(fake, { maxRetries: 2 });
    const analysis = await serviceWith(engine).analyze(BRIDGE);
    expect(fake.requests).toHaveLength(3);
    expect(analysis.engine.name).toBe('embedded');
  });

  it('falls back when the model does not answer in time', async () => {
    fake.script = () => ({ kind: 'hang' });
    const { engine, clock } = engineFor(fake, { timeoutMs: 100, maxRetries: 1 });
    const service = serviceWith(engine);
    const analysis = await service.analyze(BRIDGE);
    expect(analysis.engine.name).toBe('embedded');
    expect(fake.requests).toHaveLength(2);
    // For a minute the model is not asked at all: nobody waits for another time-out.
    fake.script = sequence(completion(bridgeReply()));
    expect((await service.analyze(BRIDGE)).engine.name).toBe('embedded');
    expect(await service.answer('When does the bridge reopen?', [BRIDGE])).toMatchObject({ engine: { name: 'embedded' } });
    expect(fake.requests).toHaveLength(2);
    // The fallback was not cached as the model's analysis: after the pause, the model is asked again.
    clock.advance(60_001);
    expect((await service.analyze(BRIDGE)).engine.name).toBe('llm');
    expect(fake.requests).toHaveLength(3);
  });

  it('falls back when the model refuses', async () => {
    fake.script = () => ({ kind: 'completion', content: '', refusal: 'I cannot help with that.' });
    const { engine } = engineFor(fake);
    expect((await serviceWith(engine).analyze(BRIDGE)).engine.name).toBe('embedded');
    expect(fake.requests).toHaveLength(1);
  });
});
