import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import { SupplierSource } from '../../suppliers/supplier-source.js';
import { collectResults } from './collect-results.js';
import { dataInclusionCsvReader, dataInclusionJsonReader } from './data-inclusion.js';
import { FormatError } from './format-error.js';
import { expectedRecord, fixturePath } from '../test-records.js';


const structure = (line: number, fields: Parameters<typeof expectedRecord>[2]) => expectedRecord(SupplierSource.DATA_INCLUSION, line, fields);

describe('data·inclusion CSV (v1, as published)', () => {
  it('reads each structure field by field', async () => {
    const { records } = await collectResults(dataInclusionCsvReader.read(fixturePath('data-inclusion-structures.csv'), {}));
    expect(records).toEqual([
      structure(2, {
        sourceId: 'emplois-de-linclusion--b5a3e2c4-1f7d-4c55-9a0e-3f1c2d4e5a01',
        siret: '41872653500010',
        legalName: 'Les Ateliers du Rhône',
        kind: SupplierKind.EI,
        description: 'Entreprise d’insertion spécialisée dans le second œuvre et la rénovation de logements sociaux.',
        address: { street: '12 rue Paul Bert, Bâtiment B', postalCode: '69003', communeCode: '69383', communeName: 'Lyon' },
        position: { latitude: 45.759012, longitude: 4.846711 },
        email: 'contact@ateliers-rhone.example.org',
        phone: '+33478000001',
        website: 'https://ateliers-rhone.example.org',
        tags: ['COORACE'],
        sourceUpdatedAt: new Date('2025-10-14T00:00:00Z'),
      }),
      structure(3, {
        sourceId: 'emplois-de-linclusion--0d6e7f80-2a3b-4c5d-8e9f-a0b1c2d3e4f5',
        siret: '50123498300028',
        legalName: 'Chantier Belleville, espaces verts',
        kind: SupplierKind.ACI,
        description: 'Atelier chantier d’insertion : entretien d’espaces verts,\nvégétalisation de cours d’école et maraîchage urbain.',
        address: { street: '5 passage de la Folie-Regnault', postalCode: '75011', communeCode: '75111', communeName: 'Paris' },
        position: { latitude: 48.85806, longitude: 2.38182 },
        email: 'accueil@chantier-belleville.example.org',
        tags: ['Chantier école'],
        sourceUpdatedAt: new Date(1760400000000), // epoch milliseconds in the CSV
      }),
      structure(6, {
        sourceId: 'soliguide--esat-marseille-5',
        siret: '',
        legalName: 'ESAT Les Calanques',
        kind: SupplierKind.ESAT,
        description: 'Établissement et service d’aide par le travail : blanchisserie, conditionnement, restauration collective.',
        address: { street: '18 boulevard Baille', postalCode: '13005', communeCode: '13205', communeName: 'Marseille' },
        position: { latitude: 43.2909, longitude: 5.3901 },
        phone: '04 91 00 00 00',
        sourceUpdatedAt: new Date('2025-07-30T00:00:00Z'),
      }),
      structure(8, {
        sourceId: 'dora--ea-bourg-01',
        siret: '44781236300045',
        legalName: 'Entreprise adaptée de l’Ain',
        kind: SupplierKind.EA,
        description: 'Entreprise adaptée : tri de courrier, numérisation et câblage électrique en sous-traitance.',
        address: { street: '3 avenue de Lyon', postalCode: '01000', communeCode: '01053', communeName: 'Bourg-en-Bresse' },
        email: 'contact@ea-ain.example.org',
        phone: '+33474000000',
        website: 'http://ea-ain.example.org',
        tags: ['UNEA'],
        sourceUpdatedAt: new Date('2024-12-31T00:00:00Z'),
      }),
      structure(11, {
        sourceId: 'emplois-de-linclusion--etti-tours',
        siret: '7345982120007',
        legalName: 'Tours Intérim Solidaire',
        kind: SupplierKind.ETTI,
        description: 'Entreprise de travail temporaire d’insertion : missions dans le BTP, la logistique et l’industrie.',
        address: { street: '20 rue Nationale', postalCode: '37000', communeCode: '37261', communeName: 'Tours' },
        position: { latitude: 47.3941, longitude: 0.6888 },
        sourceUpdatedAt: null, // "hier"
      }),
      structure(13, {
        sourceId: 'emplois-de-linclusion--eiti-rennes',
        siret: '84512376900091',
        legalName: 'Coopérative Indépendants 35',
        kind: SupplierKind.EITI,
        description: 'Entreprise d’insertion par le travail indépendant : accompagnement de micro-entrepreneurs.',
        address: { street: '8 quai Lamartine', postalCode: '35000', communeCode: '35238', communeName: 'Rennes' },
        position: { latitude: 48.1121, longitude: -1.6815 },
        email: 'bonjour@coop35.example.org',
        sourceUpdatedAt: new Date('2025-11-20T00:00:00Z'),
      }),
    ]);
  });

  it('skips other networks, rejects bad rows on their own line (multi-line fields counted) and reads on after a broken quote', async () => {
    const { rejected, skipped, order } = await collectResults(dataInclusionCsvReader.read(fixturePath('data-inclusion-structures.csv'), {}));
    expect(skipped).toEqual([
      { line: 5, reason: 'réseau hors périmètre' },
      { line: 7, reason: 'réseau hors périmètre' },
    ]);
    expect(rejected).toEqual([
      { line: 9, reason: 'Nom de la structure manquant (colonne nom)' },
      { line: 10, reason: 'Ligne illisible : 21 colonnes au lieu de 20', value: expect.stringMatching(/^emplois-de-linclusion--extra-col,/) },
      { line: 12, reason: 'Ligne illisible : guillemet ouvert et jamais fermé', value: expect.stringMatching(/^emplois-de-linclusion--broken,/) },
    ]);
    expect(order).toEqual([
      ['record', 2],
      ['record', 3],
      ['skipped', 5],
      ['record', 6],
      ['skipped', 7],
      ['record', 8],
      ['rejected', 9],
      ['rejected', 10],
      ['record', 11],
      ['rejected', 12],
      ['record', 13],
    ]);
  });
});

