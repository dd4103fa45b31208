import Keyv from 'keyv';
import { ManualClock } from '../../src/core/clock.ts';
import { silentLogger, type Logger } from '../../src/core/logger.ts';
import { ModelClient, type StructuredOutputMode } from '../../src/llm/client.ts';
import { LlmEngine, type LlmEngineOptions } from '../../src/llm/engine.ts';
import { UsageLedger } from '../../src/llm/usage.ts';
import type { FakeOpenAI } from './fake-openai.ts';

export interface EngineSetup {
  mode?: StructuredOutputMode;
  timeoutMs?: number;
  maxRetries?: number;
  budget?: number;
  store?: Keyv;
  clock?: ManualClock;
  logger?: Logger;
  engine?: Partial<Pick<LlmEngineOptions, 'prompts' | 'chunkTokens' | 'maxChunks' | 'answerTokens' | 'pauseMs'>>;
}

/** The real engine and the real openai SDK, pointed at the fake on 127.0.0.1. */
export function engineFor(fake: FakeOpenAI, setup: EngineSetup = {}) {
  const clock = setup.clock ?? new ManualClock('2026-11-26T12:00:00Z');
  const store = setup.store ?? new Keyv();
  const client = new ModelClient({
    apiKey: 'test-key',
    baseURL: fake.baseURL,
    model: 'test-model',
    mode: setup.mode ?? 'json_schema',
    timeoutMs: setup.timeoutMs ?? 5_000,
    maxRetries: setup.maxRetries ?? 2,
  });
  const usage = new UsageLedger(store, clock);
  const engine = new LlmEngine({ client, usage, monthlyBudget: setup.budget ?? 0, logger: setup.logger ?? silentLogger, clock, ...setup.engine });
  return { engine, usage, clock, store };
}

/** The system and user messages of a recorded request. */
export function messagesOf(fake: FakeOpenAI, index: number): { system: string; user: string; all: { role: string; content: string }[] } {
  const messages = fake.requests[index]!.body.messages;
  return { system: messages[0]!.content, user: messages[1]!.content, all: messages };
}
