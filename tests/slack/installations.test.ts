import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { KeyvInstallationStore } from '../../src/adapters/slack/installations.ts';
import { createStores, type Stores } from '../../src/store/index.ts';

const workspace = (teamId: string, token: string): Installation<'v2', false> => ({
  team: { id: teamId, name: teamId },
  enterprise: undefined,
  user: { id: 'U0ADMIN', token: 'xoxp-user', scopes: ['identify'] },
  bot: { id: 'B1', userId: 'U0BOT', token, scopes: ['chat:write'] },
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

const backends: [string, () => { stores: Stores; cleanup: () => Promise<void> }][] = [
  [
    'SQLite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'newsdesk-installs-'));
      const stores = createStores({ dataDir: dir });
      return {
        stores,
        cleanup: async () => {
          await stores.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'Redis',
    () => {
      const stores = createStores({ dataDir: '/nonexistent', redisUrl: 'redis://127.0.0.1:6379', redisPrefix: `newsdesk-test-${randomUUID()}` });
      return {
        stores,
        cleanup: async () => {
          await stores.installations.clear();
          await stores.close();
        },
      };
    },
  ],
];

describe.each(backends)('Slack installations on %s', (_name, open) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('keeps each workspace’s installation apart, and a second process reads what the first stored', async () => {
    const opened = open();
    cleanup = opened.cleanup;
    const first = new KeyvInstallationStore(opened.stores.installations);
    const second = new KeyvInstallationStore(opened.stores.installations);
    await first.storeInstallation(workspace('T0ONE', 'xoxb-one'));
    await first.storeInstallation(workspace('T0TWO', 'xoxb-two'));
    expect((await second.fetchInstallation({ teamId: 'T0ONE', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-one');
    expect((await second.fetchInstallation({ teamId: 'T0TWO', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-two');
    await expect(second.fetchInstallation({ teamId: 'T0NONE', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(
      /no installation for team T0NONE/,
    );

    await second.deleteInstallation({ teamId: 'T0ONE', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(first.fetchInstallation({ teamId: 'T0ONE', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no installation/);
    expect((await first.fetchInstallation({ teamId: 'T0TWO', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-two');
  });

  it('serves a workspace of an org-wide install from the org’s installation, and drops only a user token when asked', async () => {
    const opened = open();
    cleanup = opened.cleanup;
    const store = new KeyvInstallationStore(opened.stores.installations);
    await store.storeInstallation({
      ...workspace('T0UNUSED', 'xoxb-org'),
      team: undefined,
      enterprise: { id: 'E0ORG', name: 'Org' },
      isEnterpriseInstall: true,
    });
    const found = await store.fetchInstallation({ teamId: 'T0MEMBER', enterpriseId: 'E0ORG', isEnterpriseInstall: false });
    expect(found.bot?.token).toBe('xoxb-org');

    await store.storeInstallation(workspace('T0ONE', 'xoxb-one'));
    expect(await store.dropUserToken('T0ONE')).toBe(true);
    const kept = await store.fetchInstallation({ teamId: 'T0ONE', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(kept.user.token).toBeUndefined();
    expect(kept.bot?.token).toBe('xoxb-one');
  });

  it('records each workspace’s channels once, and forgets one workspace’s only', async () => {
    const opened = open();
    cleanup = opened.cleanup;
    const store = new KeyvInstallationStore(opened.stores.installations);
    for (const [team, channel] of [
      ['T0ONE', 'C1'],
      ['T0ONE', 'C2'],
      ['T0ONE', 'C1'],
      ['T0TWO', 'C9'],
    ] as const)
      await store.recordChannel(team, channel);
    expect(await new KeyvInstallationStore(opened.stores.installations).channels('T0ONE')).toEqual(['C1', 'C2']);
    await store.forgetChannels('T0ONE');
    expect(await store.channels('T0ONE')).toEqual([]);
    expect(await store.channels('T0TWO')).toEqual(['C9']);
    // After forgetting, the same channel is recorded again (the in-process memory is cleared too).
    await store.recordChannel('T0ONE', 'C1');
    expect(await store.channels('T0ONE')).toEqual(['C1']);
  });
});
