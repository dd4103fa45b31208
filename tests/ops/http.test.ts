import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { opsRoutes, startOpsServer, type OpsOptions, type OpsServer } from '../../src/ops/http.ts';
import { countedPort } from '../../src/ops/instrument.ts';
import { recordPoll, registry } from '../../src/ops/metrics.ts';
import { PlatformCallError } from '../../src/core/platform-error.ts';
import type { PlatformPort } from '../../src/core/platform.ts';
import { storeCheck } from '../../src/ops/readiness.ts';
import { createStores } from '../../src/store/index.ts';
import { HARBOUR_ARTICLE } from '../fixtures/articles.ts';
import { postSigned, slashCommandBody } from '../slack/fake-slack.ts';
import { startHarness } from '../slack/harness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(options: OpsOptions): Promise<OpsServer> {
  const server = await startOpsServer(0, options, '127.0.0.1');
  cleanups.push(() => server.close());
  return server;
}

const get = async (port: number, path: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
};

/** The value of one sample in Prometheus text, or 0 when the series is absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('health, readiness and metrics over HTTP', () => {
  it('says alive on /healthz, ready on /readyz when every part answers, and 404 elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-ops-'));
    const stores = createStores({ dataDir: dir });
    cleanups.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => stores.close(),
    );
    const server = await serve({ checks: () => [storeCheck(stores), { name: 'scheduler', check: () => true }] });
    expect(await get(server.port, '/healthz')).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    const ready = await get(server.port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ ready: true, checks: { store: 'ok', scheduler: 'ok' } });
    expect((await get(server.port, '/slack/events')).status).toBe(404);
    const post = await fetch(`http://127.0.0.1:${server.port}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('answers 503 on /readyz naming the part that failed, hung or is draining', async () => {
    let draining = false;
    const server = await serve({
      checks: () => [
        { name: 'store', check: () => true },
        { name: 'discord', check: () => 'not connected to the gateway' },
        { name: 'slack', check: () => new Promise<true>(() => undefined) },
        { name: 'scheduler', check: () => Promise.reject(new Error('tick failed')) },
      ],
      draining: () => draining,
      checkTimeoutMs: 50,
    });
    const state = await get(server.port, '/readyz');
    expect(state.status).toBe(503);
    expect(JSON.parse(state.body)).toEqual({
      ready: false,
      checks: { store: 'ok', discord: 'not connected to the gateway', slack: 'no answer within 50 ms', scheduler: 'tick failed' },
    });
    draining = true;
    expect(JSON.parse((await get(server.port, '/readyz')).body).checks.process).toBe('shutting down');
  });

  it('reports a store that cannot answer as not ready', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-ops-'));
    const stores = createStores({ dataDir: dir });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await stores.close();
    const server = await serve({ checks: () => [storeCheck(stores)] });
    const state = await get(server.port, '/readyz');
    expect(state.status).toBe(503);
    expect(JSON.parse(state.body).checks.store).not.toBe('ok');
  });

  it('serves Prometheus text on /metrics whose poll counters move with the polls', async () => {
    const server = await serve({ checks: () => [] });
    const before = await get(server.port, '/metrics');
    expect(before.type).toContain('text/plain');
    expect(before.body).toContain('# TYPE newsdesk_feed_polls_total counter');
    expect(before.body).toContain('# TYPE newsdesk_command_duration_seconds histogram');
    recordPoll({ status: 'new', newItems: 3 });
    recordPoll({ status: 'failed', newItems: 0 });
    const after = (await get(server.port, '/metrics')).body;
    expect(sample(after, 'newsdesk_feed_polls_total{outcome="new"}') - sample(before.body, 'newsdesk_feed_polls_total{outcome="new"}')).toBe(1);
    expect(sample(after, 'newsdesk_feed_polls_total{outcome="failed"}') - sample(before.body, 'newsdesk_feed_polls_total{outcome="failed"}')).toBe(1);
    expect(sample(after, 'newsdesk_feed_items_taken_total') - sample(before.body, 'newsdesk_feed_items_taken_total')).toBe(3);
  });

  it('shares PORT with Slack’s HTTP receiver as Bolt custom routes, and times a slash command', async () => {
    const h = await startHarness(commands, { logLevel: 'error', start: { customRoutes: opsRoutes({ checks: () => [{ name: 'slack', check: () => true }] }) } });
    cleanups.push(() => h.stop());
    const port = h.slack.address?.port ?? 0;
    expect((await get(port, '/healthz')).status).toBe(200);
    expect((await get(port, '/readyz')).status).toBe(200);
    const series = 'newsdesk_command_duration_seconds_count{command="summary",platform="slack",outcome="ok"}';
    const before = sample((await get(port, '/metrics')).body, series);
    const ack = await postSigned(h.eventsUrl, slashCommandBody({ command: '/summary', text: HARBOUR_ARTICLE, response_url: h.fake.responseUrl('ops1') }));
    expect(ack.status).toBe(200);
    await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'C0NEWS');
    // The histogram is observed just after the command's last reply: scrape until it shows (the test's time-out bounds this).
    let after = before;
    while (after === before) after = sample((await get(port, '/metrics')).body, series);
    expect(after - before).toBe(1);
  });

  it('counts digest parts and messages the scheduler posts, and platform errors by their code', async () => {
    let refuse = false;
    const port: PlatformPort = {
      name: 'slack',
      async post() {
        if (refuse) throw new PlatformCallError('gone', 'chat.postMessage', 'channel_not_found');
        return { id: '1' };
      },
    };
    const counted = countedPort(port);
    const read = async () => (await registry().metrics()).toString();
    const before = await read();
    const channel = { platform: 'slack' as const, tenantId: 'T1', channelId: 'C1' };
    await counted.post(channel, { kind: 'digest', digest: { channelId: 'C1', createdAt: '2026-12-01T00:00:00Z', stories: [] } });
    await counted.post(channel, { kind: 'text', text: 'feed back to health' });
    refuse = true;
    await expect(counted.post(channel, { kind: 'text', text: 'x' })).rejects.toThrow(PlatformCallError);
    const after = await read();
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('newsdesk_digests_sent_total{platform="slack"}')).toBe(1);
    expect(delta('newsdesk_messages_sent_total{platform="slack",kind="digest"}')).toBe(1);
    expect(delta('newsdesk_messages_sent_total{platform="slack",kind="text"}')).toBe(1);
    expect(delta('newsdesk_platform_errors_total{platform="slack",code="channel_not_found"}')).toBe(1);
  });
});
