import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Relative imports and re-exports of each source file, type-only ones included (a cycle of types is still a knot). */
function importGraph(folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of folders) {
    for (const name of readdirSync(join(root, folder), { recursive: true }) as string[]) {
      if (!name.endsWith('.ts')) continue;
      const file = join(root, folder, name);
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+\.ts)'/gms)].map((match) => resolve(dirname(file), match[1] ?? ''));
      graph.set(file, targets);
    }
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((file) => relative(root, file)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('the import graph', () => {
  it('finds a cycle when there is one (the checker itself)', () => {
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/a.ts']],
      ['/c.ts', ['/a.ts']],
    ]);
    expect(cycles(graph)).toHaveLength(1);
  });

  it('has no import cycle in src/ and commands/', () => {
    // Compared as relative paths, so a failure names the files of each cycle.
    const found = cycles(importGraph(['src', 'commands'])).map((cycle) => cycle.map((file) => relative(process.cwd(), file)));
    expect(found).toEqual([]);
  });
});
