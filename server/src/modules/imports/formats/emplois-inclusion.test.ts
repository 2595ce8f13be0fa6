import { describe, expect, it } from 'vitest';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import { SupplierSource } from '../../suppliers/supplier-source.js';
import { collectResults } from './collect-results.js';
import { emploisInclusionReader, mapEmploisSiae } from './emplois-inclusion.js';
import { expectedRecord, fixturePath } from '../test-records.js';

const FIXTURE = fixturePath('emplois-inclusion-siaes.json');

const siae = (line: number, fields: Parameters<typeof expectedRecord>[2]) => expectedRecord(SupplierSource.EMPLOIS_INCLUSION, line, fields);

describe('Les emplois de l’inclusion reader', () => {
  it('reads an API page field by field', async () => {
    const { records } = await collectResults(emploisInclusionReader.read(FIXTURE, {}));
    expect(records).toEqual([
      siae(1, {
        sourceId: '52369874400050:ACI',
        siret: '52369874400050',
        legalName: 'ASSOCIATION TREMPLIN VERT',
        brandName: 'Tremplin Vert',
        kind: SupplierKind.ACI,
        description: 'Chantier d’insertion en espaces verts et petite maçonnerie paysagère.',
        address: { street: '3 rue des Peupliers, Maison des associations', postalCode: '21000', communeCode: null, communeName: 'Dijon' },
        website: 'https://tremplin-vert.example.org',
        sourceUpdatedAt: new Date('2025-10-02T07:30:00Z'),
      }),
      siae(2, {
        sourceId: '52369874499904:EI',
        siret: '52369874499904', // an antenna (NIC 999xx): passed as it is
        legalName: 'TREMPLIN SERVICES',
        kind: SupplierKind.EI,
        address: { street: '12 avenue Jean Jaurès', postalCode: '21000', communeCode: null, communeName: 'Dijon' },
        sourceUpdatedAt: new Date('2025-01-15T09:00:00Z'),
      }),
      siae(3, {
        sourceId: '52369874400050:ACIPHC',
        siret: '52369874400050',
        legalName: 'ASSOCIATION TREMPLIN VERT',
        brandName: 'Tremplin Vert – premières heures',
        kind: SupplierKind.ACI,
        address: { street: '3 rue des Peupliers', postalCode: '21000', communeCode: null, communeName: 'Dijon' },
        sourceUpdatedAt: new Date('2024-09-01T06:00:00Z'),
      }),
      siae(4, {
        sourceId: '98231',
        siret: '79812345100113',
        legalName: 'GEIQ PROPRETE BOURGOGNE',
        kind: SupplierKind.GEIQ,
        description: 'Groupement d’employeurs de la propreté.',
        address: { street: '1 place de la République', postalCode: '71100', communeCode: null, communeName: 'Chalon-sur-Saône' },
        website: 'https://geiq-proprete.example.org',
        sourceUpdatedAt: new Date('2023-03-03T11:00:00Z'), // mis_a_jour_le null: cree_le
      }),
    ]);
  });

  it('skips OPCS, rejects nameless rows and unknown kinds', async () => {
    const { skipped, rejected } = await collectResults(emploisInclusionReader.read(FIXTURE, {}));
    expect(skipped).toEqual([{ line: 5, reason: 'type de structure hors périmètre (OPCS)' }]);
    expect(rejected).toEqual([
      { line: 6, reason: 'Raison sociale manquante (raison_sociale)' },
      { line: 7, reason: 'Type de structure inconnu (type)', value: 'ZZZ' },
    ]);
  });

  it('reads the `kind` spelling and refuses a row with neither id nor SIRET', () => {
    expect(mapEmploisSiae({ kind: 'EATT', raison_sociale: 'X', siret: '41872653500010' }, 1)).toMatchObject({
      record: { kind: SupplierKind.EATT, sourceId: '41872653500010:EATT' },
    });
    expect(mapEmploisSiae({ type: 'EI', raison_sociale: 'X' }, 2)).toEqual({ rejected: { line: 2, reason: 'Identifiant manquant (ni id ni SIRET)' } });
  });
});
