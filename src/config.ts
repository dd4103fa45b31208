import { existsSync } from 'node:fs';
import { z } from 'zod';

// The one place that reads process.env. Every variable is listed, with a comment, in .env.example.

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = (what: string) =>
  optionalText.refine((value) => value === undefined || /^(https?|wss?|redis|rediss):\/\/\S+$/.test(value), {
    message: `must be a URL such as ${what}`,
  });

const csv = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((part) => part.trim()).filter(Boolean));

const schema = z.object({
  DATA_DIR: z.string().trim().min(1).default('./data'),
  REDIS_URL: optionalUrl('redis://127.0.0.1:6379'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FETCH_ALLOW_HOSTS: csv,
  DEMO_FEED: z.string().trim().default('demo/feed.xml'),
  DEFAULT_TIMEZONE: z.string().trim().default('UTC'),
  POLL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SUMMARY_SENTENCES: z.coerce.number().int().min(1).max(10).default(3),

  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: optionalUrl('http://127.0.0.1:8080/api'),

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl('http://127.0.0.1:8080/api/'),
  SLACK_ADMIN_USERS: csv,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Articles, analyses, threads and story records no channel needs are deleted this many days after their last write.
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),

  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl('http://127.0.0.1:11434/v1'),
  OPENAI_MODEL: z.string().trim().default('gpt-4o-mini'),
  OPENAI_STRUCTURED_OUTPUT: z.enum(['json_schema', 'json_object', 'none']).default('json_schema'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  LLM_MONTHLY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(0),
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Reads ./.env into the environment when there is one (variables already set win). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Parses the environment once; a wrong variable fails with its name and what to put there. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`newsdesk: the configuration is wrong:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  const config = parsed.data;
  if (config.DISCORD_TOKEN && !config.DISCORD_APP_ID) {
    throw new ConfigError('newsdesk: DISCORD_APP_ID is missing: set it to the Application ID from the Discord developer portal.');
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    throw new ConfigError(
      'newsdesk: SLACK_SIGNING_SECRET is missing: set it to the Signing Secret from the Slack app page (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  }
  return Object.freeze(config);
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
