import { describe, expect, it } from 'vitest';
import { findEntity, nameKey, namesEntity } from '../../src/features/names.ts';

describe('one entity, however it is named', () => {
  it('treats a surname, the full name and a titled name as one person', () => {
    for (const typed of ['Putin', 'Vladimir Putin', 'President Putin', 'president vladimir putin', 'Putin’s']) {
      expect(namesEntity(typed, 'Vladimir Putin')).toBe(true);
      expect(nameKey(typed)).toBe('putin');
    }
    expect(namesEntity('Vladimir Putin', 'Putin')).toBe(true);
  });

  it('does not take a first name alone, or another person with the same surname', () => {
    expect(namesEntity('Vladimir', 'Vladimir Putin')).toBe(false);
    expect(namesEntity('Anna Berg', 'Ola Berg')).toBe(false);
    expect(namesEntity('', 'Ola Berg')).toBe(false);
  });

  it('ignores accents, case and company suffixes', () => {
    expect(namesEntity('jose muller', 'José Müller')).toBe(true);
    expect(namesEntity('Meridian Bunkering', 'Meridian Bunkering Ltd')).toBe(true);
  });

  it('finds the fullest tagged entity for a typed name, and matches topics whole', () => {
    const tags = { people: ['Vladimir Putin', 'Anna Berg'], organizations: ['Kremlin'], places: ['Moscow'], topics: ['climate', 'climate policy'] };
    expect(findEntity('President Putin', tags)).toEqual({ name: 'Vladimir Putin', kind: 'person' });
    expect(findEntity('Climate', tags)).toEqual({ name: 'climate', kind: 'topic' });
    expect(findEntity('Berlin', tags)).toBeUndefined();
  });
});
