import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../llm/fake-openai.ts';

// The `newsdesk` command as installed (bin/newsdesk.mjs running the compiled dist/), against a fake
// OpenAI-compatible server on 127.0.0.1: the JSON Lines commands use the configured engine.

let fake: FakeOpenAI;
let dir: string;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  // A 400 is not retried: the request is recorded, then the embedded engine answers.
  fake.script = () => ({ kind: 'error', status: 400, message: 'the fake refuses' });
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-engine-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const LINE = `${JSON.stringify({ id: 'a1', text: 'The Vellmar harbour board approved a new ferry timetable on Monday. Sailings start at six in the morning. "It is a good day," said board chair Ilse Marten.', question: 'When do sailings start?' })}\n`;

function newsdesk(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/newsdesk.mjs', ...args],
      { env: { ...process.env, DATA_DIR: dir, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', LOG_LEVEL: 'silent', OPENAI_API_KEY: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(LINE);
  });
}

const model = () => ({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.baseURL, OPENAI_TIMEOUT_MS: '5000' });

describe('newsdesk analyze and answer choose their engine', () => {
  it('asks the configured model (its prompt read from the build), and still answers when the model fails', async () => {
    const before = fake.requests.length;
    const analyzed = await newsdesk(['analyze'], model());
    expect(analyzed.code).toBe(0);
    expect(fake.requests.length).toBe(before + 1);
    expect(fake.requests.at(-1)?.body.messages[0]?.content).toContain('analysis step of a news-digest bot');
    const line = JSON.parse(analyzed.stdout) as { id: string; summary: { text: string }[] };
    expect(line.id).toBe('a1');
    expect(line.summary[0]?.text).toContain('ferry timetable');
    const answered = await newsdesk(['answer'], model());
    expect(answered.code).toBe(0);
    expect(fake.requests.length).toBe(before + 2);
    expect(JSON.parse(answered.stdout)).toMatchObject({ id: 'a1', answer: { text: expect.stringContaining('six in the morning') } });
  }, 60_000);

  it('uses the embedded engine with --engine embedded even when a model is configured', async () => {
    const before = fake.requests.length;
    const analyzed = await newsdesk(['analyze', '--engine', 'embedded'], model());
    expect(analyzed.code).toBe(0);
    expect(JSON.parse(analyzed.stdout).id).toBe('a1');
    expect(fake.requests.length).toBe(before);
  }, 60_000);

  it('refuses --engine model without a key, and an unknown engine, with a short message', async () => {
    const noKey = await newsdesk(['answer', '--engine', 'model'], {});
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('--engine model needs OPENAI_API_KEY');
    const unknown = await newsdesk(['analyze', '--engine', 'gpt'], {});
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--engine takes embedded or model');
  }, 60_000);
});
