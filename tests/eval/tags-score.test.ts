import { describe, expect, it } from 'vitest';
import { detokenise, parseConll, scoreSet } from '../../src/eval/tags.eval.ts';

// An invented two-article CoNLL file (CRLF, first article without its -DOCSTART- line).
const conll = [
  'HARBOUR NNP I-NP I-ORG',
  'TALKS NNP I-NP O',
  '',
  'PORTVALE NNP I-NP I-LOC',
  '1996-09-01 CD I-NP O',
  '',
  'Mira NNP I-NP I-PER',
  'Oskarsen NNP I-NP I-PER',
  "'s POS B-NP O",
  'group NN I-NP O',
  '( NN O O',
  'NHA NNP I-NP I-ORG',
  ') NN O O',
  'said VBD I-VP O',
  '" NN O O',
  'fine JJ O O',
  '" NN O O',
  '. . O O',
  '',
  'Oskarsen NNP I-NP I-PER',
  'left VBD I-VP O',
  '. . O O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Tovik NNP I-NP I-LOC',
  'Dunmore NNP B-NP B-LOC',
  'won VBD I-VP O',
  '',
].join('\r\n');

describe('CoNLL tag scoring', () => {
  it('turns tokens into prose and collects the distinct names per type', () => {
    const docs = parseConll(conll);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.text).toBe(`HARBOUR TALKS\nPORTVALE 1996-09-01\nMira Oskarsen's group (NHA) said "fine".\nOskarsen left.`);
    expect(docs[0]!.names).toEqual({ PER: ['Mira Oskarsen', 'Oskarsen'], ORG: ['HARBOUR', 'NHA'], LOC: ['PORTVALE'] });
    // B- starts a second name of the same type right after the first.
    expect(docs[1]!.names.LOC).toEqual(['Tovik', 'Dunmore']);
  });

  it('glues clitics and brackets', () => {
    expect(detokenise(['It', 'does', "n't", 'cost', '$', '5', '(', 'net', ')', '.'])).toBe("It doesn't cost $5 (net).");
  });

  it('counts a short form as its entity and a second name for it as a false positive', () => {
    expect(scoreSet(['Mira Oskarsen', 'Oskarsen'], ['Oskarsen'])).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scoreSet(['Mira Oskarsen'], ['Mira Oskarsen', 'Mira'])).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(scoreSet(['U.S.', 'Britain'], ['United States', 'Portvale'])).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
});
