import { describe, expect, it } from 'vitest';
import { topicLabels, topicLabelsOf } from '../../src/engine/entities/topics.ts';

describe('topicLabels', () => {
  it('labels a subject named by several of its words', () => {
    expect(topicLabels('The vote was close. Voters went to the polls, and the ballot count ran late.')).toEqual(['elections']);
  });

  it('reads whole words only, as word boundaries set them apart', () => {
    // Each listed word here sits inside a longer word, so none of them counts.
    expect(topicLabels('Supervotes, preelection, electionsx and voter_id were the words of the day.')).toEqual([]);
  });

  it('counts a phrase for its label and its words for the other labels', () => {
    const text = 'Nuclear power is costly, nuclear power plants too; the power plant closed';
    expect(topicLabels(`${text}.`)).toEqual(['energy']);
    // "nuclear" in "nuclear power" still counts for defence, which "troops" then completes.
    expect(topicLabels(`${text} and troops stood by.`)).toEqual(['energy', 'security and defence']);
  });

  it('reads a phrase joined by one space or a hyphen', () => {
    expect(topicLabels('Swing states matter: a swing-state survey.')).toEqual([]);
    expect(topicLabels('Swing states matter: a swing state survey.')).toEqual(['elections']);
  });

  it('asks more hits of a longer text', () => {
    const filler = 'word '.repeat(1200);
    expect(topicLabels(`${filler}vote ballot`)).toEqual([]);
    expect(topicLabels(`${filler}vote ballot polls`)).toEqual(['elections']);
  });

  it('reads a title and its text as their join, letters that lower-case to ASCII included', () => {
    // The Kelvin sign lower-cases to "k"; "İ" to "i" and a combining dot, which ends the word there.
    const cases: [string, string][] = [
      ['Fares', 'Ferry stoc\u212as and mar\u212aets fell as the ferry line cut fares.'],
      ['', 'The ta\u0130 rose. Voters went to the polls; the ballot count ran late.'],
      ['Vote count', 'Ballot papers reached the hall late.'],
    ];
    for (const [title, text] of cases) expect(topicLabelsOf([title, text])).toEqual(topicLabels(`${title}\n${text}`));
    expect(topicLabelsOf(['Fares', cases[0]![1]])).toEqual(['economy']);
    expect(topicLabelsOf(['Vote count', 'Ballot papers reached the hall late.'])).toEqual(['elections']);
  });

  it('does not call a council vote on a flood barrier an election: shared words need an election word too', () => {
    const text =
      'Councillors voted on Tuesday to build a flood barrier along the river. The vote followed a long debate, and a second vote on its cost is due next month after more debate.';
    expect(topicLabels(text)).not.toContain('elections');
    expect(topicLabels(`${text} The mayor faces an election in May.`)).toContain('elections');
  });

  it('does not call a review of media players and a bid match sport, but knows rugby and golf', () => {
    const text =
      'The new media player plays video from a memory card. Players from rival makers cost more, and the firm hopes to match their sales goal by spring, its goal for the year.';
    expect(topicLabels(text)).not.toContain('sport');
    expect(topicLabels('The rugby side won the match in the final minute. Their golf star also won, and the coach praised both players.')).toContain('sport');
  });

  it('labels Westminster politics from its own words', () => {
    const text = 'MPs in the Commons backed the plan after the cabinet met in Downing Street. The Tories said the prime minister had given way.';
    expect(topicLabels(text)).toContain('politics');
  });
});
