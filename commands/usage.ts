import type { CommandDef } from '../src/core/command.ts';
import { totalTokens, UsageLedger } from '../src/llm/usage.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** This month's model tokens for the asking guild / workspace, against the monthly budget. */
export const usage: CommandDef = {
  name: 'usage',
  description: 'Model tokens this server or workspace has used this month, and its budget',
  manage: true,
  ephemeral: true,
  async run(ctx, services) {
    const { config } = services;
    const ledger = new UsageLedger(services.stores.usage, services.clock);
    const month = await ledger.month(ctx.channel.tenantId);
    const used = totalTokens(month);
    const monthName = new Date(`${month.month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const engine = services.analysis.engine.info;
    const lines = [
      engine.name === 'llm'
        ? `Analyses and answers come from the model ${engine.model ?? ''} (the embedded engine answers when it cannot).`
        : 'The model engine is off (no OPENAI_API_KEY): the embedded engine answers, at no cost.',
      `${monthName}: ${count(used)} tokens (${count(month.promptTokens)} prompt + ${count(month.completionTokens)} completion) in ${count(month.calls)} model call${month.calls === 1 ? '' : 's'}.`,
    ];
    const budget = config.LLM_MONTHLY_TOKEN_BUDGET;
    if (budget <= 0) lines.push('No monthly budget is set (LLM_MONTHLY_TOKEN_BUDGET).');
    else if (used >= budget) lines.push(`Monthly budget: ${count(budget)} tokens, all spent: the embedded engine answers until the month ends (UTC).`);
    else lines.push(`Monthly budget: ${count(budget)} tokens, ${Math.floor((used / budget) * 100)}% used, ${count(budget - used)} left.`);
    const tone = budget > 0 && used >= budget ? 'warning' : 'info';
    await ctx.replyEphemeral({ kind: 'text', tone, text: lines.join('\n') });
  },
};