describe('data·inclusion CSV (v0)', () => {
  it('takes the kind from typologie, the description from presentation_detail or _resume, tags from labels, activities from thematiques', async () => {
    const { records, skipped, rejected } = await collectResults(dataInclusionCsvReader.read(fixturePath('data-inclusion-structures-v0.csv'), {}));
    expect(records).toEqual([
      structure(2, {
        sourceId: 'emplois-de-linclusion--4121',
        siret: '73459821200078',
        legalName: 'Recyclerie du Val de Sèvre',
        kind: SupplierKind.ACI,
        description: 'Atelier chantier d’insertion : collecte d’encombrants, réparation de petit électroménager, boutique solidaire ouverte du mardi au samedi.',
        address: { street: '14 rue de la Gare', postalCode: '79000', communeCode: '79191', communeName: 'Niort' },
        position: { latitude: 46.3237, longitude: -0.458 },
        email: 'contact@recyclerie-sevre.example.org',
        phone: '05 49 00 00 00',
        website: 'https://recyclerie-sevre.example.org',
        tags: ['Emmaüs', 'Ressourceries', 'Label Qualirecycle'],
        activities: ['mobilite', 'numerique--acceder-a-du-materiel'],
        sourceUpdatedAt: new Date('2023-04-18T00:00:00Z'),
      }),
      structure(3, {
        sourceId: 'emplois-de-linclusion--4122',
        siret: '88765432500109',
        legalName: 'ESAT Les Vergers',
        kind: SupplierKind.ESAT,
        description: 'Conditionnement et entretien d’espaces verts.',
        address: { street: '2 chemin des Vergers', postalCode: '47000', communeCode: '47001', communeName: 'Agen' },
        position: { latitude: 44.2031, longitude: 0.6163 },
        sourceUpdatedAt: new Date(1681776000000),
      }),
    ]);
    expect(skipped).toEqual([{ line: 4, reason: 'typologie hors périmètre' }]);
    expect(rejected).toEqual([]);
  });
});

