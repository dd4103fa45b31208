import type { CommandDef } from '../src/core/command.ts';
import { needsManage } from '../src/core/command.ts';
import type { HelpEntry } from '../src/core/messages.ts';
import { usageOf } from '../src/core/parse-text.ts';

/** Built from the command list itself, so help never disagrees with what is registered. */
export function helpCommand(list: () => readonly CommandDef[]): CommandDef {
  return {
    name: 'help',
    description: 'What newsdesk can do and how to ask',
    ephemeral: true,
    async run(ctx) {
      const entries: HelpEntry[] = list().flatMap((command) =>
        (command.subcommands ?? [undefined]).map((sub) => ({
          usage: usageOf(command, sub?.name).replace(/^Usage: /, ''),
          description: sub?.description ?? command.description,
          manage: needsManage(command, sub?.name),
        })),
      );
      await ctx.replyEphemeral({ kind: 'help', entries });
    },
  };
}
