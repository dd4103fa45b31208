import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/engine/answer.ts';
import { bm25Answer } from '../../src/engine/bm25.ts';
import { termOf } from '../../src/engine/answer/tokens.ts';

// Articles written for these tests (fictional events).
const BRIDGE = [
  'The new Harbour Bridge in Port Elland opened to traffic on Tuesday after four years of construction.',
  "The bridge was designed by the engineer Margit Solberg, who also built the city's tram depot.",
  'Building it cost 412 million euros, about a third more than the council had planned.',
  'Work began in March 2021, when the old ferry service was stopped.',
  'Cyclists and pedestrians get a separate lane on the eastern side.',
  '',
  'Local shop owners said the bridge would bring more visitors to the old town.',
  'The mayor, Tomas Verhoek, cut the ribbon in front of a crowd of several thousand people.',
].join('\n');

const FESTIVAL = [
  'The Lindqvist Jazz Festival returns to Harrowgate this summer with fifty concerts over nine days.',
  'Its director, Amara Okafor, said ticket sales had doubled since last year.',
  'The opening concert will be held in the old cotton mill on July 14.',
  'Volunteers from the music school will run the stages.',
].join(' ');

const LONG_SENTENCE =
  'The committee, which met for the first time in the autumn and which includes farmers, teachers, two retired judges, ' +
  'a nurse, a bus driver, several shop owners from the market square, and a number of students from the technical college, ' +
  'finally agreed after eleven hours of debate that the new reservoir near Kelby would be built by the regional water board, ' +
  'with the work starting next spring and the first water flowing to homes in the valley two years later.';

function expectExactSpan(text: string, span: { text: string; start: number; end: number }): void {
  expect(text.slice(span.start, span.end)).toBe(span.text);
}

describe('answerQuestion', () => {
  const docs = [{ id: 'bridge', text: BRIDGE }];

  it('answers a who-question with the sentence that names the person', () => {
    const hit = answerQuestion('Who designed the Harbour Bridge?', docs);
    expect(hit?.id).toBe('bridge');
    expect(hit?.span.text).toContain('Margit Solberg');
    expectExactSpan(BRIDGE, hit!.span);
  });

  it('answers a when-question with the sentence that holds the date', () => {
    const hit = answerQuestion('When did work on the bridge begin?', docs);
    expect(hit?.span.text).toContain('March 2021');
    expectExactSpan(BRIDGE, hit!.span);
  });

  it('answers a how-much question with the sentence that holds the number', () => {
    const hit = answerQuestion('How much did building the bridge cost?', docs);
    expect(hit?.span.text).toContain('412 million euros');
    expectExactSpan(BRIDGE, hit!.span);
  });

  it('answers a how-many question about the second of two articles from that article', () => {
    const both = [
      { id: 'bridge', text: BRIDGE },
      { id: 'festival', text: FESTIVAL },
    ];
    const hit = answerQuestion('How many concerts will the jazz festival have?', both);
    expect(hit?.id).toBe('festival');
    expect(hit?.span.text).toContain('fifty concerts');
    expectExactSpan(FESTIVAL, hit!.span);
    expect(answerQuestion('Who cut the ribbon at the bridge opening?', both)?.id).toBe('bridge');
  });

  it('returns null when the question has nothing to do with the articles', () => {
    expect(answerQuestion('What is the capital of the Mongolian empire?', docs)).toBeNull();
    expect(answerQuestion('Which vaccine did the health ministry approve?', [{ id: 'festival', text: FESTIVAL }])).toBeNull();
  });

  it('returns null for no articles, empty articles, and questions made only of stop words', () => {
    expect(answerQuestion('Who designed the bridge?', [])).toBeNull();
    expect(answerQuestion('Who designed the bridge?', [{ id: 'empty', text: '' }])).toBeNull();
    expect(answerQuestion('What was it?', docs)).toBeNull();
  });

  it('keeps every span within maxChars, cutting a long sentence around the matched words', () => {
    const text = `${LONG_SENTENCE}\n\n${BRIDGE}`;
    const hit = answerQuestion('Who will build the reservoir near Kelby?', [{ id: 'long', text }]);
    expect(hit).not.toBeNull();
    expect(LONG_SENTENCE.length).toBeGreaterThan(300);
    expect(hit!.span.text.length).toBeLessThanOrEqual(300);
    expect(hit!.span.text).toContain('regional water board');
    expectExactSpan(text, hit!.span);

    const short = answerQuestion('Who will build the reservoir near Kelby?', [{ id: 'long', text }], { maxChars: 120 });
    expect(short!.span.text.length).toBeLessThanOrEqual(120);
    expect(short!.span.text).toContain('reservoir near Kelby');
    expectExactSpan(text, short!.span);
  });

  it('may join two adjacent sentences, never beyond maxChars', () => {
    for (const question of ['Who designed the bridge and what did it cost?', 'Who is the mayor and what did he do?']) {
      for (const maxChars of [300, 150, 80]) {
        const hit = answerQuestion(question, docs, { maxChars });
        expect(hit).not.toBeNull();
        expect(hit!.span.text.length).toBeLessThanOrEqual(maxChars);
        expectExactSpan(BRIDGE, hit!.span);
      }
    }
  });

  it('gives the same answer every time, whatever was asked before', () => {
    const first = answerQuestion('Who cut the ribbon?', docs);
    answerQuestion('How much did it cost?', [{ id: 'bridge', text: BRIDGE.toUpperCase() }]);
    expect(answerQuestion('Who cut the ribbon?', docs)).toEqual(first);
    expect(first?.span.text).toContain('Tomas Verhoek');
  });
});

