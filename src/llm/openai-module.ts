import { createRequire } from 'node:module';

type OpenAIModule = typeof import('openai');
let loaded: OpenAIModule | undefined;

/**
 * The openai SDK (about 150 modules), loaded on first use so that starting without OPENAI_API_KEY,
 * and every CLI command, does not pay for it. Client and error classes come from this one copy, so
 * `instanceof` checks hold.
 */
export function openaiModule(): OpenAIModule {
  return (loaded ??= createRequire(import.meta.url)('openai') as OpenAIModule);
}
