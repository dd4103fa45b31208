import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Keyv from 'keyv';
import { ManualClock } from '../src/core/clock.ts';
import { silentLogger } from '../src/core/logger.ts';
import { extractTimeline } from '../src/engine/timeline.ts';
import { ModelClient } from '../src/llm/client.ts';
import { LlmEngine } from '../src/llm/engine.ts';
import { groundTimeline } from '../src/llm/ground-timeline.ts';
import { groundQuotes, indexArticle } from '../src/llm/grounding.ts';
import { UsageLedger } from '../src/llm/usage.ts';
import { completion, startFakeOpenAI } from '../tests/llm/fake-openai.ts';

// What the model engine adds around the model itself: (1) how well grounding keeps real quotes a model
// copies faithfully (re-wrapped, quote marks straightened) and drops doctored ones, on PolNeAR's cased
// news articles when ../shared/eval is there; (2) the CPU time of grounding per article; (3) the
// round trip through the real openai SDK to a loopback server that answers at once (request, JSON
// parsing, zod validation, grounding): the engine's own latency, the model's excluded.

const POLNEAR = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'polnear', 'dev', 'text');

function articles(): { name: string; texts: string[] } {
  if (existsSync(POLNEAR)) {
    const files = readdirSync(POLNEAR)
      .filter((file) => file.endsWith('.txt'))
      .sort();
    return { name: 'polnear/dev', texts: files.map((file) => readFileSync(join(POLNEAR, file), 'utf8')) };
  }
  const text =
    'The mayor spoke on Monday. “We will rebuild the pier before the summer,” said Mayor Ines Duarte.\n\nWork starts next week. "It is overdue," said engineer Paul Okoro.';
  return { name: 'generated', texts: Array.from({ length: 50 }, () => text) };
}

/** Quotation-marked segments of a text, the way a faithful model would copy them. */
function quotedSegments(text: string): string[] {
  return [...text.matchAll(/[“"]([^”"\n]{12,400})[”"]/g)].map((match) => match[1]!);
}

function straighten(quote: string): string {
  return quote.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ');
}

/** One word changed: what a model that paraphrases produces. */
function doctor(quote: string): string {
  const words = quote.split(' ');
  const i = Math.floor(words.length / 2);
  words[i] = words[i] === 'the' ? 'a' : 'the';
  return words.join(' ');
}

export async function run(): Promise<void> {
  const { name, texts } = articles();
  let faithful = 0;
  let kept = 0;
  let doctored = 0;
  let dropped = 0;
  let timexes = 0;
  let timexKept = 0;
  // The replies a faithful model would give, made before the clock starts.
  const tags = texts.map((text) => extractTimeline(text, { publishedAt: '2016-10-01T12:00:00Z' }));
  const started = performance.now();
  for (const [n, text] of texts.entries()) {
    const index = indexArticle(text);
    const quotes = quotedSegments(text);
    const real = groundQuotes(
      index,
      quotes.map((quote) => ({ text: straighten(quote), speaker: null })),
    );
    faithful += quotes.length;
    kept += real.kept.length;
    const altered = quotes.map(doctor).filter((quote) => !text.includes(quote));
    const fake = groundQuotes(
      index,
      altered.map((quote) => ({ text: quote, speaker: null })),
    );
    doctored += altered.length;
    dropped += fake.dropped.length;
    const tagged = tags[n]!;
    const grounded = groundTimeline(
      index,
      tagged.map((entry) => ({ expression: entry.text, type: entry.type, value: entry.value, event: 'e' })),
      '2016-10-01T12:00:00Z',
    );
    timexes += tagged.length;
    timexKept += grounded.length;
  }
  const elapsed = performance.now() - started;
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((a / b) * 100).toFixed(1)}%`);
  console.log(`grounding on ${texts.length} ${name} articles:`);
  console.log(`  faithful quotes kept (re-wrapped, straight quote marks): ${kept}/${faithful} = ${pct(kept, faithful)}`);
  console.log(`  doctored quotes dropped (one word changed):              ${dropped}/${doctored} = ${pct(dropped, doctored)}`);
  console.log(`  time expressions kept when copied from the text:         ${timexKept}/${timexes} = ${pct(timexKept, timexes)}`);
  console.log(`  CPU: ${(elapsed / texts.length).toFixed(2)} ms an article (faithful + doctored quotes, timeline incl. its embedded tagger run)`);

  const fake = await startFakeOpenAI();
  const text = texts[0]!;
  const reply = {
    summary: ['One.', 'Two.', 'Three.'],
    tags: { people: [], organizations: [], places: [], topics: ['politics'] },
    quotes: quotedSegments(text)
      .slice(0, 6)
      .map((quote) => ({ text: quote, speaker: null })),
    timeline: extractTimeline(text)
      .slice(0, 10)
      .map((entry) => ({ expression: entry.text, type: entry.type, value: entry.value, event: 'e' })),
  };
  fake.script = () => completion(reply);
  const clock = new ManualClock('2026-11-26T12:00:00Z');
  const client = new ModelClient({ apiKey: 'test-key', baseURL: fake.baseURL, model: 'bench', mode: 'json_schema', timeoutMs: 10_000, maxRetries: 0 });
  const engine = new LlmEngine({ client, usage: new UsageLedger(new Keyv(), clock), monthlyBudget: 0, logger: silentLogger, clock });
  const rounds = 200;
  for (let i = 0; i < 20; i++) await engine.analyze({ id: 'warm', text });
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await engine.analyze({ id: `a${i}`, text });
  const perCall = (performance.now() - t0) / rounds;
  await fake.close();
  console.log(`engine round trip to a loopback server that answers at once: ${perCall.toFixed(2)} ms an analysis (${rounds} sequential, ${text.length} chars)`);
}
