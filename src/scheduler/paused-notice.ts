import type { PlatformPort } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { ScheduleRecord } from './schedule-store.ts';

/** What /digest and /feeds list say about a paused channel. */
export const PAUSED_LINE =
  'Paused: the bot can’t post here (the channel was deleted, or the bot was removed or lost its permission). Any command in this channel resumes the digests.';

/**
 * Tells the person who set the digest up, once, in a direct message, that the channel's digests are
 * paused. On Slack, with nobody on record, the allow-listed admins (SLACK_ADMIN_USERS) are told.
 * Resolves to how many people were told.
 */
export async function notifyPaused(services: Services, port: PlatformPort, record: ScheduleRecord): Promise<number> {
  if (!port.notifyUser) return 0;
  const people = record.setBy ? [record.setBy] : record.channel.platform === 'slack' ? [...services.config.SLACK_ADMIN_USERS] : [];
  // Both platforms link a channel written as <#id>.
  const where = `<#${record.channel.channelId}>`;
  let told = 0;
  for (const person of people) {
    const sent = await port.notifyUser(record.channel.tenantId, person, {
      kind: 'text',
      tone: 'warning',
      text: `newsdesk can no longer post the digest (${record.label}) in ${where}: the channel was deleted, or the bot was removed from it or lost its permission to post. The digest is paused. Add the bot back and type any newsdesk command there (for example /digest settings) to resume it.`,
    });
    if (sent) told++;
  }
  services.logger.info({ channel: record.channel, told, asked: people.length }, 'told about the paused digest');
  return told;
}
