import type Keyv from 'keyv';
import type { Clock } from '../core/clock.ts';
import type { TokenUsage } from './client.ts';
import { metrics } from '../ops/metrics.ts';

/** One tenant's model usage in one calendar month (UTC). */
export interface MonthUsage {
  month: string;
  promptTokens: number;
  completionTokens: number;
  calls: number;
}

/** Tokens spent by a guild / workspace that asked for nothing in particular (the terminal, the CLI). */
export const UNKNOWN_TENANT = 'unknown';

/** The month's token budget of a tenant is spent: the embedded engine answers until the month ends. */
export class BudgetExhaustedError extends Error {
  override readonly name = 'BudgetExhaustedError';
  constructor(
    readonly tenant: string,
    readonly used: number,
    readonly budget: number,
  ) {
    super(`tenant ${tenant} has spent its monthly model budget (${used} of ${budget} tokens)`);
  }
}

export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export function totalTokens(usage: Pick<MonthUsage, 'promptTokens' | 'completionTokens'>): number {
  return usage.promptTokens + usage.completionTokens;
}

/**
 * Token usage per tenant and month in the `usage` store (`<tenant>:<yyyy-mm>`). Updates in this process
 * are serialised per key; several processes sharing Redis can, rarely, lose one concurrent update,
 * which only makes a budget slightly generous.
 */
export class UsageLedger {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Keyv,
    private readonly clock: Clock,
  ) {}

  async month(tenant: string | undefined, at: Date = this.clock.now()): Promise<MonthUsage> {
    const month = monthOf(at);
    const stored = (await this.store.get(key(tenant, month))) as MonthUsage | undefined;
    return stored ?? { month, promptTokens: 0, completionTokens: 0, calls: 0 };
  }

  async record(tenant: string | undefined, usage: TokenUsage): Promise<MonthUsage> {
    metrics.modelTokens.inc({ kind: 'prompt' }, usage.promptTokens);
    metrics.modelTokens.inc({ kind: 'completion' }, usage.completionTokens);
    const at = this.clock.now();
    const id = key(tenant, monthOf(at));
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const current = await this.month(tenant, at);
      const updated: MonthUsage = {
        month: current.month,
        promptTokens: current.promptTokens + usage.promptTokens,
        completionTokens: current.completionTokens + usage.completionTokens,
        calls: current.calls + 1,
      };
      await this.store.set(id, updated);
      return updated;
    });
    const settled = next.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }

  /** Throws BudgetExhaustedError when a budget is set and this tenant's month has used it up. */
  async assertWithinBudget(tenant: string | undefined, budget: number): Promise<void> {
    if (budget <= 0) return;
    const used = totalTokens(await this.month(tenant));
    if (used >= budget) throw new BudgetExhaustedError(tenant ?? UNKNOWN_TENANT, used, budget);
  }
}

function key(tenant: string | undefined, month: string): string {
  return `${tenant || UNKNOWN_TENANT}:${month}`;
}
