import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { commands } from '../commands/index.ts';
import { startSlack } from '../src/adapters/slack/index.ts';
import { HARBOUR_ARTICLE } from '../tests/fixtures/articles.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../tests/slack/fake-slack.ts';
import { testServices } from '../tests/slack/harness.ts';
import type { HostReply, HostRequest } from './slack-fake-host.ts';

// 200 signed /summary slash commands POSTed at once to the real Bolt HTTP receiver; the fake Slack and
// the load run in a worker thread (bench/slack-fake-host.ts) on 127.0.0.1. Measured there: the time
// to the HTTP ack (Slack's 3-second window) and to the chat.postMessage carrying the summary.

const CONCURRENT = 200;
const DISTINCT = 50;
const ROUNDS = 3;
const SERIAL = 50;

type Timings = Extract<HostReply, { type: 'timings' }>;

export async function run(): Promise<void> {
  const host = new FakeHost();
  const { apiUrl } = (await host.ready) as Extract<HostReply, { type: 'ready' }>;
  const test = testServices({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl }, 'silent');
  const slack = await startSlack(test.services, commands, { port: 0 });
  const url = `http://127.0.0.1:${slack.address!.port}/slack/events`;
  try {
    // 50 distinct pasted articles: a quarter of the commands need a fresh analysis, the rest hit the cache.
    const texts = Array.from({ length: CONCURRENT }, (_, i) => variant(i % DISTINCT));
    await host.call({ type: 'burst', url, texts: texts.slice(0, 5), prefix: 'CWARM' }); // engine models loaded, connections open
    // The cost of one command alone: what each of a burst's commands adds to the ones behind it.
    const serial = (await host.call({ type: 'serial', url, texts: texts.slice(0, SERIAL).map((text) => `${text}\n\nAlone.`), prefix: 'CSOLO' })) as Timings;
    console.log(`${SERIAL} signed /summary commands one after another (load average ${loadavg()[0]!.toFixed(1)}):`);
    console.log(`    time to ack:          p50 ${ms(percentile(serial.ack, 50))}  p99 ${ms(percentile(serial.ack, 99))}`);
    console.log(`    time to final answer: p50 ${ms(percentile(serial.answer, 50))}  p99 ${ms(percentile(serial.answer, 99))}`);
    console.log(
      `${CONCURRENT} concurrent signed /summary commands (${DISTINCT} distinct pasted articles), one channel each; fake Slack in a worker thread on 127.0.0.1; ${availableParallelism()} cores`,
    );
    // Three bursts, each on fresh articles (the analysis cache would make later bursts cheaper otherwise).
    for (let round = 1; round <= ROUNDS; round++) {
      const fresh = texts.map((text) => `${text}\n\nRound ${round}.`);
      const load = loadavg()[0]!.toFixed(1);
      const result = (await host.call({ type: 'burst', url, texts: fresh, prefix: `CR${round}X` })) as Timings;
      console.log(`  burst ${round} (load average ${load}):`);
      console.log(
        `    time to ack:          p50 ${ms(percentile(result.ack, 50))}  p99 ${ms(percentile(result.ack, 99))}  max ${ms(Math.max(...result.ack))}   (target p99 < 100 ms; Slack allows 3 s)`,
      );
      console.log(
        `    time to final answer: p50 ${ms(percentile(result.answer, 50))}  p99 ${ms(percentile(result.answer, 99))}  max ${ms(Math.max(...result.answer))}   (chat.postMessage received)`,
      );
      console.log(`    all ${CONCURRENT} answered within ${ms(result.wall)}; ${result.failed} acks were not an empty 200`);
    }
  } finally {
    await slack.stop();
    await host.call({ type: 'close' });
    await test.cleanup();
  }
}

class FakeHost {
  // On Node 20 a worker does not inherit tsx's module hooks, so the thread registers them before loading the host.
  private readonly worker = new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./slack-fake-host.ts', import.meta.url).href)}); });`,
    { eval: true },
  );
  private readonly pending: ((reply: HostReply) => void)[] = [];
  readonly ready: Promise<HostReply>;

  constructor() {
    this.ready = new Promise((resolve, reject) => {
      this.pending.push(resolve);
      this.worker.once('error', reject);
    });
    this.worker.on('message', (reply: HostReply) => this.pending.shift()?.(reply));
  }

  call(request: HostRequest): Promise<HostReply> {
    return new Promise((resolve, reject) => {
      this.pending.push((reply) => (reply.type === 'error' ? reject(new Error(`fake Slack host: ${reply.message}`)) : resolve(reply)));
      this.worker.postMessage(request);
    });
  }
}

/** Distinct articles: the fixture's paragraphs in another order, with a numbered update line. */
function variant(i: number): string {
  const paragraphs = HARBOUR_ARTICLE.split(/\n\s*\n/);
  const shift = i % paragraphs.length;
  return [...paragraphs.slice(shift), ...paragraphs.slice(0, shift), `Update ${i + 1}: the port authority will speak again at noon.`].join('\n\n');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
