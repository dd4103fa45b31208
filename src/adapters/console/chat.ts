import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandDef } from '../../core/command.ts';
import { dispatch } from '../../core/dispatcher.ts';
import { isUserError } from '../../core/errors.ts';
import { answerFollowUp } from '../../core/follow-up.ts';
import type { OutgoingMessage, ThreadRequest } from '../../core/messages.ts';
import type { ChannelRef, CommandContext, PlatformPort, PostedMessage } from '../../core/platform.ts';
import { type ParsedCommand, parseCommandText } from '../../core/parse-text.ts';
import type { Services } from '../../core/services.ts';
import { renderText } from './render.ts';

export const CONSOLE_CHANNEL: ChannelRef = { platform: 'console', tenantId: 'local', channelId: 'terminal' };

export interface ConsoleChat {
  /** The port scheduled digests are posted through. */
  port: PlatformPort;
  /** Handles one typed line, as if entered at the prompt. */
  handleLine(line: string): Promise<void>;
  /** Resolves when the user quits or the input ends. */
  closed: Promise<void>;
  close(): void;
}

/**
 * The terminal chat: the same commands and follow-ups as on Discord and Slack, through the same
 * neutral port. Threads are numbered (t1, t2 …); after the bot opens one, plain text is a question
 * asked in it, `/thread tN` switches, `/back` leaves.
 */
export function startConsoleChat(
  services: Services,
  commands: readonly CommandDef[],
  io: { input: Readable; output: Writable; prompt?: boolean; bracketedPaste?: boolean },
): ConsoleChat {
  const write = (text: string) => io.output.write(`${text}\n`);
  const threads: string[] = [];
  let current: string | undefined;

  const openThread = (thread: ThreadRequest | undefined): string | undefined => {
    if (!thread) return undefined;
    threads.push(`t${threads.length + 1}`);
    current = threads[threads.length - 1];
    write(`   ↳ thread ${current} “${thread.title}”: type a question about it (/back to leave).`);
    return current;
  };

  const show = (message: OutgoingMessage, thread?: ThreadRequest): PostedMessage => {
    write(`\n${renderText(message)}`);
    return { id: `m${Date.now()}`, threadId: openThread(thread) };
  };

  const port: PlatformPort = {
    name: 'console',
    async post(_channel, message, options) {
      if (options?.inThread) write(`\n   ↳ in thread ${options.inThread}:`);
      return show(message, options?.thread);
    },
    async edit(_channel, messageId, message) {
      write(`\n✎ Updated message ${messageId}:\n${renderText(message)}`);
    },
    // The person at the terminal is the only user: a direct message is printed for them.
    async notifyUser(_tenantId, _userId, message) {
      write(`\n✉ Direct message:\n${renderText(message)}`);
      return true;
    },
  };

  const runCommand = async (name: string, text: string): Promise<void> => {
    const command = commands.find((candidate) => candidate.name === name);
    if (!command) {
      write(`! I don't know /${name}. Try /help.`);
      return;
    }
    let parsed: ParsedCommand;
    try {
      parsed = parseCommandText(command, text);
    } catch (error) {
      if (!isUserError(error)) throw error;
      write(`! ${error.message}`);
      return;
    }
    const ctx: CommandContext = {
      platform: 'console',
      channel: CONSOLE_CHANNEL,
      user: { id: 'local', name: 'you' },
      threadId: current,
      command: name,
      subcommand: parsed.subcommand,
      options: parsed.options,
      // Whoever runs the terminal owns it.
      canManage: true,
      defer: async () => undefined,
      reply: async (message, options) => show(message, options?.thread),
      replyEphemeral: async (message) => {
        show(message);
      },
      // An export is written to the data folder; the chat shows where.
      replyFile: async (file) => {
        const folder = join(services.config.DATA_DIR, 'exports');
        await mkdir(folder, { recursive: true });
        const path = join(folder, `${services.clock.now().toISOString().replace(/[:.]/g, '-')}-${basename(file.filename)}`);
        await writeFile(path, file.content, 'utf8');
        show({ kind: 'text', tone: 'success', text: `${file.text} Written to ${path}` });
      },
    };
    await dispatch(commands, ctx, services);
  };

  const handleLine = async (raw: string): Promise<void> => {
    const line = raw.trim();
    if (line === '') return;
    if (line === '/back') {
      current = undefined;
      write('Back in the channel.');
      return;
    }
    const switchTo = /^\/thread\s+(t\d+)$/i.exec(line);
    if (switchTo) {
      const wanted = switchTo[1]!.toLowerCase();
      if (threads.includes(wanted)) {
        current = wanted;
        write(`In thread ${wanted}.`);
      } else write(`! There is no thread ${wanted}.`);
      return;
    }
    const command = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
    if (command) return runCommand(command[1]!.toLowerCase(), command[2]!);
    if (!current) {
      write('Type a command such as /summary, /ask or /help (questions in plain text go in a thread).');
      return;
    }
    const answer = await answerFollowUp(services, 'console', current, line, CONSOLE_CHANNEL.tenantId);
    if (answer) show(answer);
  };

  const rl = createInterface({ input: io.input, output: io.prompt ? io.output : undefined, terminal: false });
  const prompt = () => {
    if (io.prompt) io.output.write(current ? `newsdesk [${current}]> ` : 'newsdesk> ');
  };
  let queue = Promise.resolve();
  const pasted = pasteJoiner();
  // A terminal in bracketed-paste mode marks pasted text, so an article pasted with its headline and
  // blank lines is one input instead of one command per line.
  if (io.bracketedPaste) io.output.write(PASTE_MODE_ON);
  const closed = new Promise<void>((resolve) => {
    rl.on('line', (raw) => {
      const line = pasted(raw);
      if (line === undefined) return;
      if (/^\/(quit|exit)$/i.test(line.trim())) {
        rl.close();
        return;
      }
      // Lines are handled one at a time, in order, even when a command takes a while.
      queue = queue
        .then(() => handleLine(line))
        .catch((error: unknown) => {
          services.logger.error({ err: error }, 'console line failed');
          write('! Something went wrong; see the log.');
        })
        .then(prompt);
    });
    rl.on('close', () => {
      if (io.bracketedPaste) io.output.write(PASTE_MODE_OFF);
      void queue.then(() => resolve());
    });
  });
  prompt();
  return { port, handleLine, closed, close: () => rl.close() };
}

const PASTE_MODE_ON = '\x1b[?2004h';
const PASTE_MODE_OFF = '\x1b[?2004l';
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/**
 * Joins the lines of one paste, which a terminal in bracketed-paste mode sends between
 * ESC[200~ and ESC[201~: undefined while a paste is still open, else the whole input (a typed line
 * as it came, a paste with its line breaks).
 */
export function pasteJoiner(): (line: string) => string | undefined {
  let open: string[] | undefined;
  return (raw) => {
    let line = raw;
    const start = line.indexOf(PASTE_START);
    if (start !== -1) {
      open = [];
      line = line.slice(0, start) + line.slice(start + PASTE_START.length);
    }
    if (!open) return line;
    const end = line.indexOf(PASTE_END);
    if (end === -1) {
      open.push(line);
      return undefined;
    }
    open.push(line.slice(0, end) + line.slice(end + PASTE_END.length));
    const whole = open.join('\n');
    open = undefined;
    return whole;
  };
}
