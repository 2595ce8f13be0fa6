import { describe, expect, it } from 'vitest';
import { matchSentence, missingSentence, type MatchReasonsLike } from './match-words';

const reasons = (change: Partial<MatchReasonsLike>): MatchReasonsLike => ({ categories: [], offerings: [], textFields: [], missingWords: [], ...change });

describe('matchSentence', () => {
  it('names the activities and the best offering that matched', () => {
    expect(matchSentence(reasons({ categories: [{ name: 'Nettoyage de bureaux' }], offerings: [{ title: 'Entretien de locaux' }, { title: 'Vitrerie' }] }))).toBe(
      'Correspond : Nettoyage de bureaux · offre «\u00a0Entretien de locaux\u00a0»',
    );
  });

  it('keeps a long list of activities short', () => {
    const categories = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name }));
    expect(matchSentence(reasons({ categories }))).toBe('Correspond : A, B, C (+ 2)');
  });

  it('says first that the structure was found by its name or SIRET', () => {
    expect(matchSentence(reasons({ textFields: ['NAME', 'DESCRIPTION'] }))).toBe('Correspond : son nom');
    expect(matchSentence(reasons({ textFields: ['SIRET'] }))).toBe('Correspond : son SIRET');
    expect(matchSentence(reasons({ textFields: ['NAME', 'ACTIVITY'], categories: [{ name: 'Traiteur' }] }))).toBe('Correspond : son nom · Traiteur');
  });

  it('says where the words were found when no activity or offering says it', () => {
    expect(matchSentence(reasons({ textFields: ['KEYWORD'] }))).toBe('Correspond : les mots-clés de ses activités');
    expect(matchSentence(reasons({ textFields: ['DESCRIPTION'] }))).toBe('Correspond : sa présentation');
  });

  it('says nothing for a search that named nothing', () => {
    expect(matchSentence(reasons({}))).toBeNull();
  });
});

describe('missingSentence', () => {
  it('lists the words the supplier lacks', () => {
    expect(missingSentence(reasons({ missingWords: ['séminaire'] }))).toBe('Mot absent : séminaire');
    expect(missingSentence(reasons({ missingWords: ['séminaire', 'vegan'] }))).toBe('Mots absents : séminaire, vegan');
    expect(missingSentence(reasons({}))).toBeNull();
  });
});
