import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { CONSOLE_CHANNEL, startConsoleChat } from '../../src/adapters/console/chat.ts';
import { ensureDemoFeed } from '../../src/scheduler/index.ts';
import { HARBOUR_ARTICLE } from '../fixtures/articles.ts';
import { consoleChats } from './support.ts';

const chat = consoleChats();

const pasted = HARBOUR_ARTICLE.replace(/\n+/g, ' ');

describe('the terminal chat', () => {
  it('summarises pasted text and opens a thread where a question is answered with the cited sentence', async () => {
    const { session, printed } = chat();
    await session.handleLine(`/summary ${pasted}`);
    expect(printed()).toContain('• ');
    expect(printed()).toContain('↳ thread t1');
    await session.handleLine('Where were the cruise ships diverted?');
    expect(printed()).toMatch(/A: .*Catania/);
  });

  it('shows quotes with their speakers and the timeline', async () => {
    const { session, printed } = chat();
    await session.handleLine(`/quotes ${pasted}`);
    expect(printed()).toContain('“We will not reopen the channel until every metre of it has been checked,”'.slice(1, 40));
    expect(printed()).toContain('— Lucia Camilleri');
    await session.handleLine(`/timeline ${pasted}`);
    // Pasted text carries no date: its weekdays are listed as such, not as TimeML values; durations are not events.
    expect(printed()).toMatch(/date not given +Friday morning: /);
    expect(printed()).not.toContain('XXXX');
    expect(printed()).not.toContain('P3D');
  });

  it('shows a speaker’s words that the attribution interrupts as one quote', async () => {
    const { session, printed } = chat();
    const text =
      'The town council voted on Tuesday to keep the Harlow Street pool open through the winter. ' +
      '"We kept the pool open all summer," Mayor Dana Okafor said after the vote. "Next year we open the second one." ' +
      'The pool will close for repairs in March.';
    await session.handleLine(`/quotes ${text}`);
    expect(printed()).toContain('“We kept the pool open all summer. Next year we open the second one.”\n    — Dana Okafor');
  });

  it('answers bad input with a short explanation and keeps going', async () => {
    const { session, printed } = chat();
    await session.handleLine('/summary sentences:99 hello');
    expect(printed()).toMatch(/! sentences must be at most 10/);
    await session.handleLine('/summary 3');
    expect(printed()).toMatch(/! Story numbers come from this channel's digests, and there has been none here yet: run \/digest now/);
    await session.handleLine('/summary ftp://example.com/story');
    expect(printed()).toContain('! I can only read http and https links, not ftp:// ones.');
    await session.handleLine('/frobnicate');
    expect(printed()).toContain("! I don't know /frobnicate");
    await session.handleLine('/help');
    expect(printed()).toContain('/summary [input] [sentences:…]');
  });

  it('numbers the demo digest’s stories, and the numbers keep pointing at them after other answers', async () => {
    const { session, printed, services } = chat();
    await ensureDemoFeed(services, CONSOLE_CHANNEL);
    await session.handleLine('/digest now');
    const titles = [...printed().matchAll(/^(\d+)\. (.+)$/gm)].map((match) => match[2]!);
    expect(titles.length).toBeGreaterThanOrEqual(5);
    // Typed in the digest's thread, a number is that digest's story too.
    const inThread = printed().length;
    await session.handleLine('/summary 2');
    expect(printed().slice(inThread)).toContain(titles[1]!);
    await session.handleLine('/back');
    const before = printed().length;
    await session.handleLine('/quotes 1');
    expect(printed().slice(before)).toContain(titles[0]!);
    await session.handleLine('/timeline #3');
    expect(printed().slice(before)).toContain(titles[2]!);
  });

  it('dates a sentence of a story timeline once, by its own event, not by a relative clause inside it', async () => {
    const { session, printed, services } = chat();
    await ensureDemoFeed(services, CONSOLE_CHANNEL);
    await session.handleLine('/digest now');
    await session.handleLine('/back');
    const before = printed().length;
    await session.handleLine('/timeline 1');
    // "The captain of one of the two ferries that collided … on Monday night has said … on Tuesday."
    const captain = printed()
      .slice(before)
      .split('\n')
      .filter((line) => line.includes('The captain of one of the two ferries'));
    expect(captain).toHaveLength(1);
    expect(captain[0]).toMatch(/^Tue 24 Nov 2026: /);
  });

  it('takes an article pasted with its headline and blank lines as one input when the terminal marks the paste', async () => {
    const { services } = chat();
    const article = [
      'Storm closes three Alpine passes',
      '',
      'GENEVA (Newsdesk Wire) — Heavy snow closed three Alpine passes on Sunday, stranding hundreds of drivers overnight, Swiss police said.',
      '',
      'The passes were shut at 4pm after avalanche warnings rose to level four. Police spokesman Marc Aebi said crews would try to reopen one of them by Monday noon.',
    ];
    // A terminal in bracketed-paste mode wraps what is pasted in ESC[200~ … ESC[201~.
    const paste = `/summary \x1b[200~${article.join('\n')}\x1b[201~\n`;
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk) => {
      shown += String(chunk);
    });
    const terminal = startConsoleChat(services, commands, { input, output, bracketedPaste: true });
    input.end(paste);
    await terminal.closed;
    expect(shown.startsWith('\x1b[?2004h')).toBe(true);
    expect(shown).toContain('• GENEVA (Newsdesk Wire) — Heavy snow closed three Alpine passes on Sunday');
    expect(shown).not.toContain('• Storm closes three Alpine passes');
    expect(shown).not.toContain("I don't know");
    expect(shown).not.toContain('Type a command');
    expect(shown.endsWith('\x1b[?2004l')).toBe(true);
  });

  it("answers a thread question worded like a story's headline from the lead that tells the fact", async () => {
    const { session, printed, services } = chat();
    await ensureDemoFeed(services, CONSOLE_CHANNEL);
    await session.handleLine('/digest now');
    const before = printed().length;
    // Headline: "… creating 1,200 jobs"; lead: "… will hire 1,200 people by the end of 2027".
    await session.handleLine('How many jobs will Nordlys create?');
    expect(printed().slice(before)).toMatch(/A: .*will hire 1,200 people/);
  });

  it('asks which story a question that names nothing is about under a digest, and answers it under one story', async () => {
    const { session, printed, services } = chat();
    await ensureDemoFeed(services, CONSOLE_CHANNEL);
    await session.handleLine('/digest now');
    let before = printed().length;
    await session.handleLine('When did it happen?');
    expect(printed().slice(before)).toContain('Which story do you mean?');
    expect(printed().slice(before)).not.toContain('A: ');
    // A story's number typed in the thread points at the commands that open it.
    before = printed().length;
    await session.handleLine('2');
    expect(printed().slice(before)).toContain('To open story 2, type /summary 2');
    await session.handleLine('/back');
    await session.handleLine('/summary 1');
    before = printed().length;
    // Under one story, "it" is the story's own event: the lead that dates the collision.
    await session.handleLine('When did it happen?');
    expect(printed().slice(before)).toMatch(/A: .*ferries collided in thick fog on the Tagus estuary on Monday evening/);
  });

  it('treats plain text outside a thread as a hint, not a question', async () => {
    const { session, printed } = chat();
    await session.handleLine('what happened?');
    expect(printed()).toContain('Type a command such as /summary');
  });
});
