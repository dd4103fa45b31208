import { z } from 'zod';

export { loadDotEnv } from './dotenv.ts';

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
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );

const schema = z.object({
  DATA_DIR: z.string().trim().min(1).default('./data'),
  REDIS_URL: optionalUrl('redis://127.0.0.1:6379'),
  // With REDIS_URL: feed polls and digest slots are jobs on shared queues, each process taking a share.
  SHARED_QUEUES: z.enum(['on', 'off']).default('off'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FETCH_ALLOW_HOSTS: csv,
  DEMO_FEED: z.string().trim().default('demo/feed.xml'),
  DEFAULT_TIMEZONE: z.string().trim().default('UTC'),
  POLL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SUMMARY_SENTENCES: z.coerce.number().int().min(1).max(10).default(3),
  FOLLOW_DAILY_CAP: z.coerce.number().int().min(1).max(500).default(20),

  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: optionalUrl('http://127.0.0.1:8080/api'),
  // Sharding: "auto" (every shard Discord recommends, in this process), or the shards this process runs
  // ("0-3", "4,5") out of DISCORD_SHARD_COUNT, beside other processes running the rest on one Redis.
  DISCORD_SHARDS: z
    .string()
    .trim()
    .default('auto')
    .transform((value, ctx) => {
      const parsed = parseShardList(value);
      if (parsed === undefined) ctx.addIssue({ code: 'custom', message: 'must be "auto", shard ids such as "0,1", or a range such as "0-3"' });
      return parsed ?? 'auto';
    }),
  DISCORD_SHARD_COUNT: z.coerce.number().int().min(1).max(10_000).optional(),

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl('http://127.0.0.1:8080/api/'),
  SLACK_ADMIN_USERS: csv,
  // Distribution to any workspace (OAuth): all three together, instead of SLACK_BOT_TOKEN.
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  /** The public URL of /slack/oauth_redirect, when the app lists more than one redirect URL. */
  SLACK_REDIRECT_URI: optionalUrl('https://newsdesk.example.com/slack/oauth_redirect'),
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
  checkSlackOAuth(config);
  checkShards(config);
  if (config.SHARED_QUEUES === 'on' && !config.REDIS_URL) {
    throw new ConfigError('newsdesk: SHARED_QUEUES=on needs REDIS_URL: the queues live in Redis, shared by every process.');
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    throw new ConfigError(
      'newsdesk: SLACK_SIGNING_SECRET is missing: set it to the Signing Secret from the Slack app page (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  }
  return Object.freeze(config);
}

/** "auto", or "0-3" / "0,2,5" / "1" as sorted unique shard ids; undefined when unreadable. */
function parseShardList(value: string): 'auto' | number[] | undefined {
  if (value === '' || value.toLowerCase() === 'auto') return 'auto';
  const ids = new Set<number>();
  for (const part of value.split(',').map((item) => item.trim())) {
    const range = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from || to - from > 10_000) return undefined;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** A shard list needs the total count; a list that leaves shards to other processes needs the shared store. */
function checkShards(config: z.infer<typeof schema>): void {
  const shards = config.DISCORD_SHARDS;
  if (shards === 'auto') {
    if (config.DISCORD_SHARD_COUNT !== undefined)
      throw new ConfigError(
        'newsdesk: DISCORD_SHARD_COUNT is set but DISCORD_SHARDS is "auto": also set DISCORD_SHARDS to the shards this process runs (e.g. 0-1).',
      );
    return;
  }
  const count = config.DISCORD_SHARD_COUNT;
  if (count === undefined)
    throw new ConfigError(
      'newsdesk: DISCORD_SHARD_COUNT is missing: with DISCORD_SHARDS set to a list, set it to the total number of shards across all processes.',
    );
  const outside = shards.filter((id) => id >= count);
  if (outside.length > 0)
    throw new ConfigError(`newsdesk: DISCORD_SHARDS names shard ${outside[0]}, but shards are numbered 0 to ${count - 1} (DISCORD_SHARD_COUNT=${count}).`);
  if (shards.length < count && !config.REDIS_URL) {
    throw new ConfigError('newsdesk: DISCORD_SHARDS leaves shards to other processes, which must share one store: set REDIS_URL (the same in every process).');
  }
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** Slack distribution (OAuth) needs its three variables together, the HTTP receiver, and no single token. */
function checkSlackOAuth(config: z.infer<typeof schema>): void {
  const set = OAUTH_VARIABLES.filter((name) => config[name] !== undefined);
  if (set.length === 0) return;
  if (set.length < OAUTH_VARIABLES.length) {
    const missing = OAUTH_VARIABLES.filter((name) => config[name] === undefined);
    throw new ConfigError(
      `newsdesk: ${missing.join(' and ')} missing: installing to any workspace needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET (Basic Information page) and SLACK_STATE_SECRET (any long random text) together.`,
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      'newsdesk: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET/SLACK_STATE_SECRET (any workspace, tokens from OAuth), not both.',
    );
  }
  if (config.SLACK_APP_TOKEN) {
    throw new ConfigError('newsdesk: installing to any workspace (SLACK_CLIENT_ID) runs over HTTP: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET.');
  }
  if (!config.SLACK_SIGNING_SECRET) {
    throw new ConfigError('newsdesk: SLACK_SIGNING_SECRET is missing: set it to the Signing Secret from the Slack app page (needed with SLACK_CLIENT_ID).');
  }
}

/** Slack runs when it has a token (one workspace) or OAuth credentials (any workspace). */
export function slackConfigured(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID);
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