describe('data·inclusion JSON (as published: epoch-millisecond dates, arrays, nulls)', () => {
  it('reads each structure field by field, positions counted from 1', async () => {
    const { records, skipped, rejected, order } = await collectResults(dataInclusionJsonReader.read(fixturePath('data-inclusion-structures.json'), {}));
    expect(records).toEqual([
      structure(1, {
        sourceId: 'dora--7f3c9a1e',
        siret: '79812345100113',
        legalName: 'Jardins de Cocagne du Vexin',
        kind: SupplierKind.ACI,
        description: 'Maraîchage biologique en insertion : paniers hebdomadaires livrés aux adhérents et aux restaurants collectifs.',
        address: { street: 'Ferme de la Fondation', postalCode: '95300', communeCode: '95500', communeName: 'Pontoise' },
        position: { latitude: 49.0516, longitude: 2.0952 },
        email: 'jardins@cocagne-vexin.example.org',
        phone: '+33130000000',
        website: 'https://cocagne-vexin.example.org',
        tags: ['Chantier école'],
        sourceUpdatedAt: new Date('2025-01-01T00:00:00Z'), // 1735689600000
      }),
      structure(2, {
        sourceId: 'emplois-de-linclusion--ea-lille-2',
        siret: '53219876900129',
        legalName: 'Flandres Adapt',
        kind: SupplierKind.EA,
        description: 'Entreprise adaptée de numérisation de documents et de relation client à distance.',
        address: { street: '45 rue Nationale, 3e étage', postalCode: '59000', communeCode: '59350', communeName: 'Lille' },
        tags: ['UNEA'],
        sourceUpdatedAt: new Date('2025-06-01T00:00:00Z'), // "1748736000000", text
      }),
      structure(6, {
        sourceId: 'emplois-de-linclusion--geiq-btp-59',
        siret: '32165498000143',
        legalName: 'GEIQ BTP Hauts-de-France',
        kind: SupplierKind.GEIQ,
        description: 'Groupement d’employeurs du bâtiment : contrats de professionnalisation et d’apprentissage.',
        address: { street: '10 avenue de la Créativité', postalCode: '59650', communeCode: '59009', communeName: "Villeneuve-d'Ascq" },
        position: { latitude: 50.6333, longitude: 3.1416 },
        email: 'contact@geiq-btp.example.org',
        phone: '03 20 00 00 00',
        website: 'geiq-btp.example.org',
        sourceUpdatedAt: new Date('2025-03-31T12:05:00Z'),
      }),
    ]);
    expect(skipped).toEqual([{ line: 3, reason: 'réseau hors périmètre' }]);
    expect(rejected).toEqual([
      { line: 4, reason: 'Nom de la structure manquant (colonne nom)' },
      { line: 5, reason: 'Élément JSON inattendu : un objet « structure » était attendu', value: '42' },
    ]);
    expect(order.map(([, line]) => line)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('data·inclusion files of other shapes', () => {
  let dir: string;
  const write = async (name: string, content: string) => {
    const file = path.join(dir, name);
    await writeFile(file, content, 'utf8');
    return file;
  };
  const object = (id: string, network: string) => ({ id, source: 'dora', nom: `Structure ${id}`, reseaux_porteurs: [network], date_maj: '2025-01-01' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'data-inclusion-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads JSON Lines, API pages and arrays of pages, prefixing v0-style ids with their producer', async () => {
    const lines = await write('structures.jsonl', `${JSON.stringify(object('a', 'ei'))}\n\n${JSON.stringify(object('b', 'mission-locale'))}\n{oops\n${JSON.stringify(object('c', 'esat'))}\n`);
    const fromLines = await collectResults(dataInclusionJsonReader.read(lines, {}));
    expect(fromLines.records.map((r) => [r.line, r.sourceId, r.kind])).toEqual([
      [1, 'dora--a', SupplierKind.EI],
      [4, 'dora--c', SupplierKind.ESAT],
    ]);
    expect(fromLines.skipped).toEqual([{ line: 2, reason: 'réseau hors périmètre' }]);
    expect(fromLines.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/^Ligne 4 illisible \(JSON mal formé\)/) }]);

    const page = await write('page.json', JSON.stringify({ count: 2, next: null, previous: null, results: [object('d', 'aci'), object('e', 'geiq')] }, null, 2));
    expect((await collectResults(dataInclusionJsonReader.read(page, {}))).records.map((r) => [r.line, r.sourceId])).toEqual([
      [1, 'dora--d'],
      [2, 'dora--e'],
    ]);

    const pages = await write('pages.json', JSON.stringify([{ results: [object('f', 'ai')] }, { results: [object('g', 'etti')] }]));
    expect((await collectResults(dataInclusionJsonReader.read(pages, {}))).records.map((r) => [r.line, r.sourceId])).toEqual([
      [1, 'dora--f'],
      [2, 'dora--g'],
    ]);
  });

  it('reports truncated JSON after the last whole element', async () => {
    const truncated = await write('truncated.json', `[${JSON.stringify(object('h', 'ea'))}, {"id": "i", "nom`);
    const { records, rejected } = await collectResults(dataInclusionJsonReader.read(truncated, {}));
    expect(records.map((r) => r.sourceId)).toEqual(['dora--h']);
    expect(rejected).toEqual([{ line: 2, reason: expect.stringMatching(/^JSON illisible après l’élément 1/) }]);
  });

  it('refuses a CSV without the columns it needs, before any row', async () => {
    const csv = await write('wrong.csv', 'identifiant,nom\n1,Structure\n');
    await expect(collectResults(dataInclusionCsvReader.read(csv, {}))).rejects.toThrow(FormatError);
    await expect(collectResults(dataInclusionCsvReader.read(csv, {}))).rejects.toThrow(
      'Colonnes data·inclusion manquantes dans l’en-tête : id, reseaux_porteurs.',
    );
  });

  it('reads a semicolon-separated export with a BOM and Windows line ends', async () => {
    const csv = await write('bom.csv', '\ufeffid;source;nom;reseaux_porteurs;date_maj\r\nx1;dora;"Atelier ""Le Fil""";[\'aci\'];1760400000\r\n');
    const { records } = await collectResults(dataInclusionCsvReader.read(csv, {}));
    expect(records.map((r) => [r.line, r.sourceId, r.legalName, r.kind, r.sourceUpdatedAt])).toEqual([
      [2, 'dora--x1', 'Atelier "Le Fil"', SupplierKind.ACI, new Date('2025-10-14T00:00:00Z')],
    ]);
  });
});

describe('data·inclusion files in other encodings', () => {
  let dir: string;
  const writeBytes = async (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return file;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'data-inclusion-encodings-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a Windows-1252 CSV (re-saved from a spreadsheet) with its accents, as the UTF-8 one', async () => {
    const utf8 = fixturePath('data-inclusion-structures.csv');
    const text = await readFile(utf8, 'utf8');
    const windows1252 = await writeBytes('structures-1252.csv', iconv.encode(text, 'windows-1252'));
    // The bytes really are Windows-1252: "é" is the lone byte 0xE9, "’" 0x92, "œ" 0x9C.
    expect((await readFile(windows1252)).includes(Buffer.from('Rh\xf4ne', 'latin1'))).toBe(true);

    const expected = await collectResults(dataInclusionCsvReader.read(utf8, {}));
    const read = await collectResults(dataInclusionCsvReader.read(windows1252, {}));
    expect(read).toEqual(expected);
    expect(read.records.map((record) => record.legalName)).toContain('Les Ateliers du Rhône');
    expect(JSON.stringify(read.records)).not.toContain('\ufffd');
  });

  it('reads a Windows-1252 JSON file with its accents', async () => {
    const json = JSON.stringify([{ id: 'é1', source: 'dora', nom: 'Épicerie solidaire « Les Œillets »', reseaux_porteurs: ['aci'], date_maj: '2025-01-01' }]);
    const file = await writeBytes('structures-1252.json', iconv.encode(json, 'windows-1252'));
    const { records } = await collectResults(dataInclusionJsonReader.read(file, {}));
    expect(records.map((record) => [record.sourceId, record.legalName])).toEqual([['dora--é1', 'Épicerie solidaire « Les Œillets »']]);
  });

  it('refuses a file whose text holds replacement characters, saying on which lines, unless told to read it', async () => {
    // Text already lost upstream: valid UTF-8 holding U+FFFD where the accents were.
    const csv = 'id;source;nom;reseaux_porteurs;date_maj\n' +
      "a1;dora;Atelier de la Gare;['aci'];2025-01-01\n" +
      "a2;dora;Cr\ufffdche du Ch\ufffdteau;['ei'];2025-01-01\n" +
      "a3;dora;Atelier \ufffdt\ufffd;['ei'];2025-01-01\n";
    const file = await writeBytes('replaced.csv', Buffer.from(csv, 'utf8'));
    const refused = collectResults(dataInclusionCsvReader.read(file, {}));
    await expect(refused).rejects.toThrow(FormatError);
    await expect(collectResults(dataInclusionCsvReader.read(file, {}))).rejects.toThrow(
      /^Fichier refusé : 4 caractères de remplacement « \ufffd » .*lignes 3, 4 \(fichier lu en UTF-8\).*--accept-replacement-characters/,
    );

    const warnings: string[] = [];
    const accepted = await collectResults(dataInclusionCsvReader.read(file, { acceptReplacementCharacters: true, onWarning: (message) => warnings.push(message) }));
    expect(accepted.records.map((record) => record.legalName)).toEqual(['Atelier de la Gare', 'Cr\ufffdche du Ch\ufffdteau', 'Atelier \ufffdt\ufffd']);
    expect(warnings).toEqual([expect.stringMatching(/^Importé avec 4 caractères de remplacement .*lignes 3, 4 /)]);
  });

  it('refuses a Windows-1252 file with bytes that encoding does not define', async () => {
    const bytes = Buffer.concat([
      Buffer.from("id,source,nom,reseaux_porteurs,date_maj\nb1,dora,Caf\xe9 solidaire,['ei'],2025-01-01\nb2,dora,Atelier ", 'latin1'),
      Buffer.from([0x81]),
      Buffer.from(",['ei'],2025-01-01\n", 'latin1'),
    ]);
    const file = await writeBytes('undefined-byte.csv', bytes);
    await expect(collectResults(dataInclusionCsvReader.read(file, {}))).rejects.toThrow(/ligne 3 \(fichier lu en Windows-1252\)/);
  });
});
