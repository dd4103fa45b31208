import type { CommandDef } from '../src/core/command.ts';
import { alert } from './alert.ts';
import { ask } from './ask.ts';
import { digest } from './digest.ts';
import { feeds } from './feeds.ts';
import { follow } from './follow.ts';
import { helpCommand } from './help.ts';
import { quotes } from './quotes.ts';
import { summary } from './summary.ts';
import { timeline } from './timeline.ts';
import { usage } from './usage.ts';

/** Every command, in the order /help lists them. Both platform adapters and the console register from this list. */
export const commands: readonly CommandDef[] = [summary, quotes, timeline, ask, follow, feeds, digest, alert, usage, helpCommand(() => commands)];
