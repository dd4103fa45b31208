// Types of bin/build.mjs for the TypeScript that imports it (tests/global-build.ts).
export const root: string;
export const dist: string;
export function isStale(): boolean;
export function tscPath(): string | undefined;
export function build(options?: { quiet?: boolean }): boolean;
