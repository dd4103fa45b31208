import type Keyv from 'keyv';
import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { ModelClient } from './client.ts';
import { LlmEngine } from './engine.ts';
import { UsageLedger } from './usage.ts';

export { LlmEngine, ModelPausedError } from './engine.ts';
export { BudgetExhaustedError, UsageLedger } from './usage.ts';

/** The SDK's own retries of 429/5xx/time-outs: few, so a user waits seconds, not minutes, before the fallback. */
export const MODEL_MAX_RETRIES = 2;

/** The model-backed engine from the configuration, or undefined when no OPENAI_API_KEY is set. */
export function createLlmEngine(config: Config, usageStore: Keyv, clock: Clock, logger: Logger): LlmEngine | undefined {
  if (!config.OPENAI_API_KEY) return undefined;
  const client = new ModelClient({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    mode: config.OPENAI_STRUCTURED_OUTPUT,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: MODEL_MAX_RETRIES,
    logger,
  });
  return new LlmEngine({ client, usage: new UsageLedger(usageStore, clock), monthlyBudget: config.LLM_MONTHLY_TOKEN_BUDGET, logger, clock });
}
