import { parseArgs } from 'node:util';
import { renderText } from './adapters/console/render.ts';
import type { Config } from './config.ts';
import { loadDotEnv, modelKeySet } from './dotenv.ts';
import { UserError, isUserError } from './core/errors.ts';
import { isStorageError } from './store/storage-error.ts';
import { safeField, safeTitle } from './core/text-safety.ts';
import { articleRef, type AnalysisView } from './core/messages.ts';
import type { Services } from './core/services.ts';
import type { Article } from './core/types.ts';
import { splitPastedText } from './core/pasted-text.ts';
import { readLocalText } from './local-file.ts';

// Start-up time is the CLI's main cost (`newsdesk summarize file.txt` should take well under half a
// second): what only some commands need (the services, the store, pino, the engine, the feed and page
// parsers) is imported by those commands, not here. `npm run bench -- cli` measures it.

const HELP = `newsdesk — news digests for Discord and Slack, with an embedded engine that needs no API key

Usage:
  newsdesk                         start the bot (the terminal chat when no Discord/Slack token is set)
  newsdesk chat                    the terminal chat, even when tokens are set
  newsdesk summarize <url|file|->  summary and tags of an article    [--sentences N]
  newsdesk quotes <url|file|->     direct quotes and their speakers
  newsdesk timeline <url|file|->   dated events, in time order
  newsdesk digest --feed <url|file> [--max N]   a digest of a feed's stories
  newsdesk analyze  [--sentences N]  JSON Lines: {"id","text","title"?,"publishedAt"?,"url"?} per line in,
                                   {"id","summary","tags","quotes","timeline"} per line out
  newsdesk answer                  JSON Lines: {"id","text","question"} in, {"id","answer"} out
  newsdesk eval                    measure the engine on ../shared/eval (see README)
  newsdesk opml <file|->           the feeds an OPML subscription list holds

summarize, quotes, timeline, analyze and answer use the configured engine (the model when
OPENAI_API_KEY is set); --engine embedded|model chooses.

Files may be HTML pages or plain text; "-" reads standard input. URLs are fetched through the safe
fetcher (no private addresses; FETCH_ALLOW_HOSTS lists exceptions).`;

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'start') return (await import('./main.ts')).main({ forceConsole: false });
  if (command === 'chat') return (await import('./main.ts')).main({ forceConsole: true });
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { sentences: { type: 'string' }, feed: { type: 'string' }, max: { type: 'string' }, engine: { type: 'string' } },
  });
  const engine = values.engine;
  if (engine !== undefined && engine !== 'embedded' && engine !== 'model') return fail('--engine takes embedded or model.');
  const sentences = values.sentences === undefined ? undefined : Number(values.sentences);
  if (sentences !== undefined && !(Number.isInteger(sentences) && sentences >= 1 && sentences <= 20)) {
    return fail('--sentences takes a whole number from 1 to 20.');
  }
  switch (command) {
    case 'analyze':
    case 'answer': {
      const { analyzeLines, answerLines } = await import('./jsonl.ts');
      const lines = command === 'analyze' ? analyzeLines : answerLines;
      if (!usesModel(engine)) {
        // The embedded engine alone needs no store: nothing is opened under DATA_DIR.
        await lines(process.stdin, process.stdout, { sentences });
        return 0;
      }
      return withServices((services) => lines(process.stdin, process.stdout, { sentences, engine: services.analysis }), engine);
    }
    case 'eval':
      return (await import('./eval/run.ts')).runEval();
    case 'summarize':
    case 'quotes':
    case 'timeline':
      // A file or standard input with the embedded engine needs no store (nothing is opened under DATA_DIR).
      if (positionals[0] !== undefined && !isUrl(positionals[0]) && !usesModel(engine)) {
        return printLocalAnalysis(command === 'summarize' ? 'summary' : command, positionals[0], sentences);
      }
      return withServices((services) => printAnalysis(services, command === 'summarize' ? 'summary' : command, positionals[0], sentences), engine);
    case 'opml':
      return printOpml(positionals[0]);
    case 'digest':
      return withServices(async (services) => {
        if (!values.feed) throw new UserError('digest needs --feed <url|file>.');
        const { feedDigest } = await import('./cli-digest.ts');
        const message = await feedDigest(services, values.feed, { max: values.max ? Number(values.max) : undefined });
        process.stdout.write(`${renderText(message)}\n`);
      });
    default:
      return fail(`Unknown command “${safeTitle(command, 80)}”.\n\n${HELP}`);
  }
}

