import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/engine/answer.ts';
import { splitSentences } from '../../src/engine/sentences.ts';

// Articles written for these tests (invented places, people and events).
const DAM = [
  'VELDHAVEN — Two villages below the Orsa dam were evacuated two days after the storm, when engineers found cracks in its wall.',
  'The dam broke at 4.15am on Sunday, sending a wave of muddy water through the valley.',
  'Rescue teams from three regions reached the flooded villages of Kessel and Brannock by noon.',
  'The regional governor, Ilse Marwick, said 1,240 people had spent the night in school halls.',
  'Marwick said the storm had dropped more rain in a day than usually falls in a month.',
  '',
  'The dam was built in 1962 to supply the mills of the valley with power.',
  'Its owner, the Orsa Power Company, said it would pay for the repairs.',
  'The evacuated families were taken to a sports hall in Dunmore, twelve kilometres to the south.',
].join('\n');

const LAUNCH = [
  'A small satellite built by students at the Technical College of Aberlin reached orbit on Thursday.',
  'The satellite, called Kestrel-2, weighs 4 kilograms and will measure the thickness of sea ice for two years.',
  'It was carried into space by a rocket launched from the Halvik spaceport in the far north.',
  'The project was led by Ravi Sandoval, a lecturer in physics, with 36 students working on it over five years.',
  'Sandoval said the team had built the radio from spare parts.',
].join(' ');

const docs = [
  { id: 'dam', text: DAM },
  { id: 'launch', text: LAUNCH },
];

function sentenceOf(text: string, start: number, end: number): string | undefined {
  return splitSentences(text).find((s) => s.start <= start && end <= s.end)?.text;
}

describe('answers that fit the question', () => {
  it('answers "when" with the time of the asked event, not a date relative to another event', () => {
    const hit = answerQuestion('When did the Orsa dam break?', docs);
    expect(hit?.id).toBe('dam');
    expect(hit?.span.text).toContain('4.15am on Sunday');
    expect(hit?.span.text).not.toContain('two days after the storm');
  });

  it('answers "when" about the building of the dam with the year it was built', () => {
    const hit = answerQuestion('When was the dam built?', docs);
    expect(hit?.span.text).toContain('1962');
  });

  it('answers "where" with the sentence that names the place', () => {
    const hit = answerQuestion('Where were the evacuated families taken?', docs);
    expect(hit?.span.text).toContain('Dunmore');
  });

  it('answers "where" about a launch with the spaceport', () => {
    const hit = answerQuestion('Where was the rocket launched from?', docs);
    expect(hit?.id).toBe('launch');
    expect(hit?.span.text).toContain('Halvik spaceport');
  });

  it('answers "how many" with the sentence that holds the count', () => {
    const hit = answerQuestion('How many people spent the night in school halls?', docs);
    expect(hit?.span.text).toContain('1,240 people');
  });

  it('answers "how many students" with the number of students, not another number', () => {
    const hit = answerQuestion('How many students worked on the satellite?', docs);
    expect(hit?.span.text).toContain('36 students');
  });

  it('answers "how much" with the amount', () => {
    const hit = answerQuestion('How much does Kestrel-2 weigh?', docs);
    expect(hit?.span.text).toContain('4 kilograms');
  });

  it('answers "who" with the sentence that names the person in full', () => {
    const hit = answerQuestion('Who led the satellite project?', docs);
    expect(hit?.span.text).toContain('Ravi Sandoval');
  });

  it('answers "who" about an organisation with its name', () => {
    const hit = answerQuestion('Who will pay for the repairs to the dam?', docs);
    expect(hit?.span.text).toContain('Orsa Power Company');
  });

  it('answers "what" with the sentence that holds the fact', () => {
    const hit = answerQuestion('What will the satellite measure?', docs);
    expect(hit?.span.text).toContain('thickness of sea ice');
  });

  it('cites whole sentences: the answer starts and ends where a sentence does', () => {
    for (const question of [
      'When did the Orsa dam break?',
      'Who led the satellite project?',
      'How many students worked on the satellite?',
      'Where were the evacuated families taken?',
    ]) {
      const hit = answerQuestion(question, docs)!;
      const text = docs.find((d) => d.id === hit.id)!.text;
      const sentences = splitSentences(text);
      expect(
        sentences.some((s) => s.start === hit.span.start),
        question,
      ).toBe(true);
      expect(
        sentences.some((s) => s.end === hit.span.end),
        question,
      ).toBe(true);
      expect(text.slice(hit.span.start, hit.span.end)).toBe(hit.span.text);
    }
  });

  it('never glues a neighbouring sentence that holds neither a question word nor an answer of the asked type', () => {
    const hit = answerQuestion('When did the Orsa dam break?', docs)!;
    const sentence = sentenceOf(DAM, hit.span.start, hit.span.start + 1);
    // The cited text is the one sentence that holds the time, with nothing unrelated glued to it.
    expect(hit.span.text).toBe(sentence);
  });

  it('cuts an over-long sentence at a clause boundary and keeps the asked value inside', () => {
    const long =
      'After months of argument in the council chamber, in the regional parliament and in the letters pages of every newspaper in the province, ' +
      'and after two public inquiries that heard from farmers, fishermen, engineers and the owners of the old mills along the river, ' +
      'the new flood barrier at Tollmere was finally opened on 3 March 2024 by the minister for water, Dagny Roos, who called it the largest ' +
      'project of its kind in the country and promised that two more would follow within a decade.';
    const hit = answerQuestion('When was the flood barrier at Tollmere opened?', [{ id: 'long', text: long }])!;
    expect(hit.span.text.length).toBeLessThanOrEqual(300);
    expect(hit.span.text).toContain('3 March 2024');
    const before = long.slice(0, hit.span.start).trimEnd();
    expect(before === '' || /[,;:—]$/.test(before)).toBe(true);
  });
});
