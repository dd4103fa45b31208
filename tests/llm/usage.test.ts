import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { BudgetExhaustedError, UsageLedger } from '../../src/llm/usage.ts';

describe('token usage per tenant and month', () => {
  it('adds concurrent records without losing any, per tenant and per month', async () => {
    const clock = new ManualClock('2026-11-30T23:59:00Z');
    const ledger = new UsageLedger(new Keyv(), clock);
    await Promise.all(Array.from({ length: 20 }, () => ledger.record('g1', { promptTokens: 10, completionTokens: 5 })));
    await ledger.record('g2', { promptTokens: 1, completionTokens: 1 });
    expect(await ledger.month('g1')).toEqual({ month: '2026-11', promptTokens: 200, completionTokens: 100, calls: 20 });
    clock.advance(120_000);
    expect(await ledger.month('g1')).toEqual({ month: '2026-12', promptTokens: 0, completionTokens: 0, calls: 0 });
    expect((await ledger.month('g1', new Date('2026-11-15T00:00:00Z'))).calls).toBe(20);
  });

  it('refuses once the budget is spent, and never without a budget', async () => {
    const ledger = new UsageLedger(new Keyv(), new ManualClock('2026-11-26T12:00:00Z'));
    await ledger.record('g1', { promptTokens: 900, completionTokens: 100 });
    await expect(ledger.assertWithinBudget('g1', 1001)).resolves.toBeUndefined();
    await expect(ledger.assertWithinBudget('g1', 1000)).rejects.toBeInstanceOf(BudgetExhaustedError);
    await expect(ledger.assertWithinBudget('g1', 0)).resolves.toBeUndefined();
    await expect(ledger.assertWithinBudget('g2', 1000)).resolves.toBeUndefined();
  });
});
