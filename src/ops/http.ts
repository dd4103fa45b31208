import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry } from './metrics.ts';

/**
 * What an operator's probes and Prometheus read: GET /healthz (the process is alive), GET /readyz
 * (store, platforms and scheduler each answer; 503 naming the part that does not) and GET /metrics
 * (Prometheus text). Served on PORT by its own server, or, when Slack's HTTP receiver already holds
 * PORT, as Bolt custom routes on that server.
 */

/** One part of readiness: resolves true when ready, or a short reason when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<true | string> | true | string;
}

export interface OpsOptions {
  checks: () => readonly ReadinessCheck[];
  /** True while the process drains after SIGTERM: /readyz says 503 so no new work is routed here. */
  draining?: () => boolean;
  /** A check that has not answered after this long counts as failed (a hung store). */
  checkTimeoutMs?: number;
}

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

export async function readiness(options: OpsOptions): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const timeoutMs = options.checkTimeoutMs ?? 2_000;
  const entries = await Promise.all(
    options.checks().map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
      });
      try {
        const result = await Promise.race([Promise.resolve().then(check), late]);
        return [name, result === true ? 'ok' : result] as const;
      } catch (error) {
        return [name, (error as Error).message || 'failed'] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checks: Record<string, string> = Object.fromEntries(entries);
  if (options.draining?.()) checks.process = 'shutting down';
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks };
}

/** Answers one of the three paths; false when the request is for something else. */
export async function handleOps(req: IncomingMessage, res: ServerResponse, options: OpsOptions): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0];
  if (!(OPS_PATHS as readonly string[]).includes(path ?? '')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Use GET.\n');
    return true;
  }
  try {
    if (path === '/healthz') {
      send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
    } else if (path === '/readyz') {
      const state = await readiness(options);
      send(res, state.ready ? 200 : 503, 'application/json', JSON.stringify(state));
    } else {
      send(res, 200, registry().contentType, await registry().metrics());
    }
  } catch (error) {
    send(res, 500, 'text/plain; charset=utf-8', `${(error as Error).message}\n`);
  }
  return true;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** The same three paths as Bolt HTTPReceiver `customRoutes`, for when Slack's receiver holds PORT. */
export function opsRoutes(options: OpsOptions): { path: string; method: string[]; handler: (req: IncomingMessage, res: ServerResponse) => void }[] {
  return OPS_PATHS.map((path) => ({ path, method: ['GET', 'HEAD'], handler: (req, res) => void handleOps(req, res, options) }));
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** Its own HTTP server for the three paths (404 for anything else). `host` defaults to every interface. */
export async function startOpsServer(port: number, options: OpsOptions, host?: string): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    void handleOps(req, res, options).then((handled) => {
      if (!handled) send(res, 404, 'text/plain; charset=utf-8', 'Not found: try /healthz, /readyz or /metrics.\n');
    });
  });
  // Probes keep connections open; closing must not wait for them.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