describe('bm25Answer', () => {
  it('returns the sentence sharing the rarest question words', () => {
    const hit = bm25Answer('Which lane do cyclists get?', BRIDGE);
    expect(hit?.span.text).toBe('Cyclists and pedestrians get a separate lane on the eastern side.');
    expectExactSpan(BRIDGE, hit!.span);
  });

  it('cuts a long sentence to maxChars and returns null when no word matches', () => {
    const hit = bm25Answer('Who will build the reservoir?', LONG_SENTENCE);
    expect(hit!.span.text.length).toBeLessThanOrEqual(300);
    expect(hit!.span.start).toBe(0);
    expectExactSpan(LONG_SENTENCE, hit!.span);
    expect(bm25Answer('Which vaccine was approved?', BRIDGE)).toBeNull();
    expect(bm25Answer('Anything?', '')).toBeNull();
  });
});

describe('answers eval', () => {
  it('returns no rows when the SQuAD file is not there', async () => {
    const { run } = await import('../../src/eval/answers.eval.ts');
    expect(await run('/nonexistent-eval-dir')).toEqual([]);
  });
});

describe('answers about names the article never mentions', () => {
  const text =
    'Fourteen passengers were hurt when two ferries collided near the Lisbon terminal, in the heart of the Portuguese capital, on Monday night.\n\nThe operator said the service would resume on Tuesday.';

  it('says the article does not answer a question about a name it never mentions', () => {
    expect(answerQuestion('What is the capital of France?', [{ id: 'a', text }])).toBeNull();
  });

  it('still answers when the name is there, spelt with or without its accents or with a small slip', () => {
    expect(answerQuestion('How many were hurt near the Lisbon terminal?', [{ id: 'a', text }])?.span.text).toMatch(/^Fourteen passengers/);
    expect(answerQuestion('How many were hurt near the Lisbonn terminal?', [{ id: 'a', text }])?.span.text).toMatch(/^Fourteen passengers/);
  });
});

describe('words that are also names of object properties', () => {
  it('stems "constructor" and "__proto__" as words, so a question on them finds their sentence', () => {
    expect(termOf('constructor')).toBe('constructor');
    expect(termOf('__proto__')).toBe('__proto__');
    const text = 'The bridge opened on Tuesday after four years. Its constructor, Velden Works, also built the tram depot. Tolls start in May.';
    expect(answerQuestion('Who was the constructor?', [{ id: 'a', text }])?.span.text).toMatch(/^Its constructor, Velden Works/);
  });
});
