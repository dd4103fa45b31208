import {
  ApplicationCommandOptionType,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Message,
  type APIMessage,
} from 'discord.js';
import type { CommandDef } from '../../core/command.ts';
import type { OutgoingMessage, ThreadRequest } from '../../core/messages.ts';
import type { ChannelRef, CommandContext, OptionValue, OutgoingFile, PostedMessage } from '../../core/platform.ts';
import { safeField } from '../../core/text-safety.ts';
import type { Services } from '../../core/services.ts';
import { choicesJson } from './register.ts';
import { renderMessage } from './render.ts';
import { deliveryMarker, messageOptions, openThread, withMarker } from './send.ts';

type Where = Pick<ChatInputCommandInteraction, 'guildId' | 'channelId' | 'channel'>;

/**
 * Where an interaction happened, as the core names it. A command typed in a thread belongs to the
 * thread's parent channel (its feeds, its recent stories) and carries the thread id, so /ask and
 * /summary there read the thread's articles.
 */
export function whereOf(interaction: Where): { channel: ChannelRef; threadId?: string } {
  const tenantId = interaction.guildId ?? 'dm';
  const raw = interaction.channel;
  if (raw?.isThread() && raw.parentId) {
    return { channel: { platform: 'discord', tenantId, channelId: raw.parentId }, threadId: raw.id };
  }
  return { channel: { platform: 'discord', tenantId, channelId: interaction.channelId } };
}

/** The subcommand and typed option values, exactly as Discord delivered them. */
export function optionsOf(data: readonly CommandInteractionOption[]): { subcommand?: string; options: Record<string, OptionValue> } {
  let list = data;
  let subcommand: string | undefined;
  let first = list[0];
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) first = first.options?.[0];
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    subcommand = first.name;
    list = first.options ?? [];
  }
  const options: Record<string, OptionValue> = {};
  for (const option of list) {
    // An attachment option's value is the attachment's id; the command gets the file's link.
    if (option.attachment) options[option.name] = option.attachment.url;
    else if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') options[option.name] = option.value;
  }
  return { subcommand, options };
}

/**
 * The neutral context of a slash command. The first answer edits the deferred reply; longer answers
 * continue as follow-ups. An ephemeral answer after a public acknowledgement removes the public
 * "thinking…" placeholder first, so only the asker sees it.
 */
export function commandContext(
  interaction: ChatInputCommandInteraction,
  services: Services,
  afterDefer: () => Promise<void> = async () => undefined,
  helpNote?: string,
): CommandContext {
  const { channel, threadId } = whereOf(interaction);
  const { subcommand, options } = optionsOf(interaction.options.data);
  let acknowledged: Promise<'public' | 'ephemeral'> | undefined;
  let originalUsed = false;

  const defer = async (deferOptions?: { ephemeral?: boolean }): Promise<void> => {
    acknowledged ??= interaction
      .deferReply(deferOptions?.ephemeral ? { flags: MessageFlags.Ephemeral } : {})
      .then(() => (deferOptions?.ephemeral ? 'ephemeral' : 'public'));
    await acknowledged;
    await afterDefer();
  };

  const reply = async (message: OutgoingMessage, replyOptions?: { thread?: ThreadRequest; key?: string }): Promise<PostedMessage> => {
    await defer();
    const sent: (Message | APIMessage)[] = [];
    for (const [index, rendered] of renderMessage(message).entries()) {
      // A keyed part (a digest) carries its marker, so a check after a crash finds it in the channel.
      const payload = replyOptions?.key ? withMarker(rendered, deliveryMarker(`${replyOptions.key}.${index + 1}`)) : rendered;
      if (!originalUsed) {
        originalUsed = true;
        sent.push(await interaction.editReply(messageOptions(payload)));
      } else {
        sent.push(await interaction.followUp(messageOptions(payload)));
      }
    }
    const first = sent[0]!;
    const wantsThread = replyOptions?.thread && !threadId && (await acknowledged) === 'public';
    const opened = wantsThread ? await openThread(interaction.client, first, replyOptions.thread!.title, services.logger) : undefined;
    return { id: first.id, ...(opened ? { threadId: opened } : {}) };
  };

  const replyEphemeral = async (message: OutgoingMessage): Promise<void> => {
    const payloads = renderMessage(message.kind === 'help' && helpNote ? { ...message, note: helpNote } : message);
    for (const payload of payloads) {
      const body = { ...messageOptions(payload), flags: MessageFlags.Ephemeral as const };
      if (!acknowledged) {
        acknowledged = interaction.reply(body).then(() => 'ephemeral' as const);
        await acknowledged;
        originalUsed = true;
        continue;
      }
      const mode = await acknowledged;
      if (!originalUsed && mode === 'ephemeral') {
        await interaction.editReply(messageOptions(payload));
      } else {
        // After a public defer, the first follow-up would replace the placeholder publicly: delete it first.
        if (!originalUsed) await interaction.deleteReply();
        await interaction.followUp(body);
      }
      originalUsed = true;
    }
  };

  // A file (an export) as an attachment of the reply; its words are plain content, pinging no one.
  const replyFile = async (file: OutgoingFile): Promise<void> => {
    await defer();
    const payload = {
      content: safeField(file.text, 1_900),
      files: [{ attachment: Buffer.from(file.content, 'utf8'), name: file.filename }],
      allowedMentions: { parse: [] },
    };
    if (!originalUsed) {
      originalUsed = true;
      await interaction.editReply(payload);
    } else {
      await interaction.followUp(payload);
    }
  };

  return {
    platform: 'discord',
    channel,
    replyFile,
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
    ...(threadId ? { threadId } : {}),
    command: interaction.commandName,
    ...(subcommand ? { subcommand } : {}),
    options,
    // Discord resolves the member's permissions in this channel, overwrites and Administrator included.
    canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    defer,
    reply,
    replyEphemeral,
  };
}

/** Suggestions while the user types; a failure shows an empty list rather than an error. */
export async function answerAutocomplete(interaction: AutocompleteInteraction, commands: readonly CommandDef[], services: Services): Promise<void> {
  const command = commands.find((candidate) => candidate.name === interaction.commandName);
  let choices: ReturnType<typeof choicesJson> = [];
  if (command?.autocomplete) {
    const focused = interaction.options.getFocused(true);
    const { subcommand } = optionsOf(interaction.options.data);
    try {
      const found = await command.autocomplete(
        { channel: whereOf(interaction).channel, ...(subcommand ? { subcommand } : {}), option: focused.name, value: String(focused.value ?? '') },
        services,
      );
      choices = choicesJson(found);
    } catch (error) {
      services.logger.warn({ err: error, command: command.name, option: focused.name }, 'autocomplete failed');
    }
  }
  await interaction.respond(choices);
}
