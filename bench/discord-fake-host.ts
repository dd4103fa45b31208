import { parentPort } from 'node:worker_threads';
import { FakeDiscord } from '../tests/discord/fake-discord.ts';

// Runs the fake Discord in its own thread for bench/discord.bench.ts, as the real one runs on other
// machines: its HTTP and gateway work does not share the bot's event loop. Times are taken here, on
// one clock: when INTERACTION_CREATE is sent, and when the defer and the edited reply arrive.

export type HostRequest = { type: 'burst' | 'one-by-one'; count: number; stories: number } | { type: 'threads'; count: number } | { type: 'close' };
export type HostReply =
  | { type: 'ready'; apiUrl: string; ids: FakeDiscord['ids'] }
  | { type: 'burst'; defer: number[]; answer: number[]; wall: number }
  | { type: 'threads'; opened: number }
  | { type: 'closed' };

const port = parentPort!;
const fake = await FakeDiscord.start();
const reply = (message: HostReply) => port.postMessage(message);
reply({ type: 'ready', apiUrl: fake.apiUrl, ids: fake.ids });

port.on('message', (request: HostRequest) => {
  void handle(request);
});

async function timings({ id, token }: { id: string; token: string }): Promise<{ defer: number; answer: number }> {
  const callback = await fake.waitFor((seen) => seen.path === `/interactions/${id}/${token}/callback`, 60_000);
  const edit = await fake.waitFor((seen) => seen.method === 'PATCH' && seen.path.startsWith(`/webhooks/${fake.ids.appId}/${token}/`), 60_000);
  const at = fake.dispatchedAt.get(id)!;
  return { defer: callback.at - at, answer: edit.at - at };
}

async function handle(request: HostRequest): Promise<void> {
  if (request.type === 'burst' || request.type === 'one-by-one') {
    const started = performance.now();
    const send = (i: number) => fake.interact('summary', [{ name: 'input', type: 3, value: String(1 + (i % request.stories)) }]);
    const results: { defer: number; answer: number }[] = [];
    if (request.type === 'burst') {
      const sent = Array.from({ length: request.count }, (_, i) => send(i));
      results.push(...(await Promise.all(sent.map(timings))));
    } else {
      for (let i = 0; i < request.count; i++) results.push(await timings(send(i)));
    }
    reply({ type: 'burst', defer: results.map((result) => result.defer), answer: results.map((result) => result.answer), wall: performance.now() - started });
  } else if (request.type === 'threads') {
    const until = Date.now() + 60_000;
    const opened = () => fake.requests.filter((seen) => seen.path.endsWith('/threads') && seen.status === 201).length;
    while (opened() < request.count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    reply({ type: 'threads', opened: opened() });
  } else {
    await fake.close();
    reply({ type: 'closed' });
    port.close();
  }
}
