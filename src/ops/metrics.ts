import { createRequire } from 'node:module';

type Prom = typeof import('prom-client');
let promModule: Prom | undefined;

/** prom-client, loaded when something first counts: the CLI's commands never pay for it. */
function prom(): Prom {
  return (promModule ??= createRequire(import.meta.url)('prom-client') as Prom);
}

function create() {
  const { Counter, Gauge, Histogram, Registry } = prom();
  const registry = new Registry();
  const all = {
    polls: new Counter({
      name: 'newsdesk_feed_polls_total',
      help: 'Feed polls by outcome (new, unchanged, not-modified, failed, skipped).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    itemsTaken: new Counter({ name: 'newsdesk_feed_items_taken_total', help: 'New feed items taken in as articles.', registers: [registry] }),
    digests: new Counter({
      name: 'newsdesk_digests_sent_total',
      help: 'Digest parts accepted by a platform.',
      labelNames: ['platform'] as const,
      registers: [registry],
    }),
    messages: new Counter({
      name: 'newsdesk_messages_sent_total',
      help: 'Messages the bot posted on its own (digest parts, notices) and platform accepted.',
      labelNames: ['platform', 'kind'] as const,
      registers: [registry],
    }),
    platformErrors: new Counter({
      name: 'newsdesk_platform_errors_total',
      help: 'Failed platform calls by platform and the platform’s own code.',
      labelNames: ['platform', 'code'] as const,
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: 'newsdesk_command_duration_seconds',
      help: 'Slash command handling time, from dispatch to the last reply, by command, platform and outcome.',
      labelNames: ['command', 'platform', 'outcome'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    modelTokens: new Counter({
      name: 'newsdesk_model_tokens_total',
      help: 'Model tokens used, prompt or completion.',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    retentionDeleted: new Counter({
      name: 'newsdesk_retention_deleted_total',
      help: 'Rows removed by the retention sweep, by store.',
      labelNames: ['store'] as const,
      registers: [registry],
    }),
  };
  // Queue depth is read when scraped, from whoever registered a queue (a work queue, a job backlog).
  new Gauge({
    name: 'newsdesk_queue_depth',
    help: 'Jobs waiting in a queue, by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [queue, depth] of queues) this.set({ queue }, depth());
    },
  });
  const heartbeat = new Gauge({
    name: 'newsdesk_scheduler_last_heartbeat_seconds',
    help: 'Unix time of the scheduler’s last completed heartbeat.',
    registers: [registry],
  });
  if (lastHeartbeat !== undefined) heartbeat.set(lastHeartbeat / 1000);
  return { registry, metrics: all, heartbeat };
}

let created: ReturnType<typeof create> | undefined;
const state = () => (created ??= create());

/**
 * The process's Prometheus metrics, in one registry that GET /metrics serves. Any module may count
 * here (a counter costs a map lookup); nothing is sent anywhere unless someone scrapes /metrics.
 */
export function registry(): InstanceType<Prom['Registry']> {
  return state().registry;
}

type Metrics = ReturnType<typeof create>['metrics'];
export const metrics = new Proxy({} as Metrics, { get: (_target, name) => state().metrics[name as keyof Metrics] });

const queues = new Map<string, () => number>();

/** Reports a queue's depth on /metrics; returns a function that stops reporting it. */
export function watchQueue(name: string, depth: () => number): () => void {
  queues.set(name, depth);
  return () => {
    if (queues.get(name) === depth) queues.delete(name);
  };
}

let lastHeartbeat: number | undefined;

/** The scheduler calls this after each completed heartbeat; /readyz checks it is recent. */
export function markHeartbeat(at = Date.now()): void {
  lastHeartbeat = at;
  if (created) created.heartbeat.set(at / 1000);
}

export function lastHeartbeatAt(): number | undefined {
  return lastHeartbeat;
}

/** One feed poll's outcome (called by the poller). */
export function recordPoll(outcome: { status: string; newItems: number }): void {
  metrics.polls.inc({ outcome: outcome.status });
  if (outcome.newItems > 0) metrics.itemsTaken.inc(outcome.newItems);
}

let defaultsOn = false;
/** Process CPU, memory, event-loop lag and GC, under newsdesk_process_*: only in a running bot, not in the CLI. */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  prom().collectDefaultMetrics({ register: registry(), prefix: 'newsdesk_' });
}
