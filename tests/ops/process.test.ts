import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_TOKEN, BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../slack/fake-slack.ts';

// The real bot process (src/main.ts) on Slack against a fake Slack on 127.0.0.1: the probes answer on
// PORT in both Slack modes, and SIGTERM ends it cleanly.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Bot {
  child: ChildProcess;
  waitForLog(message: string): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function startBot(env: Record<string, string>): Bot {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-proc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dir, DISCORD_TOKEN: '', OPENAI_API_KEY: '', REDIS_URL: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines: Record<string, unknown>[] = [];
  const waiters: { message: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    lines.push(line);
    for (const waiter of waiters.filter((candidate) => candidate.message === line.msg)) waiter.resolve(line);
  });
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    child,
    exited,
    waitForLog: (message) => {
      const seen = lines.find((line) => line.msg === message);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ message, resolve }));
    },
  };
}

describe('the bot process for operators', () => {
  it('answers /healthz, /readyz and /metrics on Slack’s own port in HTTP mode, then stops on SIGTERM', async () => {
    const fake = await FakeSlack.start();
    cleanups.push(() => fake.close());
    const port = await freePort();
    const bot = startBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    });
    await bot.waitForLog('newsdesk is running');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, checks: { store: 'ok', slack: 'ok', scheduler: 'ok' } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('newsdesk_process_cpu_seconds_total');
    expect(metrics).toContain('newsdesk_queue_depth{queue="slack-commands"} 0');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it('serves them on a server of its own in Socket Mode', async () => {
    const fake = await FakeSlack.start();
    cleanups.push(() => fake.close());
    const port = await freePort();
    const bot = startBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '', SLACK_API_URL: fake.apiUrl, PORT: String(port) });
    await bot.waitForLog('newsdesk is running');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('# TYPE newsdesk_feed_polls_total counter');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);
});
