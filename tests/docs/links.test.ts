import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Lines outside fenced code blocks. */
function prose(text: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced) out.push(line);
  }
  return out;
}

function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(text)) {
    const m = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1] ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Relative links (not http:, mailto:) in markdown prose, inline code removed first. */
function relativeLinks(text: string): string[] {
  const links: string[] = [];
  for (const line of prose(text)) {
    const bare = line.replace(/`[^`]*`/g, '');
    for (const m of bare.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      links.push(target);
    }
  }
  return links;
}

function brokenLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const broken: string[] = [];
  for (const link of relativeLinks(text)) {
    const [path = '', anchor] = link.split('#', 2);
    const target = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (!existsSync(target)) {
      broken.push(`${link} (no such file)`);
      continue;
    }
    if (anchor !== undefined && target.endsWith('.md') && statSync(target).isFile()) {
      if (!anchors(readFileSync(target, 'utf8')).has(anchor)) broken.push(`${link} (no such heading)`);
    }
  }
  return broken;
}

const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('documentation links', () => {
  it('finds a broken file link and a broken anchor (the checker itself)', () => {
    const text = '# Title\n## A `b` c\n[x](#a-b-c) [y](#nope) [z](nowhere.md) [w](https://e.org/#x)\n```\n[q](#in-code)\n```';
    expect(relativeLinks(text)).toEqual(['#a-b-c', '#nope', 'nowhere.md']);
    expect(anchors(text)).toEqual(new Set(['title', 'a-b-c']));
  });

  it.each(files)('every relative link and anchor in %s resolves', (file) => {
    expect(brokenLinks(join(root, file))).toEqual([]);
  });
});
