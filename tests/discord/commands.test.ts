import { afterEach, describe, expect, it } from 'vitest';
import type { CommandDef } from '../../src/core/command.ts';
import { UserError } from '../../src/core/errors.ts';
import { MANAGE_CHANNELS, MEMBER_PERMISSIONS } from './fake-payloads.ts';
import { visibleText } from './discord-limits.ts';
import { harbourArticle, orchardArticle } from './fixtures.ts';
import { eventually, startBot, type Bot } from './harness.ts';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const STRING = 3;
const SUBCOMMAND = 1;
const EPHEMERAL = 64;

/** The callback (defer) and the edit of @original for one interaction, in the order the fake got them. */
async function deferredAnswer(fake: Bot['fake'], interaction: { id: string; token: string }) {
  const callback = await fake.waitFor((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
  const edit = await fake.waitFor(
    (request) => request.method === 'PATCH' && request.path === `/webhooks/${fake.ids.appId}/${interaction.token}/messages/@original`,
  );
  expect(callback.status).toBe(204);
  expect(edit.status).toBe(200);
  expect(callback.at).toBeLessThan(edit.at);
  return { callback, edit };
}

describe('discord slash commands', () => {
  it('/summary defers at once, edits the reply with the summary and opens a thread linked to the article', async () => {
    bot = await startBot();
    const { fake, services } = bot;
    const interaction = fake.interact('summary', [{ name: 'input', type: STRING, value: '1' }]);
    const { callback, edit } = await deferredAnswer(fake, interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe(harbourArticle.title);
    expect(embed.url).toBe(harbourArticle.url);
    expect(embed.description).toMatch(/^• /);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });

    const thread = await fake.waitFor((request) => request.method === 'POST' && /\/threads$/.test(request.path));
    const original = fake.messages.find((message) => message.via === 'interaction')!;
    expect(thread.path).toBe(`/channels/${fake.ids.channelId}/messages/${original.id}/threads`);
    expect(thread.body.name).toBe(harbourArticle.title);
    await eventually(() => bot!.running.client.channels.cache.has(original.id), 'the thread in the cache');
    expect((await services.library.threadArticles('discord', original.id))?.map((article) => article.id)).toEqual([harbourArticle.id]);
  });

  it('answers a question typed in the thread from the article behind it, quoting the sentence', async () => {
    bot = await startBot();
    const { fake } = bot;
    fake.interact('summary', [{ name: 'input', type: STRING, value: '1' }]);
    const created = await fake.waitFor((request) => /\/threads$/.test(request.path));
    const threadId = created.path.split('/')[4]!;
    await eventually(() => bot!.running.client.channels.cache.has(threadId), 'the thread in the cache');

    const question = fake.say(threadId, 'How much did the bridge cost?');
    const answer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/channels/${threadId}/messages`);
    expect(answer.body.message_reference).toMatchObject({ message_id: question });
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = answer.body.embeds[0];
    expect(embed.title).toBe('Q: How much did the bridge cost?');
    expect(embed.description).toMatch(/^> .*42 million euros/);
    expect(embed.fields[0].value).toContain(harbourArticle.url);

    // Messages outside threads, and in threads the bot did not open, get no answer.
    const foreign = fake.openThread(fake.ids.channelId, 'A thread people started');
    await eventually(() => bot!.running.client.channels.cache.has(foreign), 'the foreign thread in the cache');
    const before = fake.requests.length;
    fake.say(fake.ids.channelId, 'How much did the bridge cost?');
    fake.say(foreign, 'How much did the bridge cost?');
    const help = fake.interact('help');
    await fake.editOf(help);
    expect(fake.requests.slice(before).filter((request) => /^\/channels\/\d+\/messages$/.test(request.path))).toEqual([]);
  });

  it('treats a command typed inside a thread as about the thread’s articles, and opens no thread in a thread', async () => {
    bot = await startBot();
    const { fake } = bot;
    fake.interact('summary', [{ name: 'input', type: STRING, value: '2' }]);
    const created = await fake.waitFor((request) => /\/threads$/.test(request.path));
    const threadId = created.path.split('/')[4]!;
    await eventually(() => bot!.running.client.channels.cache.has(threadId), 'the thread in the cache');

    const inThread = fake.interact('summary', [], { channelId: threadId });
    const { edit } = await deferredAnswer(fake, inThread);
    expect(edit.body.embeds[0].title).toBe(orchardArticle.title);
    const help = fake.interact('help');
    await fake.editOf(help);
    expect(fake.requests.filter((request) => /\/threads$/.test(request.path))).toHaveLength(1);
  });

  it('still answers when it may not open threads, and says so in the log', async () => {
    bot = await startBot();
    const { fake, services, logs } = bot;
    fake.forbid('POST', /\/threads$/);
    const interaction = fake.interact('summary', [{ name: 'input', type: STRING, value: '1' }]);
    const { edit } = await deferredAnswer(fake, interaction);
    expect(edit.body.embeds[0].title).toBe(harbourArticle.title);
    await fake.waitFor((request) => /\/threads$/.test(request.path) && request.status === 403);
    await eventually(() => logs.some((line) => line.msg === 'could not open a thread under the message'), 'the warning');
    const original = fake.messages.find((message) => message.via === 'interaction')!;
    expect(await services.library.threadArticles('discord', original.id)).toBeUndefined();
    expect(fake.messages.filter((message) => message.flags === EPHEMERAL)).toEqual([]);
  });

  it('/quotes, /timeline and /ask answer through a deferred, edited reply', async () => {
    bot = await startBot();
    const { fake } = bot;
    const quotes = await deferredAnswer(fake, fake.interact('quotes', [{ name: 'input', type: STRING, value: '1' }]));
    expect(quotes.edit.body.embeds[0].title).toBe(`Quotes: ${harbourArticle.title}`);
    expect(quotes.edit.body.embeds[0].description).toContain('Ilse Varga');

    const timeline = await deferredAnswer(fake, fake.interact('timeline', [{ name: 'input', type: STRING, value: '2' }]));
    expect(timeline.edit.body.embeds[0].title).toBe(`Timeline: ${orchardArticle.title}`);
    expect(timeline.edit.body.embeds[0].description).toContain('**');

    // /ask outside any thread reads the channel's recent stories.
    const ask = await deferredAnswer(fake, fake.interact('ask', [{ name: 'question', type: STRING, value: 'Why did the apple harvest fall?' }]));
    expect(ask.edit.body.embeds[0].description).toMatch(/^> .*frost/);
    expect(ask.edit.body.embeds[0].fields[0].value).toContain(orchardArticle.url);
  });

  it('/help defers ephemerally and edits its private reply', async () => {
    bot = await startBot();
    const { fake } = bot;
    const { callback, edit } = await deferredAnswer(fake, fake.interact('help'));
    expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const usages = edit.body.embeds[0].fields.map((field: { name: string }) => field.name);
    expect(usages).toEqual(expect.arrayContaining([expect.stringMatching(/^\/summary/), expect.stringMatching(/^\/ask <question>/)]));
  });

  it('turns a user error after a public defer into a private message, removing the placeholder', async () => {
    bot = await startBot();
    const { fake } = bot;
    const interaction = fake.interact('summary', [{ name: 'input', type: STRING, value: '42' }]);
    await fake.waitFor((request) => request.path.endsWith('/callback'));
    const removed = await fake.waitFor(
      (request) => request.method === 'DELETE' && request.path === `/webhooks/${fake.ids.appId}/${interaction.token}/messages/@original`,
    );
    const followUp = await fake.waitFor((request) => request.method === 'POST' && request.path === `/webhooks/${fake.ids.appId}/${interaction.token}`);
    expect(removed.at).toBeLessThan(followUp.at);
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(followUp.body.embeds[0].description).toMatch(/no story #42/);
  });

  it('suggests recent stories while an option is typed', async () => {
    bot = await startBot();
    const { fake } = bot;
    const interaction = fake.interact('summary', [{ name: 'input', type: STRING, value: 'apple', focused: true }], { type: 4 });
    const callback = await fake.waitFor((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: `#2 ${orchardArticle.title}`, value: '2' }] } });
  });
});

describe('discord permissions', () => {
  it('refuses a configuration command without Manage Channels, privately and saying what is missing', async () => {
    bot = await startBot();
    const { fake } = bot;
    const interaction = fake.interact('digest', [{ name: 'off', type: SUBCOMMAND, options: [] }], { permissions: MEMBER_PERMISSIONS });
    const callback = await fake.waitFor((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(visibleText(callback.body.data)).toContain('needs the **Manage Channels** permission');
    expect(fake.requests.filter((request) => request.path.includes(interaction.token))).toHaveLength(1);

    const allowed = fake.interact('digest', [{ name: 'off', type: SUBCOMMAND, options: [] }], { permissions: MEMBER_PERMISSIONS | MANAGE_CHANNELS });
    const { edit } = await deferredAnswer(fake, allowed);
    expect(edit.body.embeds[0].description).toMatch(/^There was no digest schedule here/);
  });

  it('answers a command it no longer has (a stale registration) privately', async () => {
    bot = await startBot();
    const { fake } = bot;
    const interaction = fake.interact('obsolete');
    const callback = await fake.waitFor((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(visibleText(callback.body.data)).toContain("I don't know /obsolete");
  });

  it('lets everyone use the reading subcommands of a command that also configures', async () => {
    bot = await startBot();
    const { fake } = bot;
    const interaction = fake.interact('feeds', [{ name: 'list', type: SUBCOMMAND, options: [] }], { permissions: MEMBER_PERMISSIONS });
    // /feeds list answers privately, so it is deferred privately and its reply edited in place.
    const { callback, edit } = await deferredAnswer(fake, interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(edit.body.embeds[0].description).toMatch(/follows no feeds yet/);
  });

  it('reports an unexpected failure with an id to quote, and keeps running', async () => {
    const broken: CommandDef = {
      name: 'broken',
      description: 'Fails',
      async run() {
        throw new Error('disk on fire');
      },
    };
    const picky: CommandDef = {
      name: 'picky',
      description: 'Refuses',
      async run() {
        throw new UserError('That feed is not followed here.');
      },
    };
    bot = await startBot({ commands: [broken, picky] });
    const { fake } = bot;
    const failed = fake.interact('broken');
    const apology = await fake.waitFor((request) => request.method === 'POST' && request.path === `/webhooks/${fake.ids.appId}/${failed.token}`);
    expect(apology.body.flags).toBe(EPHEMERAL);
    expect(apology.body.embeds[0].description).toMatch(/quote this id to the bot's admins: [0-9a-f]{8}/);
    expect(bot.logs.some((line) => line.msg === 'command failed' && line.command === 'broken')).toBe(true);
    const refused = fake.interact('picky');
    const answer = await fake.waitFor((request) => request.method === 'POST' && request.path === `/webhooks/${fake.ids.appId}/${refused.token}`);
    expect(answer.body.embeds[0].description).toBe('That feed is not followed here.');
  });
});
