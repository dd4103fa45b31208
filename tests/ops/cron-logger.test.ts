import { Writable } from 'node:stream';
import cron from 'node-cron';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeCronLogs } from '../../src/ops/cron-logger.ts';

afterEach(() => {
  cron.setLogger(undefined as never);
  vi.restoreAllMocks();
});

describe('node-cron log lines', () => {
  it('go through pino with the component named, and never to the console', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Record<string, unknown>);
        done();
      },
    });
    const consoleError = vi.spyOn(console, 'error');
    routeCronLogs(pino({ level: 'debug' }, sink));
    // A task whose function throws: node-cron logs "Task failed with error!" with the error.
    const task = cron.createTask('* * * * *', () => {
      throw new Error('the digest exploded');
    });
    await task.execute().catch(() => undefined);
    await task.destroy();
    const line = lines.find((candidate) => candidate.component === 'node-cron');
    expect(line).toMatchObject({ level: 50, err: { message: 'the digest exploded' } });
    expect(consoleError).not.toHaveBeenCalled();
  });
});
