import { existsSync } from 'node:fs';

// What the CLI reads before it knows whether it needs the whole configuration: config.ts parses with
// zod, whose ~95 modules cost a command that never uses them a good part of its start-up time.

/** Reads ./.env into the environment when there is one (variables already set win). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Whether OPENAI_API_KEY is set, read as config.ts reads it (trimmed; empty is unset). */
export function modelKeySet(env: Record<string, string | undefined> = process.env): boolean {
  return (env.OPENAI_API_KEY ?? '').trim() !== '';
}