/** `newsdesk opml <file>`: one line per feed, title then address, made safe for the terminal. */
async function printOpml(source: string | undefined): Promise<number> {
  if (!source) return fail('Name an OPML file: newsdesk opml subscriptions.opml (or - for standard input).');
  const { parseOpml } = await import('./ingest/opml.ts');
  try {
    const opml = parseOpml(await readLocalText(source, process.stdin));
    const lines = [`${opml.feeds.length} feed${opml.feeds.length === 1 ? '' : 's'}${opml.title ? ` in “${safeTitle(opml.title, 120)}”` : ''}:`];
    for (const feed of opml.feeds) lines.push(`  ${feed.title ? `${safeTitle(feed.title, 120)} — ` : ''}${safeTitle(feed.url, 500)}`);
    for (const bad of opml.invalid) lines.push(`  (not an http(s) feed address, skipped: ${safeTitle(bad, 120)})`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (isUserError(error)) return fail(safeField(error.message, 2_000));
    throw error;
  }
}

/** The model answers when asked for, or by default when OPENAI_API_KEY is set. */
function usesModel(engine: string | undefined): boolean {
  if (engine === 'embedded') return false;
  loadDotEnv();
  return engine === 'model' || modelKeySet();
}

async function withServices(work: (services: Services) => Promise<void>, engine?: string): Promise<number> {
  loadDotEnv();
  const { loadConfig } = await import('./config.ts');
  let config: Config = loadConfig();
  if (engine === 'model' && !config.OPENAI_API_KEY)
    return fail('--engine model needs OPENAI_API_KEY (any value for a local server) and, for a local server, OPENAI_BASE_URL.');
  if (engine === 'embedded') config = Object.freeze({ ...config, OPENAI_API_KEY: undefined });
  const [{ createServices }, { createLogger }] = await Promise.all([import('./app.ts'), import('./core/logger.ts')]);
  let services: Services;
  try {
    services = createServices(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr));
  } catch (error) {
    if (isStorageError(error)) return fail(error.message);
    throw error;
  }
  try {
    await work(services);
    return 0;
  } catch (error) {
    // A user error may quote a feed's or a page's own words: made safe and cut before the terminal sees it.
    if (isUserError(error)) return fail(safeField(error.message, 2_000));
    throw error;
  } finally {
    await services.stores.close();
  }
}

async function printAnalysis(services: Services, view: AnalysisView, source: string | undefined, sentences?: number): Promise<void> {
  const article = await loadArticle(services, source);
  const analysis = await services.analysis.analyze(article, { sentences });
  process.stdout.write(`${renderText({ kind: 'analysis', view, article: articleRef(article), analysis })}\n`);
}

/** summarize / quotes / timeline of a local file with the embedded engine: no services, no store. */
async function printLocalAnalysis(view: AnalysisView, source: string, sentences?: number): Promise<number> {
  try {
    const text = await readLocalText(source, process.stdin);
    const [{ EmbeddedEngine }, article] = await Promise.all([import('./engine/index.ts'), localArticle(source, text)]);
    const analysis = await new EmbeddedEngine().analyze(article, { sentences });
    process.stdout.write(`${renderText({ kind: 'analysis', view, article: articleRef(article), analysis })}\n`);
    return 0;
  } catch (error) {
    if (isUserError(error)) return fail(safeField(error.message, 2_000));
    throw error;
  }
}

function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** An article from a URL (safe fetcher), a local file (HTML page or text) or standard input. */
export async function loadArticle(services: Services, source: string | undefined): Promise<Article> {
  if (!source) throw new UserError('Name an article: a URL, a file, or - for standard input.');
  if (isUrl(source)) return services.ingest.fetchArticle(source);
  return localArticle(source, await readLocalText(source, process.stdin), services);
}

/** A local file's (or standard input's) text as an article: an HTML page is extracted, pasted text split. */
async function localArticle(source: string, text: string, services?: Services): Promise<Article> {
  if (/^\s*<(!doctype html|html)[\s>]/i.test(text)) {
    const { articleFromHtml } = await import('./ingest/port.ts');
    return articleFromHtml(text, source === '-' ? 'file:///stdin' : new URL(source, `file://${process.cwd()}/`).href);
  }
  const pasted = splitPastedText(text);
  if (services) return services.ingest.articleFromText(pasted.body, pasted.title);
  const { articleFromText } = await import('./ingest/to-article.ts');
  return articleFromText(pasted.body, { title: pasted.title });
}

function fail(message: string): number {
  process.stderr.write(`newsdesk: ${message}\n`);
  return 1;
}
