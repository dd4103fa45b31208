import { createRequire } from 'node:module';

type ParseHTML = typeof import('linkedom').parseHTML;
let parse: ParseHTML | undefined;

/** linkedom's parseHTML, loaded on first use: a start or a CLI command that reads no HTML skips its ~120 modules. */
export const parseHTML: ParseHTML = (...args) => (parse ??= (createRequire(import.meta.url)('linkedom') as typeof import('linkedom')).parseHTML)(...args);
