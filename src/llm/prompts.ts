import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The prompt files, one per task (prompts/<name>.md). */
export type PromptName = 'analysis' | 'answer' | 'summary-merge';

export const PROMPT_NAMES: readonly PromptName[] = ['analysis', 'answer', 'summary-merge'];

export const DEFAULT_PROMPT_DIR = join(import.meta.dirname, '..', '..', 'prompts');

export interface Prompt {
  name: PromptName;
  /** The `version:` the file declares; bump it when the wording changes what the model returns. */
  version: string;
  /** First 8 hex of the body's sha256: an edit refreshes cached results even when the version was not bumped. */
  fingerprint: string;
  body: string;
}

export type Prompts = Record<PromptName, Prompt>;

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parses a prompt file: a `---` front-matter block with a `version:` line, then the template. */
export function parsePrompt(name: PromptName, source: string): Prompt {
  const match = FRONT_MATTER.exec(source);
  const version = match?.[1]?.match(/^version:\s*(\S+)\s*$/m)?.[1];
  if (!match || !version) throw new Error(`prompts/${name}.md must start with a front-matter block holding "version: <n>"`);
  const body = source.slice(match[0].length).trim();
  if (body === '') throw new Error(`prompts/${name}.md has no text after its front matter`);
  const fingerprint = createHash('sha256').update(body).digest('hex').slice(0, 8);
  return { name, version, fingerprint, body };
}

export function loadPrompts(dir: string = DEFAULT_PROMPT_DIR): Prompts {
  const entries = PROMPT_NAMES.map((name) => [name, parsePrompt(name, readFileSync(join(dir, `${name}.md`), 'utf8'))] as const);
  return Object.fromEntries(entries) as Prompts;
}

/** `analysis@1#1a2b3c4d`: what a cache key needs to know about one prompt. */
export function promptTag(prompt: Prompt): string {
  return `${prompt.name}@${prompt.version}#${prompt.fingerprint}`;
}

/** Fills `{{name}}` placeholders; a placeholder without a value is a bug in the template or the code. */
export function fillPrompt(prompt: Prompt, values: Record<string, string | number>): string {
  return prompt.body.replace(/\{\{\s*([a-z][a-z0-9_-]*)\s*\}\}/gi, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`prompts/${prompt.name}.md uses {{${key}}}, which the code does not fill`);
    return String(value);
  });
}
