import { Agent, request as httpRequest } from 'node:http';
import { parentPort } from 'node:worker_threads';
import { FakeSlack, SIGNING_SECRET, sign, slashCommandBody } from '../tests/slack/fake-slack.ts';

// Runs the fake Slack and the load for bench/slack.bench.ts in its own thread, as Slack runs on other
// machines: its HTTP work does not share the bot's event loop. Times are taken here, on one clock:
// from sending a signed slash command to its HTTP ack, and to the chat.postMessage with the answer.

/** `burst`: every command at once; `serial`: one after another (each waits for the previous answer). */
export type HostRequest = { type: 'burst' | 'serial'; url: string; texts: string[]; prefix: string } | { type: 'close' };
export type HostReply =
  | { type: 'ready'; apiUrl: string }
  | { type: 'timings'; ack: number[]; answer: number[]; wall: number; failed: number }
  | { type: 'error'; message: string }
  | { type: 'closed' };

const port = parentPort!;
const fake = await FakeSlack.start();
const reply = (message: HostReply) => port.postMessage(message);
reply({ type: 'ready', apiUrl: fake.apiUrl });

port.on('message', (request: HostRequest) => {
  handle(request).catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});

async function handle(request: HostRequest): Promise<void> {
  if (request.type === 'close') {
    agent.destroy();
    await fake.close();
    reply({ type: 'closed' });
    port.close();
    return;
  }
  // Bodies are built and signed before the clock starts, as Slack does before it sends.
  const timestamp = Math.floor(Date.now() / 1000);
  const prepared = request.texts.map((text, i) => {
    // One channel each: Slack's one-message-a-second per channel would otherwise be what is measured.
    const channel = `${request.prefix}${String(i).padStart(4, '0')}`;
    const body = slashCommandBody({ command: '/summary', text, channel_id: channel, response_url: fake.responseUrl(channel) });
    return { channel, body, signature: sign(SIGNING_SECRET, timestamp, body) };
  });
  const one = async ({ channel, body, signature }: (typeof prepared)[number]) => {
    const posted = fake.waitForCall('chat.postMessage', (call) => call.args.channel === channel);
    const sent = performance.now();
    const ack = await post(request.url, body, { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature });
    const answer = await posted;
    return { ack: ack.at - sent, answer: answer.at - sent, ok: ack.status === 200 && ack.body === '' };
  };
  const started = performance.now();
  const results: Awaited<ReturnType<typeof one>>[] = [];
  if (request.type === 'burst') results.push(...(await Promise.all(prepared.map(one))));
  else for (const command of prepared) results.push(await one(command));
  reply({
    type: 'timings',
    ack: results.map((result) => result.ack),
    answer: results.map((result) => result.answer),
    wall: performance.now() - started,
    failed: results.filter((result) => !result.ok).length,
  });
}

// A connection per command, as from Slack's many senders (and no stale keep-alive sockets between bursts).
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

/** A plain node:http POST: lighter than fetch, so the load generator does not skew the figures. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string; at: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const at = performance.now();
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), at }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
