// Discord's documented message limits, written out independently of the adapter's own constants so the
// fake server and the tests check the renderer rather than agree with it.

interface EmbedLike {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

interface MessageLike {
  content?: string | null;
  embeds?: EmbedLike[];
}

/** What Discord would refuse in this message body (empty when it is acceptable). */
export function limitViolations(message: MessageLike): string[] {
  const problems: string[] = [];
  const embeds = message.embeds ?? [];
  if ((message.content ?? '').length > 2000) problems.push('content longer than 2000');
  if (embeds.length > 10) problems.push('more than 10 embeds');
  if ((message.content ?? '') === '' && embeds.length === 0) problems.push('empty message');
  let total = 0;
  embeds.forEach((embed, i) => {
    const fields = embed.fields ?? [];
    if ((embed.title ?? '').length > 256) problems.push(`embed ${i}: title longer than 256`);
    if ((embed.description ?? '').length > 4096) problems.push(`embed ${i}: description longer than 4096`);
    if (fields.length > 25) problems.push(`embed ${i}: more than 25 fields`);
    if ((embed.footer?.text ?? '').length > 2048) problems.push(`embed ${i}: footer longer than 2048`);
    if ((embed.author?.name ?? '').length > 256) problems.push(`embed ${i}: author longer than 256`);
    fields.forEach((field, j) => {
      if (field.name.length === 0 || field.name.length > 256) problems.push(`embed ${i} field ${j}: bad name length`);
      if (field.value.length === 0 || field.value.length > 1024) problems.push(`embed ${i} field ${j}: bad value length`);
    });
    const size =
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.author?.name ?? '').length +
      fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    if (size === 0 && !embed.url) problems.push(`embed ${i}: empty`);
    total += size;
  });
  if (total > 6000) problems.push(`embeds total ${total} > 6000`);
  return problems;
}

/** All the visible text of a message, for "nothing was lost" checks. */
export function visibleText(message: MessageLike): string {
  const parts: string[] = [message.content ?? ''];
  for (const embed of message.embeds ?? []) {
    parts.push(embed.title ?? '', embed.description ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    parts.push(embed.footer?.text ?? '');
  }
  return parts.join('\n');
}
