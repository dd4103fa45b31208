import type { webApi } from '@slack/bolt';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import { clientToken, type SlackTokens } from './tokens.ts';

/** How long a users.info answer is trusted (a demoted admin loses the right within this time). */
const CACHE_MS = 5 * 60_000;

/**
 * Channel-manager rights on Slack: workspace admins and owners (users.info), or users on the
 * SLACK_ADMIN_USERS allow-list. Answers are cached briefly and concurrent look-ups for one user share
 * one request, so a burst of commands costs one API call.
 */
export class SlackPermissions {
  private readonly cache = new Map<string, { value: boolean; until: number }>();
  private readonly pending = new Map<string, Promise<boolean>>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly allowList: readonly string[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly tokens: SlackTokens = clientToken,
  ) {}

  async canManage(teamId: string, userId: string): Promise<boolean> {
    if (this.allowList.includes(userId)) return true;
    const key = `${teamId}:${userId}`;
    const now = this.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.value;
    const running = this.pending.get(key);
    if (running) return running;
    const lookup = this.lookUp(teamId, userId).then((value) => {
      // A failed look-up is not remembered: the next command asks Slack again.
      if (value !== undefined) this.cache.set(key, { value, until: this.clock.now().getTime() + CACHE_MS });
      return value ?? false;
    });
    this.pending.set(key, lookup);
    try {
      return await lookup;
    } finally {
      this.pending.delete(key);
    }
  }

  private async lookUp(teamId: string, userId: string): Promise<boolean | undefined> {
    try {
      const token = await this.tokens.bot(teamId);
      const result = await this.client.users.info({ ...(token ? { token } : {}), user: userId });
      const user = result.user;
      return Boolean(user && (user.is_admin || user.is_owner || user.is_primary_owner));
    } catch (error) {
      // Without users:read (or when Slack fails) nobody is an admin; the allow-list still works.
      this.logger.warn({ err: error, user: userId }, 'slack: could not read the user to check admin rights');
      return undefined;
    }
  }
}
