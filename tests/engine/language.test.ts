import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/engine/index.ts';
import { detectLanguage } from '../../src/engine/language.ts';
import { splitSentences } from '../../src/engine/sentences.ts';
import { consoleChats } from '../console/support.ts';
import type { Story } from '../../src/core/types.ts';
import { renderMessage as renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderMessage as renderSlack } from '../../src/adapters/slack/render.ts';
import { renderText } from '../../src/adapters/console/render.ts';

// Short articles written for these tests (invented people and places).
const GERMAN =
  'Die Stadt Kellerbach hat am 3. Oktober eine neue Brücke über den Fluss eröffnet. ' +
  '„Wir haben zehn Jahre auf diesen Tag gewartet“, sagte Bürgermeisterin Greta Hollmann bei der Eröffnung. ' +
  'Der Bau hat nach Angaben der Stadt rund 40 Millionen Euro gekostet, z. B. für die neuen Radwege. ' +
  'Die alte Fähre wird im Frühjahr eingestellt, weil sie nicht mehr gebraucht wird.';
const FRENCH =
  'Le conseil municipal de Vernac a voté lundi la construction d’une nouvelle piscine. ' +
  '« Ce projet est attendu depuis des années », a déclaré la maire, Odile Ferrand. ' +
  'Les travaux doivent commencer au printemps et durer deux ans.';
const SPANISH =
  'El ayuntamiento de Valdoria aprobó el lunes un nuevo plan de transporte para la ciudad. La alcaldesa dijo que las obras empezarán en marzo y que el plan costará más de lo previsto.';
const ITALIAN =
  'Il consiglio comunale di Brenta ha approvato ieri il nuovo piano per il traffico della città. Il sindaco ha detto che i lavori inizieranno in primavera e che il costo sarà più alto del previsto.';
const DUTCH =
  'De gemeenteraad van Hollum heeft dinsdag een nieuw plan voor het verkeer in de stad goedgekeurd. De burgemeester zei dat het werk in het voorjaar begint en dat het plan meer kost dan verwacht.';
const JAPANESE = '北浜市は月曜日、新しい橋の建設を始めると発表した。工事は三年かかる見込みだ。市長は「長年の願いがかなう」と話した。';
const CHINESE = '南湖市政府周一宣布将建设一座新桥。工程预计需要三年时间！市长表示：“这是市民多年的愿望。”这座桥将连接两岸的新区？';
const RUSSIAN =
  'Городской совет Северска в понедельник одобрил строительство нового моста через реку. Мэр сказал, что работы начнутся весной и займут три года.';
const ENGLISH =
  'The city of Kellerbach opened a new bridge over the river on Tuesday. ' +
  '"We have waited ten years for this day," said the mayor, Greta Hollmann, at the opening. ' +
  'The bridge cost about 40 million euros, the city said.';

describe('detectLanguage', () => {
  it('tells the languages apart by their function words and scripts', () => {
    expect(detectLanguage(ENGLISH)).toBe('en');
    expect(detectLanguage(GERMAN)).toBe('de');
    expect(detectLanguage(FRENCH)).toBe('fr');
    expect(detectLanguage(SPANISH)).toBe('es');
    expect(detectLanguage(ITALIAN)).toBe('it');
    expect(detectLanguage(DUTCH)).toBe('nl');
    expect(detectLanguage(JAPANESE)).toBe('ja');
    expect(detectLanguage(CHINESE)).toBe('zh');
    expect(detectLanguage(RUSSIAN)).toBe('ru');
  });

  it('does not guess from too little text', () => {
    expect(detectLanguage('Kellerbach 2024')).toBe('und');
  });
});

