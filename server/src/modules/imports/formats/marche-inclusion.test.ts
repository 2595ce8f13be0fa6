import { describe, expect, it } from 'vitest';
import { ServiceType } from '../../suppliers/service-area.js';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import { SupplierSource } from '../../suppliers/supplier-source.js';
import { collectResults } from './collect-results.js';
import { mapMarcheSiae, marcheInclusionReader } from './marche-inclusion.js';
import { fixturePath } from '../test-records.js';

const FIXTURE = fixturePath('marche-inclusion-siae.json');

describe('Le marché de l’inclusion reader', () => {
  it('reads an API page field by field', async () => {
    const { records } = await collectResults(marcheInclusionReader.read(FIXTURE, {}));
    expect(records).toEqual([
      {
        line: 1,
        source: SupplierSource.MARCHE_INCLUSION,
        sourceId: '3144',
        siret: '75395128400151',
        legalName: 'ECO PROPRE 69',
        brandName: 'Éco Propre',
        kind: SupplierKind.EI,
        description:
          'Prestations proposées :\n- Nettoyage de bureaux : Passages quotidiens ou hebdomadaires, produits écolabellisés.\n- Lavage de véhicules sans eau',
        address: { street: '8 rue de Marseille', postalCode: '69007', communeCode: null, communeName: 'Lyon' },
        position: { latitude: 45.754, longitude: 4.8427 },
        email: 'devis@eco-propre.example.org',
        phone: '04 72 00 00 00',
        website: 'https://eco-propre.example.org',
        serviceTypes: [ServiceType.SERVICES, ServiceType.GOODS],
        tags: ["Fédération des entreprises d'insertion", 'Label RSEi'],
        activities: ['Nettoyage de locaux', 'Entretien de véhicules'],
        sourceUpdatedAt: new Date('2025-09-18T14:40:12.123Z'),
      },
      {
        line: 2,
        source: SupplierSource.MARCHE_INCLUSION,
        sourceId: '5120',
        siret: '85245612800168',
        legalName: 'INTERIM AVENIR',
        brandName: null,
        kind: SupplierKind.ETTI,
        description: null,
        address: { street: '2 quai de la Fosse', postalCode: '44000', communeCode: null, communeName: 'Nantes' },
        position: { latitude: 47.2125, longitude: -1.56 },
        email: null,
        phone: null,
        website: null,
        serviceTypes: [ServiceType.STAFF_PROVISION],
        tags: [],
        activities: ['Logistique', 'BTP'],
        sourceUpdatedAt: new Date('2022-01-10T08:00:00Z'), // updated_at null: created_at
      },
      {
        line: 3,
        source: SupplierSource.MARCHE_INCLUSION,
        sourceId: '6001',
        siret: '96325874400175',
        legalName: 'ESAT DES DEUX RIVES',
        brandName: 'Les Deux Rives',
        kind: SupplierKind.ESAT,
        description: null,
        address: { street: 'Zone artisanale des Forges', postalCode: '89100', communeCode: null, communeName: 'Sens' },
        position: null,
        email: null,
        phone: null,
        website: null,
        serviceTypes: [ServiceType.STAFF_PROVISION, ServiceType.SERVICES, ServiceType.GOODS],
        tags: ['Réseau Gesat'],
        activities: ['Imprimerie'],
        sourceUpdatedAt: new Date('2024-11-02T10:11:11Z'),
      },
    ]);
  });

  it('skips kinds out of scope and inactive structures, rejects unknown kinds and nameless rows', async () => {
    const { skipped, rejected } = await collectResults(marcheInclusionReader.read(FIXTURE, {}));
    expect(skipped).toEqual([
      { line: 4, reason: 'type de structure hors périmètre (SEP)' },
      { line: 5, reason: 'structure désactivée dans la source' },
    ]);
    expect(rejected).toEqual([
      { line: 6, reason: 'Type de structure inconnu (kind)', value: 'XYZ' },
      { line: 7, reason: 'Nom de la structure manquant (name)' },
    ]);
  });

  it('falls back on the SIRET as sourceId and on email/phone/website without prefix', () => {
    const result = mapMarcheSiae(
      { name: 'X', kind: 'EA', siret: '418 726 535 00010', email: 'a@example.org', phone: '01', website: 'https://x.example.org', post_code: 8000 },
      9,
    );
    expect(result).toMatchObject({
      record: { line: 9, sourceId: '41872653500010', email: 'a@example.org', phone: '01', website: 'https://x.example.org', address: { postalCode: '08000' } },
    });
    expect(mapMarcheSiae({ name: 'X', kind: 'EA' }, 10)).toEqual({ rejected: { line: 10, reason: 'Identifiant manquant (ni id ni SIRET)' } });
  });
});
