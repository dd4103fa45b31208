import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/engine/answer.ts';
import { analyzeQuestion } from '../../src/engine/answer/question.ts';

// News articles written for these tests (invented places, people and events). In each, a sentence
// that shares more words with the question than the answer does holds a value of the asked type
// that belongs to something else: a side project's cost, an earlier election's winner.
const BARRIER = [
  'HALMOUTH — The city council approved a flood barrier across the mouth of the Tarrow river on Tuesday, at a total cost of 210 million euros.',
  'The barrier will protect about 40,000 homes from storm tides, the council said.',
  'A side project to rebuild the fish ladder at the old weir will cost the city a further 60 million, and the council said the flood barrier plan would also pay for a new footbridge.',
  'Work on the barrier is due to start in March and end in 2031.',
  'The project is led by the engineering firm Delmark Partners, which built a similar barrier in Rotterdam.',
].join(' ');

const ELECTION = [
  'Voters in the town of Marsh Ridge elected a new mayor on Sunday after the previous mayor resigned over a housing scandal.',
  'Elena Korsakova, a former teacher standing for the Green list, won the election with 54 percent of the vote.',
  'The housing scandal broke in May, when a report found the town had sold council land below its value; the former mayor, who won the mayoral election in 2020, denied wrongdoing.',
  'Turnout in the election was 61 percent, the highest in the town for two decades.',
].join(' ');

const MERGER = [
  'Brightwell Foods agreed on Wednesday to buy its rival Ostend Dairy for 1.8 billion dollars in cash.',
  'The deal, the largest in the dairy industry this year, still needs the approval of competition regulators.',
  'Ostend Dairy had rejected an earlier offer from Brightwell Foods in June, saying the deal undervalued the company by 300 million dollars.',
  'The combined company will employ 12,000 people and have its head office in Leeds.',
  "Brightwell's chief executive, Hannah Oyelaran, will run the combined company.",
  'Shares in Ostend Dairy rose 18 percent on the news.',
].join(' ');

// A match report whose headline tells who won; the text says "beat", and the sentence that repeats
// "Game 5" names no player (its capitals, "GMT", are no name).
const MATCH_TITLE = 'Rahimi levels title match with win in Game 5';
const MATCH = [
  'OSTRAVA — Challenger Sara Rahimi beat the champion Tomasz Wolny in 36 moves on Monday to level the title match at 2.5 points each.',
  'Game 5 began at 3pm local time (14:00 GMT) and lasted a little over five hours.',
  'The organisers said the game had been watched online by 900,000 people.',
  'Game 6 is on Wednesday.',
].join('\n\n');

// The total is in the lead; a later sentence, which shares more words with the question, gives a
// contribution towards it.
const TRAM = [
  'BERGHALL — The regional government on Monday approved a 480-million-euro tram line linking the airport to the city centre.',
  'Work on the first section will begin in April and take two years, officials said.',
  'The national transport fund said the tram line fitted its plans and that it would contribute 120 million euros towards the cost.',
  'Opponents said the money would be better spent on buses.',
].join(' ');

const ask = (question: string, text: string) => answerQuestion(question, [{ id: 'story', text }], { wholeSentenceChars: 800 })?.span.text;

describe('answers on news that fit the question', () => {
  it('answers "how much will X cost" with the amount tied to X, not a side item\'s cost in a sentence naming X', () => {
    const answer = ask('How much will the flood barrier cost?', BARRIER);
    expect(answer).toContain('210 million euros');
  });

  it('answers "how much is X paying for Y" with the price, though the lead calls Y "its rival"', () => {
    const answer = ask('How much is Brightwell paying for Ostend Dairy?', MERGER);
    expect(answer).toContain('1.8 billion dollars');
  });

  it('answers "who won" with the full name that opens the sentence, not an earlier winner', () => {
    const answer = ask('Who won the mayoral election?', ELECTION);
    expect(answer).toContain('Elena Korsakova');
  });
});

describe('who-questions want a name', () => {
  it('read "won" as the asked event next to a name, though the stop list drops it ("Who won Game 5?")', () => {
    const answer = answerQuestion('Who won Game 5?', [{ id: 'match', text: MATCH, title: MATCH_TITLE }])?.span.text;
    expect(answer).toContain('Sara Rahimi');
    expect(analyzeQuestion('Who won Game 5?').event).toBe('win');
    // "won" is still no term to match: a sentence with "won" and no name gains nothing from it.
    expect(analyzeQuestion('Who won Game 5?').terms).not.toContain('win');
  });
});

