import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small OpenAI-compatible server on 127.0.0.1 for the real openai SDK: POST /v1/chat/completions,
// answered by a script the test writes. Every request is recorded (body and headers).

export interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  response_format?: { type: string; json_schema?: { name: string; schema: Record<string, unknown>; strict?: boolean } };
  [key: string]: unknown;
}

export interface Recorded {
  body: ChatRequest;
  headers: IncomingMessage['headers'];
}

/** What the fake does with one request. */
export type Reply =
  | { kind: 'completion'; content: string; usage?: { prompt_tokens: number; completion_tokens: number } | null; finishReason?: string; refusal?: string }
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Never answers (until the server closes): the client's time-out fires. */
  | { kind: 'hang' };

export type Script = (request: ChatRequest, index: number) => Reply | Promise<Reply>;

export interface FakeOpenAI {
  /** Base URL for the SDK (`.../v1`). */
  baseURL: string;
  requests: Recorded[];
  /** Replace the script (default: a 500 that says no script was given). */
  script: Script;
  close(): Promise<void>;
}

export function completion(
  content: unknown,
  usage: { prompt_tokens: number; completion_tokens: number } | null = { prompt_tokens: 100, completion_tokens: 20 },
): Reply {
  return { kind: 'completion', content: typeof content === 'string' ? content : JSON.stringify(content), usage };
}

/** The same replies in order, then the last one again. */
export function sequence(...replies: Reply[]): Script {
  return (_request, index) => replies[Math.min(index, replies.length - 1)]!;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: Recorded[] = [];
  const hanging = new Set<ServerResponse>();
  const fake: FakeOpenAI = {
    baseURL: '',
    requests,
    script: () => ({ kind: 'error', status: 500, message: 'the test gave the fake no script' }),
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
    if (req.headers.authorization !== 'Bearer test-key') return send(res, 401, { error: { message: 'bad key', type: 'invalid_request_error' } });
    const body = JSON.parse(raw) as ChatRequest;
    const index = requests.length;
    requests.push({ body, headers: req.headers });
    const reply = await fake.script(body, index);
    if (reply.kind === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (reply.kind === 'error') {
      return send(res, reply.status, { error: { message: reply.message ?? `status ${reply.status}`, type: 'server_error' } }, reply.headers);
    }
    send(res, 200, {
      id: `chatcmpl-${index}`,
      object: 'chat.completion',
      created: 1_780_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.refusal ? null : reply.content, refusal: reply.refusal ?? null },
          finish_reason: reply.finishReason ?? 'stop',
          logprobs: null,
        },
      ],
      ...(reply.usage === null ? {} : { usage: { ...(reply.usage ?? { prompt_tokens: 100, completion_tokens: 20 }), total_tokens: 0 } }),
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.baseURL = `http://127.0.0.1:${port}/v1`;
  fake.close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The text between `<<<NAME` and `NAME>>>` in a message, as the model would read it. */
export function block(content: string, name: string): string | undefined {
  const start = content.indexOf(`<<<${name}\n`);
  const end = content.indexOf(`\n${name}>>>`, start);
  return start >= 0 && end > start ? content.slice(start + name.length + 4, end) : undefined;
}