describe('sentences in other languages', () => {
  it('splits Japanese and Chinese at 。！？ and keeps a closing 」 or ” with its sentence', () => {
    expect(splitSentences(JAPANESE).map((s) => s.text)).toEqual([
      '北浜市は月曜日、新しい橋の建設を始めると発表した。',
      '工事は三年かかる見込みだ。',
      '市長は「長年の願いがかなう」と話した。',
    ]);
    expect(splitSentences(CHINESE).map((s) => s.text)).toEqual([
      '南湖市政府周一宣布将建设一座新桥。',
      '工程预计需要三年时间！',
      '市长表示：“这是市民多年的愿望。”',
      '这座桥将连接两岸的新区？',
    ]);
  });

  it('reads German „…“ quotes, ordinal dates and abbreviations without false breaks', () => {
    const sentences = splitSentences(GERMAN).map((s) => s.text);
    expect(sentences).toHaveLength(4);
    expect(sentences[0]).toContain('am 3. Oktober eine neue Brücke');
    expect(sentences[1]).toBe('„Wir haben zehn Jahre auf diesen Tag gewartet“, sagte Bürgermeisterin Greta Hollmann bei der Eröffnung.');
    expect(sentences[2]).toContain('z. B. für die neuen Radwege.');
  });

  it('reads French « … » quotes', () => {
    const sentences = splitSentences(FRENCH).map((s) => s.text);
    expect(sentences).toHaveLength(3);
    expect(sentences[1]).toBe('« Ce projet est attendu depuis des années », a déclaré la maire, Odile Ferrand.');
  });
});

describe('analysis of an article that is not in English', () => {
  it('keeps the summary and leaves tags, quotes and timeline empty, saying which language it read', () => {
    const analysis = analyzeArticle({ id: 'de', text: GERMAN, title: 'Neue Brücke in Kellerbach' });
    expect(analysis.language).toBe('de');
    expect(analysis.summary.length).toBeGreaterThan(0);
    expect(analysis.summary[0]!.text).toContain('Die Stadt Kellerbach hat am 3. Oktober');
    expect(analysis.quotes).toEqual([]);
    expect(analysis.timeline).toEqual([]);
    expect(analysis.tags).toEqual({ people: [], organizations: [], places: [], topics: [] });
  });

  it('still tags, quotes and dates an English article', () => {
    const analysis = analyzeArticle({ id: 'en', text: ENGLISH, publishedAt: '2026-05-05T10:00:00Z' });
    expect(analysis.language).toBe('en');
    expect(analysis.quotes.length).toBeGreaterThan(0);
    expect(analysis.tags.people.length).toBeGreaterThan(0);
  });
});

describe('replies about an article that is not in English', () => {
  const chat = consoleChats();

  it('/quotes and /timeline say the built-in engine reads English instead of showing none', async () => {
    const { session, printed } = chat();
    await session.handleLine(`/quotes ${GERMAN}`);
    expect(printed()).toContain('This article is in German. The built-in engine reads English, so it shows no quotes for it.');
    expect(printed()).not.toContain('No direct quotes in this article.');
    await session.handleLine(`/timeline ${GERMAN}`);
    expect(printed()).toContain('so it shows no timeline for it');
    expect(printed()).not.toContain('No dated events in this article.');
  });

  it('/summary shows the summary and says tags, quotes and timeline need a model engine', async () => {
    const { session, printed } = chat();
    await session.handleLine(`/summary ${GERMAN}`);
    expect(printed()).toContain('Die Stadt Kellerbach hat am 3. Oktober');
    expect(printed()).toContain('A model engine handles other languages');
  });
});

describe('a digest item for a story that is not in English', () => {
  const storyOf = (text: string, id: string): Story => ({
    id,
    title: 'Kellerbach bridge',
    articles: [{ id, text, url: `https://news.example.com/${id}` }],
    analysis: analyzeArticle({ id, text }),
    sources: [{ name: 'Kellerbach Post', url: 'https://news.example.com' }],
    firstSeenAt: '2026-10-03T08:00:00Z',
  });
  const digestOf = (story: Story) => ({ kind: 'digest' as const, digest: { channelId: 'c', createdAt: '2026-10-03T09:00:00Z', stories: [story] } });
  const NOTE = 'In German: no tags, as the built-in engine reads English';

  it('says, in place of its tags, that the built-in engine reads English — on Discord, Slack and the terminal', () => {
    const german = digestOf(storyOf(GERMAN, 'de1'));
    expect(JSON.stringify(renderDiscord(german))).toContain(NOTE);
    expect(JSON.stringify(renderSlack(german))).toContain(NOTE);
    expect(renderText(german)).toContain(NOTE);
  });

  it('shows tags and no language note for an English story', () => {
    const english = digestOf(storyOf(ENGLISH, 'en1'));
    for (const rendered of [JSON.stringify(renderDiscord(english)), JSON.stringify(renderSlack(english)), renderText(english)]) {
      expect(rendered).not.toContain('no tags, as the built-in engine reads English');
      expect(rendered).toContain('Greta Hollmann');
    }
  });
});