describe('how-much questions want the total', () => {
  it('cite the amount of the asked thing, not a share given towards it', () => {
    expect(ask('How much will the tram line cost?', TRAM)).toContain('480-million-euro');
  });
});

describe('the asked event of a question', () => {
  it('is the verb that ends a question with an auxiliary', () => {
    expect(analyzeQuestion('When did the dam break?').event).toBe(analyzeQuestion('break').terms[0]);
    expect(analyzeQuestion('How much will the flood barrier cost?').event).toBe('cost');
  });

  it('is the verb after the wh-phrase when the wh-phrase is the subject', () => {
    expect(analyzeQuestion('Who will build the flood barrier?').event).toBe('build');
    expect(analyzeQuestion('How many people lost their homes in the earthquake?').event).toBe(analyzeQuestion('lose').terms[0]);
  });

  it('leaves "much" in "how much" out of the words to look for', () => {
    expect(analyzeQuestion('How much will the flood barrier cost?').terms).toEqual(['flood', 'barrier', 'cost']);
  });
});

// A wire story whose headline words the question uses, while its lead tells the fact in other words.
const PLANT = [
  'KESTRUP, Denmark — Halvard Cells will start making batteries at its plant outside Kestrup in the spring, a year ahead of plan, and will hire 900 people by the end of 2027, the company said on Monday.',
  'The first production line passed its final safety check last week.',
  'Two more lines are due within nine months, and the company said it would train its staff at a college in Aarhus.',
].join('\n\n');

describe('answers that read the headline with the lead', () => {
  it('finds the lead when the question is worded like the headline ("creating 900 jobs" over "will hire 900 people")', () => {
    const question = 'How many jobs will the new plant create?';
    const answer = answerQuestion(question, [{ id: 'plant', text: PLANT, title: 'Halvard Cells to open Kestrup plant early, creating 900 jobs' }]);
    expect(answer?.span.text).toContain('will hire 900 people');
    // Without the headline the text alone shares too little with the question to answer it.
    expect(answerQuestion(question, [{ id: 'plant-text', text: PLANT }])).toBeNull();
  });
});

// The lead counts children; the amount in a currency is two sentences down.
const VACCINES = [
  'MARLOW BAY — The health ministry will offer a measles vaccine to two million children from March, doubling the reach of its vaccine campaign, it said on Friday.',
  'Clinics in the northern districts will be the first to receive doses.',
  'The ministry said the expansion would cost about 4 billion shillings over three years, paid jointly by the government and donors.',
].join(' ');

describe('answers to "how much" about money', () => {
  it('want an amount in a currency, not another number of the lead ("two million children")', () => {
    expect(ask('How much will the vaccine campaign cost?', VACCINES)).toContain('4 billion shillings');
  });

  it('read a question about money as such, and read "£600m" and "$1.8bn" as amounts', () => {
    expect(analyzeQuestion('How much will the vaccine campaign cost?').money).toBe(true);
    expect(analyzeQuestion('How much rain fell overnight?').money).toBe(false);
    expect(
      ask(
        'How much did Tarn Foods pay for the brewery?',
        'Tarn Foods, which employs 600 people, bought the Kilby brewery on Monday. The price was £600m, the company said.',
      ),
    ).toContain('£600m');
  });
});

// Readers' comments, each quote signed on its own line after it.
const COMMENTS = [
  'Voters share their verdict on the first debate.',
  '',
  '“He answered none of the questions he was asked and spent the night interrupting.” ― Marisol Ortega',
  '“I would rather live through a flood than live in a country he runs.” ― Renata Villalobos',
  '“Nobody in my family will vote for him after tonight.” ― Carmen Duarte',
].join('\n');

describe('answers over signed quotes', () => {
  it("never glue one quote's signature to the next quote: the answer shows the quote with its own signer", () => {
    const answer = ask('Who would rather live through a flood?', COMMENTS) ?? '';
    expect(answer).toContain('flood');
    expect(answer).not.toContain('Marisol Ortega');
  });
});
