import { describe, expect, it } from 'vitest';
import { homeView, type HomeChannel } from '../../src/adapters/slack/app-home.ts';
import { HOSTILE } from './fixtures.ts';

const channel = (index: number, feeds = 2): HomeChannel => ({
  channelId: `C0CHAN${index}`,
  schedule: { label: 'weekdays 09:30', timezone: 'Europe/Berlin', nextRun: '2026-12-08T08:30:00Z' },
  feeds: Array.from({ length: feeds }, (_, feed) => ({
    id: `f${feed}`,
    title: `Feed ${feed}`,
    url: `https://news${feed}.example.com/rss`,
    consecutiveFailures: 0,
  })),
});

describe('App Home view', () => {
  it('shows a failing feed with its error and a paused digest with how to resume it', () => {
    const view = homeView([
      {
        channelId: 'C0NEWS',
        schedule: { label: 'daily 08:00', timezone: 'UTC', nextRun: '2026-12-08T08:00:00Z' },
        paused: { since: '2026-12-01T08:00:00Z', code: 'channel_not_found' },
        feeds: [
          {
            id: 'f',
            title: 'Harbour Times',
            url: 'https://harbour.example.org/rss',
            consecutiveFailures: 4,
            lastError: 'HTTP 500',
            lastErrorAt: '2026-12-06T10:00:00Z',
          },
        ],
      },
    ]);
    const text = JSON.stringify(view);
    expect(text).toContain('Failing (4 times in a row)');
    expect(text).toContain('HTTP 500');
    expect(text).toContain('paused since 2026-12-01');
    expect(text).toContain('any command in the channel resumes it');
  });

  it('stays within Slack’s 100 blocks however many channels, saying how many were left out', () => {
    const view = homeView(Array.from({ length: 80 }, (_, index) => channel(index)));
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const last = JSON.stringify(view.blocks.at(-1));
    expect(last).toMatch(/and \d+ more channels/);
    const shown = view.blocks.filter((block) => JSON.stringify(block).includes('<#C0CHAN')).length;
    expect(last).toContain(`and ${80 - shown} more channels`);
  });

  it('never lets a feed title ping or link', () => {
    const view = homeView([{ ...channel(1, 0), feeds: [{ id: 'f', title: HOSTILE, url: 'https://evil.example/rss', consecutiveFailures: 0 }] }]);
    const text = JSON.stringify(view);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    expect(text).not.toContain('<@U0BOSS>');
    expect(text).not.toContain('<https://evil.example|click>');
  });
});
