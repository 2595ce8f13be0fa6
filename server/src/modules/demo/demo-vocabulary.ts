/**
 * Vocabulary of the demo generator: French word lists, name patterns, territories' names,
 * service-area and activity rules by kind, networks and labels, offering templates per
 * category-group slug, price profiles. Data only, no logic.
 *
 * Everything here is fictional. Names follow how real structures name themselves, but once
 * suffixed with " (démo)" they cannot be taken for real companies; network names appear
 * only as tags.
 */
import { PriceUnit } from '../offerings/price-unit.js';
import { ServiceAreaKind, ServiceType } from '../suppliers/service-area.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';

/** Marker appended to every generated legal name and brand name. */
export const DEMO_SUFFIX = ' (démo)';

// ---------------------------------------------------------------------------------------
// Kinds
// ---------------------------------------------------------------------------------------

/** Target shares (percent) of each kind, close to the national directory. Sum: 100. */
export const KIND_SHARES: ReadonlyArray<readonly [SupplierKind, number]> = [
  [SupplierKind.ACI, 26],
  [SupplierKind.EI, 20],
  [SupplierKind.ESAT, 17],
  [SupplierKind.AI, 12],
  [SupplierKind.EA, 10],
  [SupplierKind.ETTI, 7],
  [SupplierKind.GEIQ, 5],
  [SupplierKind.EITI, 1.5],
  [SupplierKind.EATT, 1.5],
];

/** Grammatical gender of the kind's French name, for "implanté" / "implantée". */
export const KIND_IS_FEMININE: Record<SupplierKind, boolean> = {
  [SupplierKind.EI]: true,
  [SupplierKind.AI]: true,
  [SupplierKind.ACI]: false,
  [SupplierKind.ETTI]: true,
  [SupplierKind.EITI]: true,
  [SupplierKind.GEIQ]: false,
  [SupplierKind.EA]: true,
  [SupplierKind.EATT]: true,
  [SupplierKind.ESAT]: false,
};

/** Mission statements; each completes "…, la structure <mission>." */
export const KIND_MISSIONS: Record<SupplierKind, readonly string[]> = {
  [SupplierKind.ACI]: [
    "accompagne des personnes très éloignées de l'emploi à travers des chantiers encadrés et un suivi socioprofessionnel",
    "propose des contrats à durée déterminée d'insertion, une formation sur le terrain et un accompagnement vers l'emploi durable",
  ],
  [SupplierKind.EI]: [
    "emploie des personnes en parcours d'insertion et vend ses prestations aux conditions du marché",
    "forme ses salariés en insertion par la production et les accompagne vers un emploi durable",
  ],
  [SupplierKind.AI]: [
    "met à disposition de collectivités, d'entreprises et de particuliers des personnes en recherche d'emploi, avec un accompagnement individualisé",
    "accompagne des demandeurs d'emploi par des missions de travail adaptées à leur situation",
  ],
  [SupplierKind.ETTI]: [
    "propose des missions d'intérim à des personnes éloignées de l'emploi, accompagnées tout au long de leur parcours",
    "conjugue missions de travail temporaire et accompagnement socioprofessionnel pour favoriser l'accès à l'emploi durable",
  ],
  [SupplierKind.EITI]: [
    "accompagne des travailleurs indépendants en parcours d'insertion qui exercent leur activité en autonomie",
    "soutient des personnes éloignées de l'emploi qui créent et développent leur propre activité",
  ],
  [SupplierKind.GEIQ]: [
    "recrute des personnes éloignées de l'emploi en alternance et les met à disposition de ses entreprises adhérentes jusqu'à la qualification",
    "organise des parcours qualifiants en alternance pour répondre aux besoins de recrutement de ses entreprises adhérentes",
  ],
  [SupplierKind.EA]: [
    "emploie une majorité de salariés en situation de handicap et adapte les postes de travail à chacun",
    "offre un emploi durable à des personnes en situation de handicap dans un cadre de production exigeant",
  ],
  [SupplierKind.EATT]: [
    "propose des missions d'intérim à des personnes en situation de handicap pour favoriser leur accès à l'emploi durable",
    "accompagne des intérimaires en situation de handicap vers l'emploi, en lien avec les entreprises du territoire",
  ],
  [SupplierKind.ESAT]: [
    "permet à des travailleurs en situation de handicap d'exercer une activité professionnelle avec un accompagnement médico-social",
    "accueille des travailleurs en situation de handicap et leur offre une activité professionnelle, une formation et un soutien adaptés",
  ],
};

/**
 * Chance of each service type by kind. Types are drawn independently; when none is drawn
 * the first listed is used. STAFF_PROVISION-only kinds provide staff in any sector.
 */
export const KIND_SERVICE_TYPE_CHANCES: Record<SupplierKind, ReadonlyArray<readonly [ServiceType, number]>> = {
  [SupplierKind.AI]: [[ServiceType.STAFF_PROVISION, 1], [ServiceType.SERVICES, 0.4]],
  [SupplierKind.ETTI]: [[ServiceType.STAFF_PROVISION, 1], [ServiceType.SERVICES, 0.1]],
  [SupplierKind.EATT]: [[ServiceType.STAFF_PROVISION, 1], [ServiceType.SERVICES, 0.15]],
  [SupplierKind.GEIQ]: [[ServiceType.STAFF_PROVISION, 1]],
  [SupplierKind.ACI]: [[ServiceType.SERVICES, 0.85], [ServiceType.GOODS, 0.45]],
  [SupplierKind.EI]: [[ServiceType.SERVICES, 0.9], [ServiceType.GOODS, 0.25], [ServiceType.STAFF_PROVISION, 0.05]],
  [SupplierKind.EITI]: [[ServiceType.SERVICES, 1], [ServiceType.GOODS, 0.1]],
  [SupplierKind.ESAT]: [[ServiceType.SERVICES, 0.9], [ServiceType.GOODS, 0.55], [ServiceType.STAFF_PROVISION, 0.15]],
  [SupplierKind.EA]: [[ServiceType.SERVICES, 0.9], [ServiceType.GOODS, 0.4], [ServiceType.STAFF_PROVISION, 0.15]],
};

/** Weight of each category group by kind; groups absent from a row weigh DEFAULT_GROUP_WEIGHT. */
export const DEFAULT_GROUP_WEIGHT = 0.5;
export const KIND_GROUP_AFFINITY: Record<SupplierKind, Readonly<Record<string, number>>> = {
  [SupplierKind.ACI]: {
    'espaces-verts': 20, 'agriculture-maraichage': 14, 'dechets-recyclage': 14, 'batiment-travaux': 10,
    'textile-artisanat': 7, 'restauration-alimentation': 6, 'proprete-nettoyage': 5, 'mobilite-vehicules': 5,
    'mobilier-fournitures': 5, 'informatique-numerique': 3, 'blanchisserie-pressing': 3, 'logistique-conditionnement': 3,
    'services-a-la-personne': 2, evenementiel: 2, 'mise-a-disposition': 0,
  },
  [SupplierKind.EI]: {
    'proprete-nettoyage': 16, 'batiment-travaux': 13, 'espaces-verts': 10, 'dechets-recyclage': 8,
    'logistique-conditionnement': 8, 'restauration-alimentation': 7, 'transport-demenagement': 6, 'informatique-numerique': 6,
    'blanchisserie-pressing': 4, 'mobilite-vehicules': 4, 'securite-mediation': 4, 'impression-communication': 3,
    evenementiel: 3, 'administratif-relation-client': 3, 'mobilier-fournitures': 2, 'sous-traitance-industrielle': 2,
    'textile-artisanat': 1, 'mise-a-disposition': 1,
  },
  [SupplierKind.AI]: {
    'mise-a-disposition': 40, 'proprete-nettoyage': 12, 'services-a-la-personne': 12, 'espaces-verts': 8,
    'restauration-alimentation': 4, 'logistique-conditionnement': 5, 'batiment-travaux': 5,
  },
  [SupplierKind.ETTI]: {
    'mise-a-disposition': 50, 'logistique-conditionnement': 10, 'batiment-travaux': 10, 'proprete-nettoyage': 8,
    'transport-demenagement': 5, 'restauration-alimentation': 4, 'sous-traitance-industrielle': 4, 'espaces-verts': 3,
    evenementiel: 2,
  },
  [SupplierKind.EITI]: {
    'transport-demenagement': 10, 'services-a-la-personne': 10, 'informatique-numerique': 8, 'batiment-travaux': 8,
    evenementiel: 6, 'impression-communication': 6, 'textile-artisanat': 6, 'administratif-relation-client': 6,
    'proprete-nettoyage': 5, 'espaces-verts': 5, 'mobilite-vehicules': 5, 'mise-a-disposition': 0,
  },
  [SupplierKind.GEIQ]: {
    'mise-a-disposition': 50, 'batiment-travaux': 12, 'proprete-nettoyage': 8, 'logistique-conditionnement': 8,
    'transport-demenagement': 6, 'restauration-alimentation': 5, 'sous-traitance-industrielle': 5, 'agriculture-maraichage': 3,
    'espaces-verts': 3, 'services-a-la-personne': 3,
  },
  [SupplierKind.EA]: {
    'sous-traitance-industrielle': 12, 'logistique-conditionnement': 12, 'proprete-nettoyage': 10, 'informatique-numerique': 9,
    'administratif-relation-client': 9, 'espaces-verts': 8, 'impression-communication': 7, 'dechets-recyclage': 6,
    'blanchisserie-pressing': 5, 'restauration-alimentation': 4, 'mobilier-fournitures': 4, 'mise-a-disposition': 3,
    evenementiel: 3, 'securite-mediation': 2, 'textile-artisanat': 2, 'transport-demenagement': 2,
  },
  [SupplierKind.EATT]: {
    'mise-a-disposition': 55, 'logistique-conditionnement': 10, 'administratif-relation-client': 10, 'proprete-nettoyage': 8,
    'sous-traitance-industrielle': 6, 'informatique-numerique': 5,
  },
  [SupplierKind.ESAT]: {
    'espaces-verts': 16, 'sous-traitance-industrielle': 12, 'logistique-conditionnement': 12, 'blanchisserie-pressing': 9,
    'restauration-alimentation': 9, 'proprete-nettoyage': 8, 'impression-communication': 6, 'agriculture-maraichage': 6,
    'mobilier-fournitures': 5, 'textile-artisanat': 4, 'dechets-recyclage': 4, 'administratif-relation-client': 3,
    'informatique-numerique': 3, evenementiel: 2, 'mise-a-disposition': 2, 'mobilite-vehicules': 2,
  },
};

/** Typical headcount (inclusive bounds) by kind; drawn log-uniformly. */
export const HEADCOUNT_RANGES: Record<SupplierKind, readonly [number, number]> = {
  [SupplierKind.ACI]: [8, 45],
  [SupplierKind.EI]: [5, 90],
  [SupplierKind.AI]: [10, 300],
  [SupplierKind.ETTI]: [15, 220],
  [SupplierKind.EITI]: [5, 50],
  [SupplierKind.GEIQ]: [5, 80],
  [SupplierKind.EA]: [10, 250],
  [SupplierKind.EATT]: [5, 90],
  [SupplierKind.ESAT]: [20, 160],
};

// ---------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------

/**
 * Display-name patterns by kind, with weights, shaped after real SIAE and disability-sector
 * names ("Régie de quartier Metz-Borny", "Tremplin Emploi 57", "ESAT Les Ateliers du Val",
 * "GEIQ BTP Moselle"): a kind word sometimes, a trade word, an evocative word, a place taken
 * from the commune or its département. Never initials.
 *
 * Tokens: {Trade} (trade word of the supplier's main activity), {Evocative}, {Commune} (bare
 * commune name), {ofCommune} ("de Metz", "du Mans"), {Pays} ("du Pays de Sarrebourg": the
 * nearest town of the département), {Dep} ("Moselle"), {ofDep} ("de la Moselle"), {Num}
 * (département code), {Province} ("Lorraine"), {Quarter} ("Metz Bellevue", towns only),
 * {Nature} ("du Bocage"), {Flora} ("Les Tilleuls"), {Person} ("Jean Moulin"), {Sector}
 * (GEIQ sector). Patterns with a place token are not used for national networks.
 */
export const NAME_PATTERNS: Record<SupplierKind, ReadonlyArray<readonly [string, number]>> = {
  [SupplierKind.ACI]: [
    ['{Trade} {ofCommune}', 5], ['{Trade} {Pays}', 3], ['{Trade} {Nature}', 2], ['Régie de quartier {Quarter}', 2],
    ['Chantier {Evocative} {ofCommune}', 1], ['Atelier {Evocative} {ofCommune}', 1], ['Ateliers {Nature}', 0.5],
    ['{Evocative} {Num}', 1], ['{Evocative} {ofDep}', 1], ['Association {Evocative}', 0.5],
  ],
  [SupplierKind.EI]: [
    ['{Evocative} {Trade}', 4], ['{Trade} {Evocative}', 1], ['{Trade} Insertion {Num}', 2], ['{Evocative} {Province}', 2],
    ['{Trade} {ofCommune}', 2], ['{Trade} {Pays}', 1], ['{Trade} Insertion {Province}', 1], ['Régie de quartier {Quarter}', 1],
  ],
  [SupplierKind.AI]: [
    ['{Evocative} Emploi {Num}', 2], ['{Evocative} Emploi {Pays}', 2], ['{Evocative} Emploi {ofCommune}', 1],
    ['Coup de Main {ofCommune}', 1], ['Coup de Pouce {Pays}', 1], ['Relais Emploi {Pays}', 1], ['Relais Emploi {ofCommune}', 1],
    ['Solidarité Emploi {ofDep}', 1], ['Partage et Travail {ofCommune}', 1], ['Contact Emploi {Commune}', 1],
    ['Association intermédiaire {Evocative}', 1],
  ],
  [SupplierKind.ETTI]: [
    ['{Evocative} Intérim', 2], ['{Evocative} Intérim {Province}', 2], ['Intérim Solidaire {ofDep}', 1],
    ['Intérim Solidaire {Province}', 1], ['{Evocative} Intérim {Num}', 1], ['Intérim Insertion {ofCommune}', 1],
    ['{Evocative} Intérim Insertion', 1],
  ],
  [SupplierKind.EITI]: [
    ['{Evocative} Indépendants', 2], ['Coopérative {Evocative}', 2], ['{Trade} {Evocative}', 1], ['{Evocative} {Province}', 1],
    ['Indépendants Solidaires {ofDep}', 1],
  ],
  [SupplierKind.GEIQ]: [
    ['GEIQ {Sector} {Dep}', 3], ['GEIQ {Sector} {Province}', 2], ['GEIQ {Sector} {Pays}', 1], ['GEIQ {Sector} {Num}', 1],
    ['GEIQ {Sector} {ofCommune}', 1],
  ],
  [SupplierKind.EA]: [
    ['{Evocative} {Trade}', 3], ['{Trade} {Evocative}', 1], ['Entreprise adaptée {Evocative}', 0.5],
    ['Entreprise adaptée {Flora}', 0.5], ['Ateliers {Nature}', 1], ['Ateliers {ofCommune}', 2], ['{Evocative} Services {Num}', 2],
    ['Ateliers {Province}', 1], ['{Evocative} {Province}', 1],
  ],
  [SupplierKind.EATT]: [
    ['{Evocative} Intérim Adapté', 2], ['Intérim Adapté {Province}', 1], ['Intérim Adapté {ofDep}', 1], ['{Evocative} Intérim Handicap', 1],
  ],
  [SupplierKind.ESAT]: [
    ['ESAT {ofCommune}', 3], ['ESAT {Nature}', 1], ['ESAT Les Ateliers {Nature}', 1], ['ESAT Les Ateliers {ofCommune}', 2],
    ['ESAT {Pays}', 2], ['ESAT {Person}', 1], ['ESAT {Flora}', 1], ['ESAT {Evocative}', 0.5], ['ESAT {Trade} {ofCommune}', 1],
  ],
};

/** Tokens that name a place: patterns holding one are not used for national networks. */
export const PLACE_TOKENS: readonly string[] = ['Commune', 'ofCommune', 'Pays', 'Dep', 'ofDep', 'Num', 'Province', 'Quarter'];

/**
 * Legal forms by kind, as a prefix of the legal name, with weights; '' keeps the display
 * name as the legal name (no separate brand). Names that already say what they are
 * ("Association …", "ESAT …", "GEIQ …", "Régie de quartier …") keep it too.
 */
export const LEGAL_FORMS: Record<SupplierKind, ReadonlyArray<readonly [string, number]>> = {
  [SupplierKind.ACI]: [['Association', 85], ['', 15]],
  [SupplierKind.EI]: [['SAS', 30], ['SARL', 20], ['SCOP', 8], ['SCIC', 8], ['Association', 14], ['', 20]],
  [SupplierKind.AI]: [['Association', 100]],
  [SupplierKind.ETTI]: [['SAS', 55], ['SARL', 15], ['Association', 10], ['', 20]],
  [SupplierKind.EITI]: [['SCIC', 35], ['SAS', 35], ['', 30]],
  [SupplierKind.GEIQ]: [['', 100]],
  [SupplierKind.EA]: [['SAS', 35], ['SARL', 15], ['SCOP', 5], ['Association', 20], ['', 25]],
  [SupplierKind.EATT]: [['SAS', 60], ['SARL', 15], ['', 25]],
  [SupplierKind.ESAT]: [['', 100]],
};
/** Display names starting with these words are legal names already. */
export const SELF_NAMED_PREFIXES: readonly string[] = [
  'Association', 'ESAT', 'GEIQ', 'Régie de quartier', 'Entreprise adaptée', 'Coopérative',
];

/** Evocative words, as real structures use them ("Tremplin", "Passerelle", "Trait d'Union"). */
export const EVOCATIVES: readonly string[] = [
  'Tremplin', 'Passerelle', 'Envol', 'Élan', 'Boussole', 'Horizons', 'Sillon', 'Rebond', 'Escale', 'Cordée',
  'Racines', 'Ricochet', 'Ancrage', 'Éclaircie', 'Embellie', 'Phare', "Trait d'Union", 'Main Tendue', 'Essor',
  'Cap Avenir', 'Nouvel Élan', 'Semailles', 'Clé de Voûte', 'Pas à Pas', 'Arc-en-Ciel', 'Belle Étape',
  'Grain de Sel', 'Ensemble', 'Fil Rouge', 'Mosaïque', 'Bourgeon', 'Pollen', 'Étincelle', 'Alizé', 'Sentier',
  'Relais', 'Tandem', 'Partage', 'Entraide', 'Déclic', 'Ressort', 'Sève', 'Levain', 'Aurore', 'Archipel', 'Atout',
  'Oasis', 'Marelle', 'Balise', 'Vivier', 'Convergence', 'Synergie', 'Renouveau', 'Équinoxe', 'Ruche', 'Trajectoire',
  'Sésame', 'Cap Solidaire', 'Points Cardinaux', 'Bouée', 'Nouveau Départ', 'Étoile', 'Lien', 'Saison', 'Rivage',
];

/** Place phrases for metropolitan France, with their preposition. */
export const PLACES_METRO: readonly string[] = [
  'du Val de Sèvre', "du Val d'Aure", 'de la Colline', 'des Trois Vallées', 'du Pré Vert', "de l'Étang Neuf",
  'des Coteaux', 'du Bocage', 'des Deux Rives', 'de la Source', 'du Moulin Blanc', 'des Hauts Plateaux',
  'de la Plaine', 'du Grand Chêne', 'des Tilleuls', 'de la Vallée Verte', 'du Pont Vieux', 'des Quatre Chemins',
  'de la Garrigue', 'des Marais', 'de la Lande', 'des Vergers', 'de Bel Air', 'du Mont Clair', 'de la Forge',
  'des Églantiers', 'du Clos Fleuri', 'des Cèdres', 'de la Roche Grise', 'du Bois Joli', "de l'Estuaire",
  'des Sablières', 'de la Rivière', 'du Lac Bleu', 'des Châtaigniers', 'de Haute Combe', 'de la Baie',
];

/** Landscape phrases that fit anywhere in metropolitan France, for {Nature} in names. */
export const NATURE_METRO: readonly string[] = [
  'du Bocage', 'des Coteaux', 'de la Source', 'du Moulin', 'du Val', 'des Prés', 'de la Vallée', 'des Tilleuls',
  'du Pont Vieux', 'des Vergers', 'de la Forge', 'du Grand Chêne', 'des Deux Rives', 'de la Plaine', 'du Bois Joli',
  'de la Colline', 'du Clos Fleuri', 'du Pré Vert', 'des Quatre Chemins', 'de Bel Air', 'des Églantiers', 'des Cèdres',
  'de la Rivière', 'des Trois Vallées', 'du Mont Clair', "de l'Étang Neuf", 'des Peupliers', 'du Lavoir', 'des Noyers',
];

/** Place phrases for the overseas départements. */
export const PLACES_OVERSEAS: readonly string[] = [
  'des Alizés', 'des Mornes', 'du Lagon', 'des Flamboyants', 'de la Ravine', 'des Cannes', 'du Littoral',
  'des Hauts', 'de la Mangrove', 'des Filaos', 'du Piton Vert', "de l'Anse Claire",
];

/** Names of trees, flowers and birds, as many ESAT and EA sites are named. */
export const FLORA: readonly string[] = [
  'Les Glycines', 'Les Tilleuls', 'Les Iris', 'Le Cèdre', 'Les Peupliers', 'Les Érables', 'La Roseraie', 'Les Noisetiers',
  'Les Hirondelles', 'Les Cigognes', 'Le Colombier', 'Les Genêts', 'Les Lilas', 'Les Platanes', 'Les Acacias',
  'Les Bruyères', 'Le Chêne Vert', 'Les Marronniers', 'Les Aubépines', 'Les Saules', 'Les Charmilles', 'Les Bleuets',
];
/** People ESAT are often named after. */
export const PERSONS: readonly string[] = [
  'Jean Moulin', 'Louise Michel', 'Marie Curie', 'Victor Hugo', 'Jean Jaurès', 'Simone Veil', 'George Sand',
  'Jules Verne', 'Lucie Aubrac', 'Germaine Tillion', 'Jean Monnet', 'Camille Claudel', 'Joséphine Baker', 'Colette',
  'Paul Éluard', 'Pierre Loti', 'Gustave Eiffel', 'Albert Camus',
];
/** Neighbourhoods of a town, for "Régie de quartier <town> <quarter>". */
export const QUARTERS: readonly string[] = [
  'Nord', 'Sud', 'Est', 'Ouest', 'Centre', 'Bellevue', 'Les Hauts', 'Le Plateau', 'La Source', 'Les Provinces',
  'Beaulieu', 'Le Val', 'Les Coteaux', 'La Fontaine', 'Les Chênes', 'Le Parc',
];
/** Towns of at least this population have régies de quartier ({Quarter}). */
export const TOWN_MIN_POPULATION = 30_000;
/** Régies de quartier keep their neighbourhood clean and green and repair its buildings. */
export const REGIE_DE_QUARTIER_GROUPS: readonly string[] = ['proprete-nettoyage', 'espaces-verts', 'batiment-travaux'];
/** Communes of at least this population name the pays around them ({Pays}); else the 3 largest do. */
export const PAYS_TOWN_MIN_POPULATION = 10_000;
/** Cities too large to name a pays ("Pays de Marseille" is no one's name), and the dense départements around Paris. */
export const PAYS_TOWN_MAX_POPULATION = 90_000;
export const DEPARTEMENTS_WITHOUT_PAYS: readonly string[] = ['75', '78', '91', '92', '93', '94', '95'];

/** Trade words by group slug, for {Trade}: the main activity shows in the name. */
export const TRADES: Readonly<Record<string, readonly string[]>> = {
  'espaces-verts': ['Jardins', 'Paysages', 'Espaces Verts', 'Jardins et Paysages', 'Nature et Jardins'],
  'proprete-nettoyage': ['Propreté', 'Net Services', 'Nettoyage', 'Propreté Services', 'Entretien'],
  'restauration-alimentation': ['Saveurs', 'Cuisine', 'Traiteur', 'Tables', 'Restauration'],
  'dechets-recyclage': ['Ressourcerie', 'Recyclerie', 'Tri', 'Collecte', 'Réemploi'],
  'informatique-numerique': ['Numérique', 'Informatique', 'Info Services', 'Données'],
  'impression-communication': ['Imprimerie', 'Reprographie', 'Signalétique', 'Atelier Graphique'],
  'logistique-conditionnement': ['Logistique', 'Conditionnement', 'Routage', 'Emballage'],
  'batiment-travaux': ['Bâtiment', 'Rénovation', 'Bâti', 'Peinture', 'Habitat'],
  'blanchisserie-pressing': ['Blanchisserie', 'Lavoir', 'Linge Services', 'Pressing'],
  'sous-traitance-industrielle': ['Industrie', 'Mécanique', 'Assemblage', 'Sous-traitance'],
  evenementiel: ['Événements', 'Réceptions', 'Accueil Événements'],
  'transport-demenagement': ['Transports', 'Déménagement', 'Livraisons', 'Coursiers'],
  'services-a-la-personne': ['Services à domicile', 'Domicile Services', 'Aide à domicile'],
  'securite-mediation': ['Médiation', 'Sécurité', 'Prévention'],
  'textile-artisanat': ['Couture', 'Fil', 'Textiles', 'Créations', 'Atelier Couture'],
  'mise-a-disposition': ['Emploi', 'Travail', 'Compétences'],
  'administratif-relation-client': ['Accueil', 'Relation Client', 'Secrétariat', 'Services Administratifs'],
  'agriculture-maraichage': ['Jardins Maraîchers', 'Potagers', 'Ferme', 'Maraîchage', 'Jardin Solidaire'],
  'mobilite-vehicules': ['Garage', 'Cycles', 'Mobilité', 'Vélo', 'Auto'],
  'mobilier-fournitures': ['Menuiserie', 'Mobilier', 'Bois', 'Fournitures'],
};
export const DEFAULT_TRADES: readonly string[] = ['Services', 'Ateliers'];

/** GEIQ sector labels by group slug. */
export const GEIQ_SECTORS: Readonly<Record<string, string>> = {
  'batiment-travaux': 'BTP',
  'proprete-nettoyage': 'Propreté',
  'sous-traitance-industrielle': 'Industrie',
  'logistique-conditionnement': 'Transport Logistique',
  'transport-demenagement': 'Transport Logistique',
  'agriculture-maraichage': 'Agricole',
  'restauration-alimentation': 'Hôtellerie-Restauration',
  'espaces-verts': 'Espaces Verts',
  'services-a-la-personne': 'Aide à Domicile',
};
export const DEFAULT_GEIQ_SECTOR = 'Multisectoriel';

/** Earliest year of creation by kind (EITI and EATT are experiments from 2019). */
export const KIND_FOUNDED_FROM: Record<SupplierKind, number> = {
  [SupplierKind.EI]: 1985,
  [SupplierKind.AI]: 1987,
  [SupplierKind.ACI]: 1985,
  [SupplierKind.ETTI]: 1986,
  [SupplierKind.EITI]: 2019,
  [SupplierKind.GEIQ]: 1991,
  [SupplierKind.EA]: 1980,
  [SupplierKind.EATT]: 2019,
  [SupplierKind.ESAT]: 1975,
};

/** The kind with its indefinite article, for "X est une entreprise d'insertion…". */
export const KIND_WITH_ARTICLE: Record<SupplierKind, string> = {
  [SupplierKind.EI]: "une entreprise d'insertion",
  [SupplierKind.AI]: 'une association intermédiaire',
  [SupplierKind.ACI]: "un atelier et chantier d'insertion",
  [SupplierKind.ETTI]: "une entreprise de travail temporaire d'insertion",
  [SupplierKind.EITI]: "une entreprise d'insertion par le travail indépendant",
  [SupplierKind.GEIQ]: "un groupement d'employeurs pour l'insertion et la qualification",
  [SupplierKind.EA]: 'une entreprise adaptée',
  [SupplierKind.EATT]: 'une entreprise adaptée de travail temporaire',
  [SupplierKind.ESAT]: "un établissement et service d'accompagnement par le travail",
};

/** What each group's suppliers do, for descriptions ("Son cœur de métier : …"). */
export const GROUP_ACTIVITIES: Readonly<Record<string, string>> = {
  'espaces-verts': "l'entretien et l'aménagement des espaces verts",
  'agriculture-maraichage': 'le maraîchage et les produits de la ferme',
  'proprete-nettoyage': 'la propreté et le nettoyage des locaux',
  'restauration-alimentation': 'la restauration et les produits alimentaires',
  'dechets-recyclage': 'la collecte, le tri et le réemploi',
  'informatique-numerique': 'les services numériques et le matériel informatique reconditionné',
  'impression-communication': "l'impression et la communication",
  'logistique-conditionnement': 'la logistique et le conditionnement',
  'batiment-travaux': 'les travaux du bâtiment',
  'blanchisserie-pressing': "l'entretien du linge",
  'sous-traitance-industrielle': 'la sous-traitance industrielle',
  evenementiel: "l'événementiel et l'accueil",
  'transport-demenagement': 'le transport et le déménagement',
  'services-a-la-personne': 'les services à la personne',
  'securite-mediation': 'la médiation et la sécurité',
  'textile-artisanat': "la couture et l'artisanat",
  'mise-a-disposition': 'la mise à disposition de personnel',
  'administratif-relation-client': 'les services administratifs et la relation client',
  'mobilite-vehicules': "l'entretien des véhicules et des cycles",
  'mobilier-fournitures': 'le mobilier et les fournitures',
};

/**
 * Activities of other groups that structures of a group often add (a garden team that also
 * composts, a laundry that also mends). A secondary activity is taken from the main group or
 * from this list; ESAT and EA may also run workshops in unrelated trades.
 */
export const COMPANION_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  'espaces-verts': [
    'plants-horticulture', 'paniers-legumes-bio', 'bois-de-chauffage', 'miel-apiculture', 'proprete-urbaine', 'maconnerie-pierre-seche',
    'petits-travaux-multiservice', 'compostage', 'collecte-biodechets', 'jardinage-domicile', 'mobilier-urbain-exterieur', 'nichoirs-composteurs-bacs',
  ],
  'agriculture-maraichage': [
    'entretien-espaces-verts', 'amenagement-paysager', 'entretien-milieux-naturels', 'ecopaturage', 'epicerie-fine-coffrets', 'restauration-collective',
    'compostage',
  ],
  'proprete-nettoyage': [
    'entretien-espaces-verts', 'tonte-debroussaillage', 'desherbage-alternatif', 'lavage-linge-plat', 'entretien-vetements-travail',
    'petits-travaux-multiservice', 'peinture-interieure', 'encombrants-debarras', 'collecte-papiers-cartons', 'menage-domicile',
    'proprete-evenements', 'vaisselle-reutilisable', 'lavage-vehicules',
  ],
  'restauration-alimentation': [
    'traiteur-evenementiel', 'organisation-seminaires', 'vaisselle-reutilisable', 'legumerie', 'fruits-legumes-restauration-collective',
    'produits-fermiers', 'conserves-confitures-jus', 'accompagnement-courses',
  ],
  'dechets-recyclage': [
    'mobilier-bureau-reconditionne', 'reprise-textiles', 'upcycling-baches-textiles', 'reconditionnement-ordinateurs',
    'materiel-informatique-reconditionne', 'demenagement-bureaux', 'transfert-archives-bibliotheques', 'proprete-urbaine', 'velos-reconditionnes',
  ],
  'informatique-numerique': [
    'archivage', 'gestion-courrier', 'accueil-telephonique', 'collecte-deee', 'collecte-cartouches-piles', 'impression-numerique',
    'graphisme-mise-en-page',
  ],
  'impression-communication': [
    'mise-sous-pli', 'routage-envois', 'numerisation-documents', 'creation-sites-web', 'emballages-cartonnages',
  ],
  'logistique-conditionnement': [
    'transport-marchandises', 'coursiers-plis', 'demenagement-bureaux', 'transfert-archives-bibliotheques', 'assemblage-montage',
    'controle-qualite-tri', 'impression-numerique', 'gestion-courrier', 'archivage', 'destruction-archives-confidentielles',
  ],
  'batiment-travaux': [
    'amenagement-paysager', 'nettoyage-fin-de-chantier', 'mobilier-fabrique-atelier', 'mobilier-urbain-exterieur', 'encombrants-debarras',
    'menuiserie-bois-ebenisterie', 'metallerie-soudure',
  ],
  'blanchisserie-pressing': ['couture-retouches', 'vetements-travail-epi', 'confection-sur-mesure', 'nettoyage-bureaux'],
  'sous-traitance-industrielle': [
    'conditionnement-facon', 'emballages-cartonnages', 'preparation-commandes', 'mobilier-fabrique-atelier', 'collecte-deee',
  ],
  evenementiel: [
    'pauses-cafe', 'plateaux-repas', 'gestion-cafeteria', 'manutention', 'securite-evenementielle', 'navettes-transport-personnes',
  ],
  'transport-demenagement': [
    'manutention', 'stockage-entreposage', 'preparation-commandes', 'encombrants-debarras', 'reparation-velos', 'location-solidaire-vehicules',
  ],
  'services-a-la-personne': ['entretien-parties-communes', 'portage-repas', 'transport-adapte-pmr', 'nettoyage-bureaux'],
  'securite-mediation': ['accueil-evenementiel', 'proprete-urbaine', 'accueil-physique', 'gestion-cafeteria'],
  'textile-artisanat': [
    'repassage-pressing', 'entretien-vetements-travail', 'ressourcerie-reemploi', 'marquage-textile', 'objets-promotionnels',
  ],
  'administratif-relation-client': [
    'saisie-donnees', 'numerisation-documents', 'traitement-donnees', 'mise-sous-pli', 'routage-envois', 'accueil-evenementiel',
  ],
  'mobilite-vehicules': ['livraison-velo-dernier-kilometre', 'transport-adapte-pmr', 'ressourcerie-reemploi', 'collecte-deee'],
  'mobilier-fournitures': [
    'menuiserie-bois-ebenisterie', 'encombrants-debarras', 'ressourcerie-reemploi', 'menuiserie-agencement', 'demenagement-bureaux',
  ],
};

/** The staff-provision category named after a kind: how it provides staff. */
/**
 * Chance that the kind's staff category is its main activity: a GEIQ always recruits in
 * alternance; an AI, ETTI or EATT is sometimes classified first by its services. Kinds absent
 * here (an ESAT) add theirs as a secondary activity when they provide staff.
 */
export const KIND_STAFF_FIRST_CHANCE: Partial<Record<SupplierKind, number>> = {
  [SupplierKind.AI]: 0.85,
  [SupplierKind.ETTI]: 0.95,
  [SupplierKind.GEIQ]: 1,
  [SupplierKind.EATT]: 0.95,
};
export const KIND_STAFF_CATEGORY: Partial<Record<SupplierKind, string>> = {
  [SupplierKind.ESAT]: 'esat-hors-les-murs',
  [SupplierKind.AI]: 'association-intermediaire',
  [SupplierKind.ETTI]: 'travail-temporaire-insertion',
  [SupplierKind.GEIQ]: 'alternance-geiq',
  [SupplierKind.EATT]: 'interim-adapte',
};
export const STAFF_GROUP = 'mise-a-disposition';
/**
 * Sectors where staff is provided (labour on site): an AI or an ETTI sends people to clean,
 * garden, cook or carry, not to print brochures or repair computers.
 */
export const STAFF_SECTOR_GROUPS: readonly string[] = [
  'mise-a-disposition', 'proprete-nettoyage', 'espaces-verts', 'restauration-alimentation', 'logistique-conditionnement',
  'batiment-travaux', 'transport-demenagement', 'services-a-la-personne', 'evenementiel', 'agriculture-maraichage',
  'dechets-recyclage', 'sous-traitance-industrielle', 'blanchisserie-pressing', 'administratif-relation-client', 'securite-mediation',
];

// ---------------------------------------------------------------------------------------
// Territories
// ---------------------------------------------------------------------------------------

/**
 * Collectivités where no SIAE, EA or ESAT exist (their own labour law: New Caledonia,
 * French Polynesia, Wallis and Futuna) or nobody lives (TAAF, Clipperton): no demo
 * supplier is placed there.
 */
export const DEPARTEMENTS_WITHOUT_STRUCTURES: readonly string[] = ['984', '986', '987', '988', '989'];

/** Département name, "de" form, "en / dans" form, and the province real names use. */
export interface DepartementWords {
  name: string;
  of: string;
  in: string;
  province: string;
}
const dep = (name: string, of: string, inForm: string, province: string): DepartementWords => ({ name, of, in: inForm, province });
export const DEPARTEMENT_WORDS: Readonly<Record<string, DepartementWords>> = {
  '01': dep('Ain', "de l'Ain", "dans l'Ain", 'Bresse'),
  '02': dep('Aisne', "de l'Aisne", "dans l'Aisne", 'Picardie'),
  '03': dep('Allier', "de l'Allier", "dans l'Allier", 'Bourbonnais'),
  '04': dep('Alpes-de-Haute-Provence', 'des Alpes-de-Haute-Provence', 'dans les Alpes-de-Haute-Provence', 'Haute-Provence'),
  '05': dep('Hautes-Alpes', 'des Hautes-Alpes', 'dans les Hautes-Alpes', 'Alpes du Sud'),
  '06': dep('Alpes-Maritimes', 'des Alpes-Maritimes', 'dans les Alpes-Maritimes', "Côte d'Azur"),
  '07': dep('Ardèche', "de l'Ardèche", 'en Ardèche', 'Vivarais'),
  '08': dep('Ardennes', 'des Ardennes', 'dans les Ardennes', 'Champagne-Ardenne'),
  '09': dep('Ariège', "de l'Ariège", 'en Ariège', 'Pyrénées'),
  '10': dep('Aube', "de l'Aube", "dans l'Aube", 'Champagne'),
  '11': dep('Aude', "de l'Aude", "dans l'Aude", 'Languedoc'),
  '12': dep('Aveyron', "de l'Aveyron", "dans l'Aveyron", 'Rouergue'),
  '13': dep('Bouches-du-Rhône', 'des Bouches-du-Rhône', 'dans les Bouches-du-Rhône', 'Provence'),
  '14': dep('Calvados', 'du Calvados', 'dans le Calvados', 'Normandie'),
  '15': dep('Cantal', 'du Cantal', 'dans le Cantal', 'Auvergne'),
  '16': dep('Charente', 'de la Charente', 'en Charente', 'Charentes'),
  '17': dep('Charente-Maritime', 'de la Charente-Maritime', 'en Charente-Maritime', 'Charentes'),
  '18': dep('Cher', 'du Cher', 'dans le Cher', 'Berry'),
  '19': dep('Corrèze', 'de la Corrèze', 'en Corrèze', 'Limousin'),
  '21': dep("Côte-d'Or", "de la Côte-d'Or", "en Côte-d'Or", 'Bourgogne'),
  '22': dep("Côtes-d'Armor", "des Côtes-d'Armor", "dans les Côtes-d'Armor", 'Bretagne'),
  '23': dep('Creuse', 'de la Creuse', 'dans la Creuse', 'Limousin'),
  '24': dep('Dordogne', 'de la Dordogne', 'en Dordogne', 'Périgord'),
  '25': dep('Doubs', 'du Doubs', 'dans le Doubs', 'Franche-Comté'),
  '26': dep('Drôme', 'de la Drôme', 'dans la Drôme', 'Dauphiné'),
  '27': dep('Eure', "de l'Eure", "dans l'Eure", 'Normandie'),
  '28': dep('Eure-et-Loir', "d'Eure-et-Loir", 'en Eure-et-Loir', 'Beauce'),
  '29': dep('Finistère', 'du Finistère', 'dans le Finistère', 'Bretagne'),
  '2A': dep('Corse-du-Sud', 'de la Corse-du-Sud', 'en Corse-du-Sud', 'Corse'),
  '2B': dep('Haute-Corse', 'de la Haute-Corse', 'en Haute-Corse', 'Corse'),
  '30': dep('Gard', 'du Gard', 'dans le Gard', 'Languedoc'),
  '31': dep('Haute-Garonne', 'de la Haute-Garonne', 'en Haute-Garonne', 'Midi-Pyrénées'),
  '32': dep('Gers', 'du Gers', 'dans le Gers', 'Gascogne'),
  '33': dep('Gironde', 'de la Gironde', 'en Gironde', 'Aquitaine'),
  '34': dep('Hérault', "de l'Hérault", "dans l'Hérault", 'Languedoc'),
  '35': dep('Ille-et-Vilaine', "d'Ille-et-Vilaine", 'en Ille-et-Vilaine', 'Bretagne'),
  '36': dep('Indre', "de l'Indre", "dans l'Indre", 'Berry'),
  '37': dep('Indre-et-Loire', "d'Indre-et-Loire", 'en Indre-et-Loire', 'Touraine'),
  '38': dep('Isère', "de l'Isère", 'en Isère', 'Dauphiné'),
  '39': dep('Jura', 'du Jura', 'dans le Jura', 'Franche-Comté'),
  '40': dep('Landes', 'des Landes', 'dans les Landes', 'Gascogne'),
  '41': dep('Loir-et-Cher', 'du Loir-et-Cher', 'dans le Loir-et-Cher', 'Val de Loire'),
  '42': dep('Loire', 'de la Loire', 'dans la Loire', 'Forez'),
  '43': dep('Haute-Loire', 'de la Haute-Loire', 'en Haute-Loire', 'Velay'),
  '44': dep('Loire-Atlantique', 'de la Loire-Atlantique', 'en Loire-Atlantique', 'Atlantique'),
  '45': dep('Loiret', 'du Loiret', 'dans le Loiret', 'Orléanais'),
  '46': dep('Lot', 'du Lot', 'dans le Lot', 'Quercy'),
  '47': dep('Lot-et-Garonne', 'du Lot-et-Garonne', 'dans le Lot-et-Garonne', 'Agenais'),
  '48': dep('Lozère', 'de la Lozère', 'en Lozère', 'Gévaudan'),
  '49': dep('Maine-et-Loire', 'du Maine-et-Loire', 'dans le Maine-et-Loire', 'Anjou'),
  '50': dep('Manche', 'de la Manche', 'dans la Manche', 'Cotentin'),
  '51': dep('Marne', 'de la Marne', 'dans la Marne', 'Champagne'),
  '52': dep('Haute-Marne', 'de la Haute-Marne', 'en Haute-Marne', 'Champagne'),
  '53': dep('Mayenne', 'de la Mayenne', 'en Mayenne', 'Maine'),
  '54': dep('Meurthe-et-Moselle', 'de Meurthe-et-Moselle', 'en Meurthe-et-Moselle', 'Lorraine'),
  '55': dep('Meuse', 'de la Meuse', 'dans la Meuse', 'Lorraine'),
  '56': dep('Morbihan', 'du Morbihan', 'dans le Morbihan', 'Bretagne'),
  '57': dep('Moselle', 'de la Moselle', 'en Moselle', 'Lorraine'),
  '58': dep('Nièvre', 'de la Nièvre', 'dans la Nièvre', 'Nivernais'),
  '59': dep('Nord', 'du Nord', 'dans le Nord', 'Flandres'),
  '60': dep('Oise', "de l'Oise", "dans l'Oise", 'Picardie'),
  '61': dep('Orne', "de l'Orne", "dans l'Orne", 'Normandie'),
  '62': dep('Pas-de-Calais', 'du Pas-de-Calais', 'dans le Pas-de-Calais', 'Artois'),
  '63': dep('Puy-de-Dôme', 'du Puy-de-Dôme', 'dans le Puy-de-Dôme', 'Auvergne'),
  '64': dep('Pyrénées-Atlantiques', 'des Pyrénées-Atlantiques', 'dans les Pyrénées-Atlantiques', 'Béarn'),
  '65': dep('Hautes-Pyrénées', 'des Hautes-Pyrénées', 'dans les Hautes-Pyrénées', 'Bigorre'),
  '66': dep('Pyrénées-Orientales', 'des Pyrénées-Orientales', 'dans les Pyrénées-Orientales', 'Roussillon'),
  '67': dep('Bas-Rhin', 'du Bas-Rhin', 'dans le Bas-Rhin', 'Alsace'),
  '68': dep('Haut-Rhin', 'du Haut-Rhin', 'dans le Haut-Rhin', 'Alsace'),
  '69': dep('Rhône', 'du Rhône', 'dans le Rhône', 'Lyonnais'),
  '70': dep('Haute-Saône', 'de la Haute-Saône', 'en Haute-Saône', 'Franche-Comté'),
  '71': dep('Saône-et-Loire', 'de Saône-et-Loire', 'en Saône-et-Loire', 'Bourgogne'),
  '72': dep('Sarthe', 'de la Sarthe', 'dans la Sarthe', 'Maine'),
  '73': dep('Savoie', 'de la Savoie', 'en Savoie', 'Savoie'),
  '74': dep('Haute-Savoie', 'de la Haute-Savoie', 'en Haute-Savoie', 'Savoie'),
  '75': dep('Paris', 'de Paris', 'à Paris', 'Île-de-France'),
  '76': dep('Seine-Maritime', 'de la Seine-Maritime', 'en Seine-Maritime', 'Normandie'),
  '77': dep('Seine-et-Marne', 'de Seine-et-Marne', 'en Seine-et-Marne', 'Île-de-France'),
  '78': dep('Yvelines', 'des Yvelines', 'dans les Yvelines', 'Île-de-France'),
  '79': dep('Deux-Sèvres', 'des Deux-Sèvres', 'dans les Deux-Sèvres', 'Poitou'),
  '80': dep('Somme', 'de la Somme', 'dans la Somme', 'Picardie'),
  '81': dep('Tarn', 'du Tarn', 'dans le Tarn', 'Albigeois'),
  '82': dep('Tarn-et-Garonne', 'du Tarn-et-Garonne', 'dans le Tarn-et-Garonne', 'Quercy'),
  '83': dep('Var', 'du Var', 'dans le Var', 'Provence'),
  '84': dep('Vaucluse', 'du Vaucluse', 'dans le Vaucluse', 'Provence'),
  '85': dep('Vendée', 'de la Vendée', 'en Vendée', 'Vendée'),
  '86': dep('Vienne', 'de la Vienne', 'dans la Vienne', 'Poitou'),
  '87': dep('Haute-Vienne', 'de la Haute-Vienne', 'en Haute-Vienne', 'Limousin'),
  '88': dep('Vosges', 'des Vosges', 'dans les Vosges', 'Lorraine'),
  '89': dep('Yonne', "de l'Yonne", "dans l'Yonne", 'Bourgogne'),
  '90': dep('Territoire de Belfort', 'du Territoire de Belfort', 'dans le Territoire de Belfort', 'Franche-Comté'),
  '91': dep('Essonne', "de l'Essonne", 'en Essonne', 'Île-de-France'),
  '92': dep('Hauts-de-Seine', 'des Hauts-de-Seine', 'dans les Hauts-de-Seine', 'Île-de-France'),
  '93': dep('Seine-Saint-Denis', 'de la Seine-Saint-Denis', 'en Seine-Saint-Denis', 'Île-de-France'),
  '94': dep('Val-de-Marne', 'du Val-de-Marne', 'dans le Val-de-Marne', 'Île-de-France'),
  '95': dep("Val-d'Oise", "du Val-d'Oise", "dans le Val-d'Oise", 'Île-de-France'),
  '971': dep('Guadeloupe', 'de la Guadeloupe', 'en Guadeloupe', 'Guadeloupe'),
  '972': dep('Martinique', 'de la Martinique', 'en Martinique', 'Martinique'),
  '973': dep('Guyane', 'de la Guyane', 'en Guyane', 'Guyane'),
  '974': dep('La Réunion', 'de La Réunion', 'à La Réunion', 'Réunion'),
  '975': dep('Saint-Pierre-et-Miquelon', 'de Saint-Pierre-et-Miquelon', 'à Saint-Pierre-et-Miquelon', 'Saint-Pierre-et-Miquelon'),
  '976': dep('Mayotte', 'de Mayotte', 'à Mayotte', 'Mayotte'),
  '977': dep('Saint-Barthélemy', 'de Saint-Barthélemy', 'à Saint-Barthélemy', 'Saint-Barthélemy'),
  '978': dep('Saint-Martin', 'de Saint-Martin', 'à Saint-Martin', 'Saint-Martin'),
};

/** Région names and their "en / dans" form. */
export const REGION_WORDS: Readonly<Record<string, { name: string; in: string }>> = {
  '01': { name: 'Guadeloupe', in: 'en Guadeloupe' },
  '02': { name: 'Martinique', in: 'en Martinique' },
  '03': { name: 'Guyane', in: 'en Guyane' },
  '04': { name: 'La Réunion', in: 'à La Réunion' },
  '06': { name: 'Mayotte', in: 'à Mayotte' },
  '11': { name: 'Île-de-France', in: 'en Île-de-France' },
  '24': { name: 'Centre-Val de Loire', in: 'en Centre-Val de Loire' },
  '27': { name: 'Bourgogne-Franche-Comté', in: 'en Bourgogne-Franche-Comté' },
  '28': { name: 'Normandie', in: 'en Normandie' },
  '32': { name: 'Hauts-de-France', in: 'dans les Hauts-de-France' },
  '44': { name: 'Grand Est', in: 'dans le Grand Est' },
  '52': { name: 'Pays de la Loire', in: 'dans les Pays de la Loire' },
  '53': { name: 'Bretagne', in: 'en Bretagne' },
  '75': { name: 'Nouvelle-Aquitaine', in: 'en Nouvelle-Aquitaine' },
  '76': { name: 'Occitanie', in: 'en Occitanie' },
  '84': { name: 'Auvergne-Rhône-Alpes', in: 'en Auvergne-Rhône-Alpes' },
  '93': { name: "Provence-Alpes-Côte d'Azur", in: "en Provence-Alpes-Côte d'Azur" },
  '94': { name: 'Corse', in: 'en Corse' },
  '975': { name: 'Saint-Pierre-et-Miquelon', in: 'à Saint-Pierre-et-Miquelon' },
  '977': { name: 'Saint-Barthélemy', in: 'à Saint-Barthélemy' },
  '978': { name: 'Saint-Martin', in: 'à Saint-Martin' },
};

// ---------------------------------------------------------------------------------------
// Service areas
// ---------------------------------------------------------------------------------------

/**
 * Service-area kinds by supplier kind, with weights. Most structures serve their commune,
 * their département or a radius; AI and ACI are local by nature and never national;
 * only a few ETTI, EA, EATT and EITI networks (and rarely a GEIQ) work all over France.
 */
export const KIND_AREA_SHARES: Record<SupplierKind, ReadonlyArray<readonly [ServiceAreaKind, number]>> = {
  [SupplierKind.ACI]: [[ServiceAreaKind.RADIUS, 60], [ServiceAreaKind.DEPARTEMENTS, 38], [ServiceAreaKind.REGIONS, 2]],
  [SupplierKind.AI]: [[ServiceAreaKind.RADIUS, 55], [ServiceAreaKind.DEPARTEMENTS, 45]],
  [SupplierKind.EI]: [[ServiceAreaKind.RADIUS, 45], [ServiceAreaKind.DEPARTEMENTS, 40], [ServiceAreaKind.REGIONS, 15]],
  [SupplierKind.ETTI]: [
    [ServiceAreaKind.RADIUS, 25], [ServiceAreaKind.DEPARTEMENTS, 45], [ServiceAreaKind.REGIONS, 26], [ServiceAreaKind.NATIONAL, 4],
  ],
  [SupplierKind.EITI]: [
    [ServiceAreaKind.RADIUS, 20], [ServiceAreaKind.DEPARTEMENTS, 35], [ServiceAreaKind.REGIONS, 33], [ServiceAreaKind.NATIONAL, 12],
  ],
  [SupplierKind.GEIQ]: [[ServiceAreaKind.DEPARTEMENTS, 60], [ServiceAreaKind.REGIONS, 39], [ServiceAreaKind.NATIONAL, 1]],
  [SupplierKind.EA]: [
    [ServiceAreaKind.RADIUS, 35], [ServiceAreaKind.DEPARTEMENTS, 37], [ServiceAreaKind.REGIONS, 23], [ServiceAreaKind.NATIONAL, 5],
  ],
  [SupplierKind.EATT]: [
    [ServiceAreaKind.RADIUS, 10], [ServiceAreaKind.DEPARTEMENTS, 42], [ServiceAreaKind.REGIONS, 40], [ServiceAreaKind.NATIONAL, 8],
  ],
  [SupplierKind.ESAT]: [[ServiceAreaKind.RADIUS, 55], [ServiceAreaKind.DEPARTEMENTS, 40], [ServiceAreaKind.REGIONS, 5]],
};
/** Largest radius (km) by kind: an AI works around its commune, an ETTI across a basin. */
export const KIND_MAX_RADIUS_KM: Record<SupplierKind, number> = {
  [SupplierKind.AI]: 30,
  [SupplierKind.ACI]: 50,
  [SupplierKind.ESAT]: 60,
  [SupplierKind.EI]: 80,
  [SupplierKind.ETTI]: 100,
  [SupplierKind.EITI]: 100,
  [SupplierKind.GEIQ]: 100,
  [SupplierKind.EA]: 100,
  [SupplierKind.EATT]: 100,
};
/** Most other départements a DEPARTEMENTS area adds to the supplier's own, by kind. */
export const KIND_MAX_EXTRA_DEPARTEMENTS: Record<SupplierKind, number> = {
  [SupplierKind.AI]: 1,
  [SupplierKind.ACI]: 1,
  [SupplierKind.ESAT]: 1,
  [SupplierKind.EI]: 2,
  [SupplierKind.ETTI]: 3,
  [SupplierKind.EITI]: 3,
  [SupplierKind.GEIQ]: 3,
  [SupplierKind.EA]: 3,
  [SupplierKind.EATT]: 3,
};
/**
 * Activities a national network can deliver from a few sites (remote services, staff
 * agencies, production and logistics); a supplier whose main activity is on-site work
 * elsewhere (gardens, cleaning, events) serves at most its région.
 */
export const NATIONAL_GROUPS: readonly string[] = [
  'mise-a-disposition', 'informatique-numerique', 'administratif-relation-client', 'impression-communication',
  'logistique-conditionnement', 'sous-traitance-industrielle', 'transport-demenagement',
];
/** Kinds that may ship goods all over France (a product sold by mail order). */
export const KIND_SHIPS_NATIONALLY: readonly SupplierKind[] = [
  SupplierKind.EI, SupplierKind.EA, SupplierKind.ESAT, SupplierKind.EITI,
];

// ---------------------------------------------------------------------------------------
// Contact and address
// ---------------------------------------------------------------------------------------

export const STREET_TYPES: readonly string[] = ['rue', 'rue', 'rue', 'avenue', 'chemin', 'impasse', 'allée', 'route', 'boulevard'];
export const STREET_NAMES: readonly string[] = [
  'des Tisserands', 'du Lavoir', 'de la Fontaine', 'des Artisans', 'du Moulin', 'des Peupliers', 'des Acacias',
  'de la Tuilerie', 'des Forges', 'du Vieux Puits', 'des Coquelicots', 'de la Briqueterie', 'des Lilas',
  'du Grand Pré', 'des Mésanges', 'de la Vannerie', 'des Glycines', 'du Four à Pain', 'des Compagnons',
  'de la Charpente', 'des Noisetiers', 'du Pressoir', 'des Ateliers', 'de la Sablière', 'des Hirondelles',
  'du Champ Fleuri', 'des Vignes', 'de la Filature', 'des Bleuets', 'du Bief', 'des Saules', 'de la Verrerie',
];
export const BUSINESS_PARKS: readonly string[] = [
  'ZA du Pré Long', 'ZA des Forges', 'Parc d\'activités des Saules', 'ZI de la Sablière', 'Pôle artisanal du Moulin',
];
export const EMAIL_LOCAL_PARTS: readonly string[] = ['contact', 'contact', 'accueil', 'commercial', 'devis'];

// ---------------------------------------------------------------------------------------
// Tags (networks, labels, certifications)
// ---------------------------------------------------------------------------------------

/**
 * A network or label (`Supplier.tags`). Each one has a reason to be on a supplier: its kind
 * (a kind's federation) or one of its activities (a trade label such as Qualibat, or a
 * network of one trade such as Envie); when both are given, both must hold.
 */
export interface TagSpec {
  label: string;
  /** Kinds that may carry the tag; any kind when absent (then `categories` is required). */
  kinds?: readonly SupplierKind[];
  /** The supplier must have one of these categories; any category when absent. */
  categories?: readonly string[];
  /** Chance that an eligible supplier carries it. */
  chance: number;
}
const { EI, AI, ACI, ETTI, EITI, GEIQ, EA, EATT, ESAT } = SupplierKind;
const INDUSTRY = ['cablage-assemblage-electrique', 'usinage-mecanique', 'assemblage-montage', 'controle-qualite-tri', 'plasturgie', 'metallerie-soudure'];
export const TAGS: readonly TagSpec[] = [
  // Federations and networks of a kind.
  { label: 'Réseau Gesat', kinds: [EA, EATT, ESAT], chance: 0.25 },
  { label: 'UNEA', kinds: [EA, EATT], chance: 0.35 },
  { label: 'Andicat', kinds: [ESAT], chance: 0.25 },
  { label: "Fédération des entreprises d'insertion", kinds: [EI, ETTI, EITI], chance: 0.3 },
  { label: 'COORACE', kinds: [AI, ACI, EI, ETTI], chance: 0.12 },
  { label: 'Chantier école', kinds: [ACI], chance: 0.3 },
  { label: 'Fédération française des GEIQ', kinds: [GEIQ], chance: 0.7 },
  { label: 'Label RSEi', kinds: [EI, ETTI, AI, ACI], chance: 0.04 },
  { label: 'Qualiopi', kinds: [GEIQ], chance: 0.3 },
  // Networks of one trade.
  { label: 'Tissons la solidarité', kinds: [ACI, EI],
    categories: ['couture-retouches', 'confection-sur-mesure', 'sacs-accessoires-tissu', 'upcycling-baches-textiles', 'reprise-textiles'], chance: 0.3 },
  { label: 'Emmaüs', kinds: [ACI, EI], categories: ['ressourcerie-reemploi', 'encombrants-debarras', 'mobilier-bureau-reconditionne'], chance: 0.12 },
  { label: 'Envie', kinds: [EI, ACI], categories: ['collecte-deee'], chance: 0.35 },
  { label: 'Le Relais', kinds: [EI], categories: ['reprise-textiles'], chance: 0.3 },
  { label: 'Réseau des Ressourceries', kinds: [ACI, EI, ESAT], categories: ['ressourcerie-reemploi'], chance: 0.35 },
  { label: "L'Heureux Cyclage", kinds: [ACI, EI, EA, ESAT], categories: ['reparation-velos', 'velos-reconditionnes'], chance: 0.35 },
  { label: 'Agrément services à la personne', kinds: [AI, ACI, EI],
    categories: ['aide-a-domicile', 'menage-domicile', 'garde-enfants', 'jardinage-domicile', 'bricolage-domicile', 'accompagnement-courses'], chance: 0.4 },
  // Trade labels and certifications.
  { label: 'Qualibat', kinds: [EI, EA],
    categories: ['peinture-interieure', 'peinture-exterieure-ravalement', 'second-oeuvre-renovation', 'maconnerie-pierre-seche', 'menuiserie-agencement', 'demolition-curage'], chance: 0.2 },
  { label: 'Qualipropre', kinds: [EI, EA],
    categories: ['nettoyage-bureaux', 'nettoyage-vitres', 'nettoyage-equipements-publics', 'nettoyage-fin-de-chantier', 'entretien-parties-communes'], chance: 0.2 },
  { label: 'Ecocert', kinds: [EI, EA, ESAT, ACI], categories: ['nettoyage-bureaux', 'nettoyage-equipements-publics'], chance: 0.08 },
  { label: 'Agriculture biologique', kinds: [ACI, EI, ESAT, EA],
    categories: ['paniers-legumes-bio', 'fruits-legumes-restauration-collective', 'legumerie', 'conserves-confitures-jus', 'produits-fermiers', 'plants-horticulture', 'miel-apiculture'], chance: 0.45 },
  { label: 'Ecocert En Cuisine', kinds: [EI, EA, ESAT, ACI], categories: ['restauration-collective', 'portage-repas', 'plateaux-repas'], chance: 0.12 },
  { label: "Imprim'Vert", kinds: [EI, EA, ESAT], categories: ['impression-offset', 'impression-numerique', 'marquage-textile', 'signaletique'], chance: 0.35 },
  { label: 'Label Numérique Responsable', kinds: [EI, EA, ESAT, ACI],
    categories: ['reconditionnement-ordinateurs', 'materiel-informatique-reconditionne', 'maintenance-informatique', 'creation-sites-web'], chance: 0.12 },
  { label: 'Certibiocide', kinds: [EI, EA, ESAT, ACI], categories: ['desinfection-nuisibles'], chance: 0.6 },
  { label: 'NF Z40-350', kinds: [EI, EA, ESAT], categories: ['destruction-archives-confidentielles'], chance: 0.3 },
  { label: 'ISO 9001', kinds: [EA, ESAT, EI],
    categories: [...INDUSTRY, 'blanchisserie-hospitaliere', 'conditionnement-facon', 'preparation-commandes', 'centre-appels'], chance: 0.15 },
  { label: 'ISO 14001', kinds: [EA, EI, ESAT],
    categories: ['collecte-deee', 'collecte-papiers-cartons', 'destruction-archives-confidentielles', 'plasturgie', 'usinage-mecanique', 'blanchisserie-hospitaliere'], chance: 0.1 },
  { label: 'MASE', kinds: [EA, EI], categories: ['metallerie-soudure', 'usinage-mecanique', 'cablage-assemblage-electrique', 'demolition-curage'], chance: 0.15 },
];
/** Most tags on one supplier. */
export const MAX_TAGS = 3;

// ---------------------------------------------------------------------------------------
// Prices
// ---------------------------------------------------------------------------------------

/** Price profile, € HT. priceFrom is drawn log-uniformly in [min, max], rounded to step. */
export interface PriceProfile {
  unit: PriceUnit;
  min: number;
  max: number;
  step: number;
}

const profile = (unit: PriceUnit, min: number, max: number, step: number): PriceProfile => ({ unit, min, max, step });

export const PRICES = {
  hourStaff: profile(PriceUnit.HOUR, 25, 42, 0.5),
  hourService: profile(PriceUnit.HOUR, 28, 60, 0.5),
  /** Manual work (cleaning, household help, litter picking): close to the minimum-wage cost. */
  hourLabour: profile(PriceUnit.HOUR, 25, 38, 0.5),
  /** Skilled work (IT support, interpreting, welding). */
  hourSkilled: profile(PriceUnit.HOUR, 38, 60, 0.5),
  halfDay: profile(PriceUnit.HALF_DAY, 120, 320, 5),
  day: profile(PriceUnit.DAY, 180, 600, 5),
  month: profile(PriceUnit.MONTH, 300, 3500, 10),
  monthBike: profile(PriceUnit.MONTH, 20, 120, 1),
  m2Cleaning: profile(PriceUnit.SQUARE_METRE, 1, 5, 0.05),
  m2Painting: profile(PriceUnit.SQUARE_METRE, 15, 40, 0.5),
  m2Facade: profile(PriceUnit.SQUARE_METRE, 20, 70, 0.5),
  m2Mowing: profile(PriceUnit.SQUARE_METRE, 0.1, 0.9, 0.01),
  m2Weeding: profile(PriceUnit.SQUARE_METRE, 0.3, 2, 0.05),
  m2Graffiti: profile(PriceUnit.SQUARE_METRE, 8, 35, 0.5),
  m2Textile: profile(PriceUnit.SQUARE_METRE, 3, 15, 0.1),
  linearHedge: profile(PriceUnit.LINEAR_METRE, 3, 15, 0.5),
  linearFence: profile(PriceUnit.LINEAR_METRE, 25, 90, 1),
  meal: profile(PriceUnit.MEAL, 6, 15, 0.1),
  person: profile(PriceUnit.PERSON, 12, 65, 0.5),
  personBreak: profile(PriceUnit.PERSON, 3, 12, 0.1),
  personSeminar: profile(PriceUnit.PERSON, 25, 90, 0.5),
  kgLaundry: profile(PriceUnit.KILOGRAM, 2, 7, 0.05),
  kgVegetables: profile(PriceUnit.KILOGRAM, 2, 9, 0.1),
  kgPrepared: profile(PriceUnit.KILOGRAM, 2.5, 8, 0.1),
  kgHoney: profile(PriceUnit.KILOGRAM, 12, 30, 0.5),
  kgCoffee: profile(PriceUnit.KILOGRAM, 14, 40, 0.5),
  kgArchives: profile(PriceUnit.KILOGRAM, 0.3, 1.5, 0.05),
  tonneWaste: profile(PriceUnit.TONNE, 60, 260, 1),
  piecePrint: profile(PriceUnit.PIECE, 0.05, 3, 0.01),
  /** One folded and enveloped letter, one routed item. */
  pieceFold: profile(PriceUnit.PIECE, 0.03, 0.4, 0.01),
  /** One scanned page. */
  piecePage: profile(PriceUnit.PIECE, 0.04, 0.6, 0.01),
  pieceCup: profile(PriceUnit.PIECE, 0.1, 0.8, 0.01),
  pieceSmall: profile(PriceUnit.PIECE, 0.2, 8, 0.01),
  pieceGoodies: profile(PriceUnit.PIECE, 0.5, 15, 0.05),
  pieceBakery: profile(PriceUnit.PIECE, 0.8, 25, 0.05),
  pieceParts: profile(PriceUnit.PIECE, 1, 40, 0.1),
  /** One alteration, one repaired garment or shoe. */
  pieceAlteration: profile(PriceUnit.PIECE, 6, 30, 0.5),
  /** One garment cleaned and pressed. */
  pieceGarment: profile(PriceUnit.PIECE, 2.5, 12, 0.1),
  /** One archive box sorted and listed. */
  pieceArchiveBox: profile(PriceUnit.PIECE, 3, 12, 0.1),
  pieceCleaning: profile(PriceUnit.PIECE, 2, 40, 0.1),
  pieceJar: profile(PriceUnit.PIECE, 2.5, 9, 0.1),
  pieceTextile: profile(PriceUnit.PIECE, 4, 25, 0.1),
  pieceDevice: profile(PriceUnit.PIECE, 5, 30, 0.5),
  pieceDelivery: profile(PriceUnit.PIECE, 5, 25, 0.5),
  pieceToner: profile(PriceUnit.PIECE, 8, 90, 0.5),
  pieceBasket: profile(PriceUnit.PIECE, 10, 35, 0.5),
  pieceGoods: profile(PriceUnit.PIECE, 12, 250, 0.5),
  pieceGift: profile(PriceUnit.PIECE, 15, 80, 0.5),
  pieceBike: profile(PriceUnit.PIECE, 15, 120, 1),
  pieceTyre: profile(PriceUnit.PIECE, 15, 90, 1),
  pieceVehicle: profile(PriceUnit.PIECE, 25, 150, 1),
  pieceSmartphone: profile(PriceUnit.PIECE, 60, 300, 5),
  pieceFirewood: profile(PriceUnit.PIECE, 60, 110, 1),
  pieceFurniture: profile(PriceUnit.PIECE, 90, 1200, 5),
  pieceTree: profile(PriceUnit.PIECE, 120, 1500, 10),
  pieceComputer: profile(PriceUnit.PIECE, 120, 480, 5),
  pieceBikeRefurbished: profile(PriceUnit.PIECE, 120, 900, 5),
  flatSmall: profile(PriceUnit.FLAT, 150, 3000, 10),
  flatMedium: profile(PriceUnit.FLAT, 1500, 15000, 50),
  flatLarge: profile(PriceUnit.FLAT, 20000, 110000, 100),
  flatMajor: profile(PriceUnit.FLAT, 35000, 120000, 500),
} as const satisfies Record<string, PriceProfile>;

/** Minimum order amounts (€ HT) and their weights. */
export const MINIMUM_ORDER_AMOUNTS: ReadonlyArray<readonly [number, number]> = [
  [50, 10], [80, 8], [100, 14], [150, 10], [200, 10], [250, 8], [300, 8], [500, 10], [750, 5], [1000, 7], [1500, 4],
  [2000, 3], [3000, 2], [5000, 1],
];
/** Lead times (days) and their weights. */
export const LEAD_TIMES: ReadonlyArray<readonly [number, number]> = [
  [1, 5], [2, 8], [3, 10], [5, 12], [7, 14], [10, 10], [14, 12], [15, 6], [21, 8], [30, 9], [45, 4], [60, 2],
];
/** Radii (km) of RADIUS service areas and their weights. */
export const RADII_KM: ReadonlyArray<readonly [number, number]> = [
  [10, 6], [15, 8], [20, 14], [25, 10], [30, 16], [40, 14], [50, 14], [60, 7], [75, 5], [80, 3], [100, 3],
];

// ---------------------------------------------------------------------------------------
// Offerings
// ---------------------------------------------------------------------------------------

export interface OfferingTemplate {
  title: string;
  description: string;
  serviceType: ServiceType;
  price: PriceProfile;
  /**
   * Slugs of the categories the offering belongs to; empty: any category of its group.
   * Slugs follow the category taxonomy; a slug absent from the input is simply unused.
   */
  categories: readonly string[];
}

const { STAFF_PROVISION: STAFF, SERVICES: SERV, GOODS } = ServiceType;
const t = (
  serviceType: ServiceType,
  price: PriceProfile,
  categories: readonly string[],
  title: string,
  description: string,
): OfferingTemplate => ({ title, description, serviceType, price, categories });
const P = PRICES;

/**
 * Categories only some kinds may be classified in (the staff-provision categories named
 * after a kind). Other categories are open to every kind.
 */
export const CATEGORY_KINDS: Readonly<Record<string, readonly SupplierKind[]>> = {
  'travail-temporaire-insertion': [ETTI],
  'interim-adapte': [EATT, EA],
  'association-intermediaire': [AI],
  'alternance-geiq': [GEIQ],
  'esat-hors-les-murs': [ESAT],
};

/**
 * Templates for a category no specific template covers (a category unknown to this
 * vocabulary, or staff provision in any sector). "{category}" is replaced by the category
 * name, "{categoryLower}" by the same with a lower-case initial.
 */
export const GENERIC_TEMPLATES: Record<ServiceType, readonly OfferingTemplate[]> = {
  [STAFF]: [
    t(STAFF, P.hourStaff, [], 'Mise à disposition de personnel : {category}',
      'Salariés encadrés et formés au poste, mis à disposition pour vos besoins ponctuels ou réguliers en {categoryLower}.'),
    t(STAFF, P.hourStaff, [], 'Renfort de personnel ponctuel : {category}',
      'Renfort rapide pour un surcroît d\'activité ou un remplacement. Un référent suit chaque mission et le salarié sur le terrain.'),
  ],
  [SERV]: [
    t(SERV, P.hourService, [], '{category}',
      'Prestation de {categoryLower} réalisée par nos équipes encadrées, en régie ou selon un cahier des charges.'),
    t(SERV, P.flatSmall, [], '{category} : intervention ponctuelle',
      'Intervention ponctuelle définie avec vous après une visite du site. Devis détaillé sous quelques jours.'),
  ],
  [GOODS]: [
    t(GOODS, P.pieceGoods, [], '{category} : fabrication et vente',
      'Produits fabriqués dans nos ateliers, en petites et moyennes séries.'),
  ],
};

/** Offering templates by category-group slug. */
export const OFFERING_TEMPLATES: Readonly<Record<string, readonly OfferingTemplate[]>> = {
  'espaces-verts': [
    t(SERV, P.m2Mowing, ['tonte-debroussaillage'], 'Tonte et débroussaillage des espaces verts communaux',
      'Tonte régulière des pelouses, débroussaillage des talus et évacuation des déchets verts, selon un calendrier défini avec les services techniques.'),
    t(SERV, P.linearHedge, ['taille-haies'], "Taille de haies et d'arbustes",
      'Taille manuelle et mécanique des haies, arbustes et massifs, broyage des résidus sur place.'),
    t(SERV, P.flatLarge, ['entretien-espaces-verts'], "Entretien annuel des espaces verts d'un site",
      'Contrat à l\'année : tonte, taille, désherbage manuel sans produit phytosanitaire et ramassage des feuilles.'),
    t(SERV, P.flatMajor, ['entretien-espaces-verts', 'entretien-milieux-naturels'], "Gestion différenciée et entretien pluriannuel d'un parc",
      'Marché pluriannuel d\'entretien d\'un parc ou d\'un cimetière en gestion différenciée, avec plan de fauche et suivi de la biodiversité.'),
    t(SERV, P.day, ['entretien-espaces-verts', 'tonte-debroussaillage', 'taille-haies', 'desherbage-alternatif'], "Équipe d'entretien des espaces verts à la journée",
      'Une équipe encadrée et équipée intervient à la journée sur vos chantiers d\'entretien.'),
    t(SERV, P.m2Weeding, ['desherbage-alternatif'], 'Désherbage manuel et thermique des voiries et cimetières',
      'Désherbage sans produit phytosanitaire des allées, trottoirs et cimetières.'),
    t(SERV, P.pieceTree, ['elagage-abattage'], "Élagage et abattage d'arbres",
      'Élagage raisonné, abattage et dessouchage par des équipes formées au travail en hauteur, prix par arbre.'),
    t(SERV, P.flatMedium, ['amenagement-paysager'], 'Création et aménagement de massifs paysagers',
      'Conception, préparation du sol et plantation de massifs économes en eau.'),
    t(SERV, P.day, ['entretien-milieux-naturels'], 'Entretien des berges et des milieux naturels',
      'Restauration de berges, arrachage d\'espèces invasives et entretien de sentiers.'),
    t(SERV, P.day, ['entretien-milieux-naturels', 'entretien-espaces-verts'], 'Entretien de vergers et de jardins partagés',
      'Taille, plantation et entretien de vergers conservatoires et de jardins partagés.'),
    t(SERV, P.flatMedium, ['ecopaturage'], 'Écopâturage de terrains communaux',
      'Entretien de terrains par un troupeau de moutons ou de chèvres, installation des clôtures et suivi des animaux compris, prix par saison.'),
  ],
  'proprete-nettoyage': [
    t(SERV, P.m2Cleaning, ['nettoyage-bureaux'], 'Nettoyage de bureaux et de locaux administratifs',
      'Entretien courant des bureaux, sanitaires et espaces communs avec des produits écolabellisés.'),
    t(SERV, P.flatSmall, ['nettoyage-fin-de-chantier'], 'Nettoyage de fin de chantier',
      'Remise en propreté des locaux après travaux, avant réception ou emménagement.'),
    t(SERV, P.m2Cleaning, ['nettoyage-vitres'], 'Nettoyage des vitres et surfaces vitrées',
      'Nettoyage intérieur et extérieur des vitres, jusqu\'à trois mètres de hauteur sans nacelle.'),
    t(SERV, P.flatMajor, ['nettoyage-equipements-publics', 'nettoyage-bureaux'], 'Entretien ménager quotidien de bâtiments publics',
      'Marché annuel d\'entretien ménager de plusieurs bâtiments, avec encadrement dédié et contrôle qualité mensuel.'),
    t(SERV, P.hourLabour, ['nettoyage-equipements-publics'], "Grand ménage des écoles et des gymnases",
      'Nettoyage approfondi des écoles, gymnases et salles municipales pendant les vacances scolaires.'),
    t(SERV, P.month, ['entretien-parties-communes'], 'Entretien mensuel des parties communes',
      'Passage hebdomadaire ou bimensuel dans les halls, escaliers et locaux poubelles.'),
    t(SERV, P.hourLabour, ['proprete-urbaine'], 'Ramassage des déchets et propreté des espaces publics',
      'Ramassage des papiers et dépôts sauvages, vidage des corbeilles et nettoyage des abords.'),
    t(SERV, P.m2Graffiti, ['enlevement-graffitis'], 'Enlèvement de tags et de graffitis',
      'Effacement par hydrogommage ou produits adaptés au support, pose d\'un vernis anti-graffitis en option.'),
    t(SERV, P.flatSmall, ['desinfection-nuisibles'], 'Désinfection de locaux et lutte contre les nuisibles',
      'Désinfection, dératisation et désinsectisation de locaux, avec rapport d\'intervention.'),
  ],
  'restauration-alimentation': [
    t(SERV, P.meal, ['portage-repas'], 'Portage de repas à domicile',
      'Préparation et livraison de repas équilibrés aux personnes âgées ou isolées, en liaison froide.'),
    t(GOODS, P.meal, ['plateaux-repas'], 'Plateaux-repas pour réunions et formations',
      'Plateaux-repas de saison, livrés sur site, avec options végétariennes.'),
    t(SERV, P.personBreak, ['pauses-cafe'], "Pauses café et petits-déjeuners d'accueil",
      'Café, thé, jus de fruits et viennoiseries pour vos réunions, installés et débarrassés par nos équipes.'),
    t(GOODS, P.flatMajor, ['restauration-collective'], 'Fourniture de repas pour la restauration collective',
      'Marché annuel de fourniture de repas en liaison froide pour écoles, crèches ou foyers.'),
    t(SERV, P.meal, ['restauration-collective'], 'Repas pour centres de loisirs et séjours',
      'Repas livrés en liaison froide pour les accueils de loisirs, pendant les vacances scolaires.'),
    t(SERV, P.flatMedium, ['gestion-cafeteria'], "Gestion d'une cafétéria ou d'une buvette",
      'Tenue d\'une cafétéria d\'entreprise, d\'administration ou d\'équipement sportif, approvisionnement compris.'),
    t(GOODS, P.pieceBakery, ['boulangerie-patisserie'], 'Pains, viennoiseries et biscuits artisanaux',
      'Fabrication artisanale de pains, viennoiseries et biscuits, livrés chaque matin.'),
    t(GOODS, P.pieceGift, ['epicerie-fine-coffrets'], 'Coffrets gourmands de produits locaux',
      'Coffrets cadeaux composés de produits du territoire, pour vos vœux, départs ou réceptions.'),
    t(GOODS, P.kgCoffee, ['cafe-the'], 'Café torréfié sur place et thés',
      'Café issu du commerce équitable torréfié dans notre atelier, en grains ou moulu, et sélection de thés.'),
  ],
  'dechets-recyclage': [
    t(SERV, P.tonneWaste, ['collecte-papiers-cartons'], 'Collecte et tri des papiers de bureau',
      'Mise en place de bacs, collecte régulière et tri des papiers et cartons, avec certificat de valorisation.'),
    t(SERV, P.flatSmall, ['collecte-deee'], "Collecte des déchets d'équipements électriques et électroniques",
      'Enlèvement sur site, tri et orientation vers les filières agréées de traitement.'),
    t(SERV, P.flatSmall, ['encombrants-debarras'], "Enlèvement d'encombrants et débarras",
      'Enlèvement d\'encombrants et de mobilier usagé, réemploi de ce qui peut l\'être.'),
    t(SERV, P.flatLarge, ['ressourcerie-reemploi'], "Gestion d'une ressourcerie ou d'une recyclerie",
      'Animation d\'un lieu de collecte, de réparation et de revente d\'objets, avec sensibilisation des habitants.'),
    t(SERV, P.tonneWaste, ['collecte-biodechets'], 'Collecte sélective des biodéchets',
      'Collecte des biodéchets des restaurants administratifs et scolaires, orientée vers le compostage.'),
    t(SERV, P.flatSmall, ['compostage'], 'Installation et suivi de composteurs partagés',
      'Installation de composteurs, formation des référents et suivi mensuel des sites.'),
    t(SERV, P.flatMedium, ['encombrants-debarras', 'ressourcerie-reemploi'], 'Démantèlement et recyclage de mobilier de bureau',
      'Démontage, tri par matière et recyclage du mobilier lors d\'un déménagement ou d\'une rénovation.'),
    t(SERV, P.flatMajor, ['collecte-papiers-cartons', 'collecte-biodechets'], 'Collecte et valorisation des déchets des bâtiments publics',
      'Marché annuel de collecte sélective des papiers, cartons, biodéchets et encombrants de l\'ensemble des bâtiments.'),
    t(SERV, P.kgArchives, ['destruction-archives-confidentielles'], "Destruction sécurisée d'archives confidentielles",
      'Collecte en conteneurs fermés, broyage et certificat de destruction.'),
    t(SERV, P.flatSmall, ['collecte-cartouches-piles'], "Collecte de cartouches d'encre, piles et petits déchets",
      'Mise à disposition de boîtes de collecte et enlèvement à la demande.'),
  ],
  'informatique-numerique': [
    t(GOODS, P.pieceComputer, ['materiel-informatique-reconditionne', 'reconditionnement-ordinateurs'], 'Ordinateurs portables reconditionnés',
      'Ordinateurs reconditionnés, testés et garantis un an, avec système installé.'),
    t(GOODS, P.pieceSmartphone, ['materiel-informatique-reconditionne'], 'Smartphones reconditionnés',
      'Smartphones reconditionnés et garantis, pour équiper les agents à moindre coût.'),
    t(SERV, P.pieceDevice, ['reconditionnement-ordinateurs'], 'Effacement sécurisé des données et reconditionnement du parc',
      'Effacement certifié des disques, reconditionnement ou recyclage des équipements en fin de vie.'),
    t(SERV, P.piecePrint, ['saisie-donnees'], 'Saisie de données et de formulaires',
      'Saisie et contrôle de données, traitement de formulaires papier ou numériques.'),
    t(SERV, P.piecePage, ['numerisation-documents'], "Numérisation de documents et d'archives",
      'Numérisation, indexation et restitution des dossiers papier dans le format de votre choix.'),
    t(SERV, P.hourSkilled, ['maintenance-informatique'], 'Assistance informatique et maintenance du parc',
      'Dépannage, installation de postes et maintenance préventive du parc informatique.'),
    t(SERV, P.flatMedium, ['creation-sites-web'], 'Création de site internet accessible',
      'Conception et réalisation d\'un site conforme aux règles d\'accessibilité numérique.'),
    t(SERV, P.day, ['tests-accessibilite-numerique'], "Audit d'accessibilité numérique et tests logiciels",
      'Audit de sites et d\'applications selon le référentiel général d\'amélioration de l\'accessibilité, tests fonctionnels.'),
    t(SERV, P.day, ['traitement-donnees'], 'Qualification et nettoyage de bases de données',
      'Dédoublonnage, correction et enrichissement de fichiers, avec contrôle qualité.'),
    t(SERV, P.flatMajor, ['reconditionnement-ordinateurs', 'maintenance-informatique'], "Renouvellement et reconditionnement d'un parc informatique",
      'Reprise des postes usagés, fourniture de postes reconditionnés et déploiement sur site, dans le cadre d\'un marché pluriannuel.'),
  ],
  'impression-communication': [
    t(GOODS, P.piecePrint, ['impression-offset'], 'Impression offset de brochures et de magazines',
      'Impression offset sur papier recyclé, façonnage et livraison compris.'),
    t(GOODS, P.piecePrint, ['impression-numerique'], 'Impression numérique et reprographie',
      'Impression de flyers, affiches et documents en petites séries, livrés sous 48 heures.'),
    t(SERV, P.flatSmall, ['graphisme-mise-en-page'], 'Graphisme et mise en page de supports',
      'Création graphique et mise en page de rapports, affiches et plaquettes.'),
    t(SERV, P.flatMedium, ['signaletique'], 'Conception et pose de signalétique',
      'Signalétique intérieure et extérieure des bâtiments publics, de la maquette à la pose.'),
    t(SERV, P.flatSmall, ['flocage-vehicules'], 'Flocage du parc de véhicules',
      'Pose d\'adhésifs et de logos sur les véhicules de service, dépose des anciens marquages comprise.'),
    t(GOODS, P.pieceGoods, ['impression-numerique', 'signaletique'], 'Impression grand format : bâches, kakémonos, panneaux',
      'Supports grand format pour vos événements et chantiers, livrés prêts à poser.'),
    t(GOODS, P.pieceGoodies, ['objets-promotionnels'], 'Objets promotionnels personnalisés',
      'Objets promotionnels fabriqués ou personnalisés dans nos ateliers, de cinquante à plusieurs milliers d\'exemplaires.'),
    t(GOODS, P.pieceTextile, ['marquage-textile'], 'Sérigraphie et broderie sur textiles',
      'Marquage de tee-shirts, sacs et vêtements de travail par sérigraphie ou broderie.'),
    t(SERV, P.halfDay, ['photographie-video'], "Reportage photo et vidéo d'événements",
      'Couverture photo et vidéo de vos événements, retouche et montage compris.'),
    t(GOODS, P.flatMajor, ['impression-offset', 'impression-numerique'], "Marché annuel d'impression et de reprographie",
      'Prise en charge de l\'ensemble des travaux d\'impression d\'une collectivité sur un an, avec bons de commande.'),
  ],
  'logistique-conditionnement': [
    t(SERV, P.pieceFold, ['mise-sous-pli'], 'Mise sous pli de courriers',
      'Pliage, mise sous pli et fermeture de vos courriers, manuelle ou mécanisée.'),
    t(SERV, P.pieceFold, ['routage-envois'], "Routage et affranchissement d'envois en nombre",
      'Tri, affranchissement et dépôt de vos envois en nombre.'),
    t(SERV, P.pieceSmall, ['conditionnement-facon'], 'Conditionnement à façon et mise sous film',
      'Conditionnement manuel ou semi-automatique, mise sous film et étiquetage.'),
    t(SERV, P.pieceSmall, ['conditionnement-facon', 'preparation-commandes'], 'Colisage et expédition de kits',
      'Assemblage de kits (accueil, événements, communication) et expédition à vos destinataires.'),
    t(SERV, P.hourService, ['preparation-commandes'], 'Préparation de commandes et logistique e-commerce',
      'Réception, stockage, préparation et expédition de commandes.'),
    t(SERV, P.month, ['stockage-entreposage'], 'Stockage et gestion de stocks en entrepôt',
      'Stockage sécurisé de fournitures, d\'archives ou de matériel, avec suivi des stocks en ligne.'),
    t(SERV, P.day, ['inventaires-gestion-stocks'], 'Inventaires physiques et gestion de stocks',
      'Comptage, étiquetage et rapprochement des stocks, avec rapport d\'inventaire.'),
    t(GOODS, P.pieceSmall, ['emballages-cartonnages'], "Fabrication de cartons et d'emballages sur mesure",
      'Découpe, pliage et assemblage de cartonnages et de calages sur mesure.'),
    t(SERV, P.day, ['manutention'], 'Manutention et déménagement interne',
      'Déplacement de mobilier et de cartons entre services, montage et démontage.'),
    t(SERV, P.flatMajor, ['stockage-entreposage', 'preparation-commandes'], 'Prestation logistique annuelle multisites',
      'Marché annuel de gestion des flux de fournitures entre plusieurs sites, navettes comprises.'),
  ],
  'batiment-travaux': [
    t(SERV, P.m2Painting, ['peinture-interieure'], 'Peinture intérieure de locaux',
      'Préparation des supports et mise en peinture des murs et plafonds, protection des sols comprise.'),
    t(SERV, P.m2Facade, ['peinture-exterieure-ravalement'], 'Ravalement et peinture de façades',
      'Nettoyage, traitement et mise en peinture des façades, échafaudage compris.'),
    t(SERV, P.hourService, ['petits-travaux-multiservice'], 'Petits travaux de maintenance des bâtiments',
      'Plomberie, électricité, menuiserie et serrurerie courantes dans vos bâtiments.'),
    t(SERV, P.linearFence, ['petits-travaux-multiservice'], 'Pose de clôtures et aménagements extérieurs',
      'Fourniture et pose de clôtures, portillons et bordures.'),
    t(SERV, P.flatLarge, ['second-oeuvre-renovation', 'peinture-interieure'], 'Rénovation de logements et de locaux',
      'Lots peinture, revêtements de sol et petite menuiserie pour la remise en état de logements ou de locaux.'),
    t(SERV, P.flatMajor, ['second-oeuvre-renovation'], 'Réhabilitation thermique et second œuvre',
      'Marché de travaux d\'isolation, de doublage et de finitions sur bâtiment occupé.'),
    t(SERV, P.flatMedium, ['maconnerie-pierre-seche'], 'Restauration de murets en pierre sèche et de petit patrimoine',
      'Restauration de murets, de lavoirs et de petits édifices communaux.'),
    t(SERV, P.flatMedium, ['menuiserie-agencement'], 'Pose de menuiseries et agencement intérieur',
      'Pose de portes, fenêtres, placards et aménagements sur mesure.'),
    t(SERV, P.flatLarge, ['demolition-curage'], 'Curage et déconstruction sélective avant travaux',
      'Curage intérieur, tri des matériaux à la source et orientation vers le réemploi.'),
    t(SERV, P.flatMedium, ['marquage-sol-parkings'], 'Peinture du parking et marquage au sol',
      'Marquage des places, des passages piétons et des cheminements accessibles.'),
  ],
  'blanchisserie-pressing': [
    t(SERV, P.kgLaundry, ['lavage-linge-plat', 'entretien-vetements-travail'], 'Blanchisserie du linge plat et des tenues professionnelles',
      'Lavage, séchage, repassage et pliage du linge plat et des vêtements de travail.'),
    t(SERV, P.month, ['collecte-livraison-linge'], 'Collecte et livraison du linge',
      'Tournées de collecte et de livraison du linge sur vos sites, selon un planning fixe.'),
    t(SERV, P.pieceGarment, ['repassage-pressing'], 'Pressing et repassage',
      'Nettoyage à sec et repassage de vêtements et de textiles.'),
    t(SERV, P.pieceSmall, ['entretien-vetements-travail'], 'Marquage et retouche des vêtements de travail',
      'Marquage nominatif, pose d\'écussons et retouches des tenues.'),
    t(SERV, P.flatMajor, ['blanchisserie-hospitaliere'], 'Blanchisserie pour établissement de santé ou médico-social',
      'Marché annuel de traitement du linge hôtelier et des tenues, avec traçabilité et protocole d\'hygiène.'),
    t(SERV, P.kgLaundry, ['blanchisserie-hospitaliere'], 'Traitement du linge des résidents en EHPAD',
      'Marquage, lavage et retour du linge personnel des résidents, en circuit séparé.'),
    t(SERV, P.month, ['location-gestion-linge'], 'Location et gestion du linge plat et des tenues',
      'Linge fourni, entretenu et renouvelé, facturé au mois.'),
    t(SERV, P.m2Textile, ['nettoyage-rideaux-tapis'], "Nettoyage de rideaux, tapis et textiles d'ameublement",
      'Dépose, nettoyage et repose des rideaux et tapis, traitement ignifuge en option.'),
  ],
  'sous-traitance-industrielle': [
    t(SERV, P.pieceSmall, ['assemblage-montage'], 'Assemblage et montage de sous-ensembles',
      'Assemblage manuel de sous-ensembles mécaniques ou électriques, en petites et grandes séries.'),
    t(SERV, P.pieceSmall, ['cablage-assemblage-electrique'], 'Câblage électrique et électronique',
      'Préparation de faisceaux, sertissage et câblage de cartes, avec contrôle unitaire.'),
    t(GOODS, P.pieceParts, ['usinage-mecanique'], 'Usinage et découpe de pièces',
      'Découpe, perçage et usinage de pièces métalliques ou plastiques sur plan.'),
    t(SERV, P.hourService, ['controle-qualite-tri'], 'Contrôle qualité et tri de pièces',
      'Contrôle visuel et dimensionnel, tri et reconditionnement de pièces non conformes.'),
    t(SERV, P.hourSkilled, ['metallerie-soudure'], 'Soudure, métallerie et chaudronnerie légère',
      'Travaux de soudure, de métallerie et de chaudronnerie légère en atelier.'),
    t(SERV, P.flatLarge, ['assemblage-montage', 'cablage-assemblage-electrique', 'usinage-mecanique'], 'Sous-traitance industrielle en série',
      'Contrat annuel de production en série, avec planification et livraisons cadencées.'),
    t(GOODS, P.pieceFurniture, ['menuiserie-bois-ebenisterie'], 'Menuiserie et ébénisterie sur plan',
      'Fabrication d\'éléments en bois massif ou en panneaux, de la pièce unique à la petite série.'),
    t(GOODS, P.pieceParts, ['plasturgie'], 'Injection et transformation de pièces plastiques',
      'Injection, ébavurage et assemblage de pièces plastiques, en séries.'),
  ],
  evenementiel: [
    t(SERV, P.person, ['traiteur-evenementiel'], 'Buffet et cocktail traiteur',
      'Buffets et cocktails pour vos événements, préparés avec des produits locaux.'),
    t(SERV, P.hourService, ['accueil-evenementiel'], "Accueil et orientation du public lors d'événements",
      'Hôtes et hôtesses pour l\'accueil, l\'orientation et le contrôle d\'accès de vos événements.'),
    t(SERV, P.flatSmall, ['logistique-evenementielle'], 'Installation et démontage de salles et de stands',
      'Montage de stands, de scènes et de mobilier avant l\'événement, démontage et rangement après.'),
    t(SERV, P.flatSmall, ['location-materiel-evenementiel'], 'Location et livraison de mobilier événementiel',
      'Tables, chaises, barnums et éléments de décor en bois de réemploi.'),
    t(SERV, P.flatMedium, ['logistique-evenementielle', 'organisation-seminaires'], "Organisation logistique d'un événement public",
      'Coordination logistique complète : installation, accueil, restauration et gestion des déchets.'),
    t(SERV, P.personSeminar, ['organisation-seminaires'], "Organisation de séminaires et de journées d'étude",
      'Salle, accueil, pauses et repas pris en charge, prix par participant.'),
    t(SERV, P.pieceCup, ['vaisselle-reutilisable'], 'Location et lavage de gobelets et de vaisselle réutilisables',
      'Gobelets, assiettes et couverts réutilisables livrés, récupérés et lavés après l\'événement.'),
    t(SERV, P.flatSmall, ['proprete-evenements'], 'Gestion du tri des déchets sur un événement',
      'Points de tri animés, collecte et bilan des déchets de votre manifestation.'),
  ],
  'transport-demenagement': [
    t(SERV, P.flatMedium, ['demenagement-bureaux'], 'Déménagement de bureaux',
      'Emballage, transport et réinstallation de services entiers, archives comprises.'),
    t(SERV, P.hourService, ['transport-marchandises'], 'Livraisons et transport de marchandises',
      'Livraisons en véhicule utilitaire, tournées régulières ou ponctuelles.'),
    t(SERV, P.hourService, ['transport-adapte-pmr'], 'Transport de personnes à mobilité réduite',
      'Transport accompagné en véhicule adapté, vers les établissements et les lieux d\'activité.'),
    t(SERV, P.pieceDelivery, ['livraison-velo-dernier-kilometre'], 'Livraison à vélo cargo en centre-ville',
      'Livraison du dernier kilomètre à vélo cargo, sans émission.'),
    t(SERV, P.pieceDelivery, ['coursiers-plis'], 'Coursiers et transport de plis urgents',
      'Enlèvement et remise en main propre de plis et de colis, dans la journée.'),
    t(SERV, P.hourService, ['navettes-transport-personnes'], 'Navettes et transport de personnes',
      'Navettes régulières ou ponctuelles en minibus, chauffeur compris.'),
    t(SERV, P.flatMajor, ['transport-marchandises', 'coursiers-plis'], 'Marché annuel de transport et de livraisons inter-sites',
      'Navettes régulières entre les sites d\'une collectivité : courrier, fournitures et petit matériel.'),
    t(SERV, P.flatMedium, ['transfert-archives-bibliotheques'], "Transfert d'archives et de bibliothèques",
      'Conditionnement, transfert et reclassement d\'archives ou de fonds documentaires.'),
  ],
  'services-a-la-personne': [
    t(SERV, P.hourLabour, ['aide-a-domicile'], 'Aide à domicile des personnes âgées',
      'Aide aux gestes du quotidien, préparation des repas et présence, dans le cadre d\'un plan d\'aide ou en direct.'),
    t(SERV, P.hourLabour, ['menage-domicile'], 'Ménage et repassage chez les particuliers',
      'Entretien du logement et du linge chez les particuliers.'),
    t(SERV, P.hourLabour, ['jardinage-domicile'], 'Petits travaux de jardinage chez les particuliers',
      'Tonte, taille et désherbage dans les jardins des particuliers.'),
    t(SERV, P.hourService, ['bricolage-domicile'], 'Petit bricolage à domicile',
      'Montage de meubles, fixations et petites réparations au domicile.'),
    t(SERV, P.hourLabour, ['garde-enfants'], "Garde d'enfants à domicile et sorties d'école",
      'Garde d\'enfants à domicile, accompagnement à l\'école et aux activités.'),
    t(SERV, P.hourLabour, ['accompagnement-courses'], 'Accompagnement aux courses et livraison à domicile',
      'Accompagnement des personnes âgées ou isolées pour leurs courses, ou livraison à domicile.'),
    t(SERV, P.hourService, ['aide-numerique-domicile'], 'Aide numérique à domicile',
      'Initiation aux outils numériques et aide aux démarches en ligne, au domicile des personnes.'),
  ],
  'securite-mediation': [
    t(SERV, P.hourService, ['mediation-sociale'], 'Médiation sociale et tranquillité publique',
      'Médiateurs présents dans les quartiers, les équipements et les lieux publics.'),
    t(SERV, P.flatLarge, ['mediation-sociale'], 'Prévention et médiation estivale',
      'Dispositif saisonnier de médiateurs sur les plages, parcs et lieux de loisirs.'),
    t(SERV, P.month, ['mediation-transports'], 'Médiation dans les transports et les lieux publics',
      'Présence régulière de médiateurs dans les gares, les bus et les lieux très fréquentés.'),
    t(SERV, P.hourService, ['gardiennage-surveillance'], 'Surveillance et gardiennage de sites',
      'Agents de surveillance qualifiés pour vos bâtiments et chantiers.'),
    t(SERV, P.day, ['gardiennage-surveillance', 'gardiennage-immeubles'], "Agents d'accueil et de filtrage",
      'Accueil, filtrage et orientation des visiteurs à l\'entrée de vos bâtiments.'),
    t(SERV, P.month, ['gardiennage-immeubles'], "Gardiennage et veille d'immeubles",
      'Rondes, veille technique et petit entretien des immeubles d\'habitation.'),
    t(SERV, P.hourService, ['securite-evenementielle'], "Sécurité et contrôle d'accès d'événements",
      'Agents de sécurité pour le contrôle d\'accès et la sécurité de vos manifestations.'),
    t(SERV, P.hourService, ['securite-incendie'], 'Agents de sécurité incendie et assistance aux personnes',
      'Agents qualifiés pour la sécurité incendie des établissements recevant du public.'),
    t(SERV, P.month, ['agents-sortie-ecoles'], "Agents de sortie d'école",
      'Sécurisation des traversées aux heures d\'entrée et de sortie des écoles.'),
  ],
  'textile-artisanat': [
    t(GOODS, P.pieceGoods, ['sacs-accessoires-tissu'], 'Confection de sacs et d\'objets en tissu recyclé',
      'Sacs, trousses et pochettes confectionnés à partir de textiles de réemploi, personnalisables.'),
    t(SERV, P.pieceAlteration, ['couture-retouches'], 'Couture et retouches',
      'Retouches, ourlets et réparations de vêtements et de textiles.'),
    t(GOODS, P.pieceGoods, ['confection-sur-mesure'], 'Confection de tenues et d\'uniformes sur mesure',
      'Tenues et uniformes confectionnés sur mesure dans nos ateliers.'),
    t(GOODS, P.pieceGoods, ['vetements-travail-epi'], 'Vêtements de travail et équipements de protection',
      'Fourniture et personnalisation de vêtements de travail et d\'équipements de protection individuelle.'),
    t(SERV, P.tonneWaste, ['reprise-textiles'], 'Collecte et valorisation de textiles usagés',
      'Collecte, tri et valorisation des textiles et chaussures usagés.'),
    t(GOODS, P.pieceGoods, ['upcycling-baches-textiles'], 'Upcycling de bâches publicitaires',
      'Transformation de vos bâches et banderoles usagées en sacs et objets utiles.'),
    t(SERV, P.pieceAlteration, ['maroquinerie-cordonnerie'], "Cordonnerie et réparation d'articles en cuir",
      'Réparation de chaussures, sacs et ceintures, fabrication de petite maroquinerie.'),
    t(GOODS, P.pieceGoods, ['artisanat-creations'], 'Créations artisanales et cadeaux protocolaires',
      'Objets artisanaux fabriqués à la main pour vos cadeaux protocolaires et vos boutiques.'),
  ],
  'mise-a-disposition': [
    t(STAFF, P.hourStaff, ['association-intermediaire', 'travail-temporaire-insertion', 'manutentionnaires-ouvriers'], "Mise à disposition de personnel pour l'entretien des locaux",
      'Agents d\'entretien mis à disposition pour des remplacements ou des renforts.'),
    t(STAFF, P.hourStaff, ['association-intermediaire', 'travail-temporaire-insertion', 'manutentionnaires-ouvriers'], "Mise à disposition d'agents polyvalents pour les services techniques",
      'Agents polyvalents pour la voirie, les espaces verts et la manutention, encadrés par vos équipes.'),
    t(STAFF, P.hourStaff, ['travail-temporaire-insertion', 'interim-adapte', 'manutentionnaires-ouvriers'], 'Missions de manutention et de logistique',
      'Manutentionnaires et préparateurs de commandes pour des missions courtes ou longues.'),
    t(STAFF, P.hourStaff, ['travail-temporaire-insertion', 'interim-adapte', 'association-intermediaire'], 'Renfort de personnel pour la restauration collective',
      'Plonge, service et aide en cuisine dans les restaurants scolaires et administratifs.'),
    t(STAFF, P.hourStaff, ['personnel-administratif-temporaire', 'interim-adapte', 'travail-temporaire-insertion'], 'Personnel administratif temporaire',
      'Agents d\'accueil, de saisie et de secrétariat pour des remplacements ou des pics d\'activité.'),
    t(STAFF, P.hourStaff, ['alternance-geiq'], 'Mise à disposition de salariés en parcours de qualification',
      'Salariés en alternance mis à disposition pendant leur parcours, avec un tuteur désigné dans votre structure.'),
    t(STAFF, P.day, ['esat-hors-les-murs'], "Équipe d'ESAT détachée sur site",
      'Une équipe de travailleurs d\'ESAT et son moniteur interviennent dans vos locaux.'),
    t(STAFF, P.day, ['association-intermediaire', 'manutentionnaires-ouvriers'], "Mise à disposition d'une équipe à la journée",
      'Une équipe encadrée pour un chantier ponctuel, matériel compris.'),
    t(STAFF, P.flatMajor, ['association-intermediaire', 'travail-temporaire-insertion', 'interim-adapte', 'personnel-administratif-temporaire'], 'Marché annuel de mise à disposition de personnel',
      'Accord-cadre à bons de commande couvrant les besoins de renfort de plusieurs services sur un an, avec un interlocuteur unique.'),
  ],
  'administratif-relation-client': [
    t(SERV, P.hourService, ['accueil-telephonique'], 'Accueil téléphonique et prise de rendez-vous',
      'Permanence téléphonique, prise de messages et gestion d\'agendas.'),
    t(SERV, P.month, ['centre-appels'], 'Centre de contacts externalisé',
      'Traitement des appels et des courriels entrants, avec rapport d\'activité mensuel.'),
    t(SERV, P.flatLarge, ['accueil-physique'], "Accueil d'un bâtiment public",
      'Marché annuel d\'accueil physique et téléphonique d\'un bâtiment recevant du public.'),
    t(SERV, P.month, ['gestion-courrier'], 'Gestion du courrier entrant et sortant',
      'Réception, tri, distribution interne et affranchissement du courrier.'),
    t(SERV, P.pieceArchiveBox, ['archivage'], 'Archivage et gestion documentaire',
      'Tri, cotation et conditionnement des archives, prix par boîte traitée.'),
    t(SERV, P.hourService, ['secretariat-bureautique'], 'Secrétariat et travaux de bureautique',
      'Travaux de secrétariat, mise en forme de documents et suivi administratif.'),
    t(SERV, P.flatMedium, ['enquetes-satisfaction'], 'Enquêtes de satisfaction téléphoniques',
      'Conception du questionnaire, passation téléphonique et rapport de résultats.'),
    t(SERV, P.hourSkilled, ['interpretariat-lsf-traduction'], 'Interprétariat en langue des signes française',
      'Interprètes en langue des signes pour vos réunions, accueils et événements.'),
  ],
  'agriculture-maraichage': [
    t(GOODS, P.pieceBasket, ['paniers-legumes-bio'], 'Paniers de légumes biologiques',
      'Paniers hebdomadaires de légumes de saison cultivés sur nos parcelles.'),
    t(GOODS, P.kgVegetables, ['fruits-legumes-restauration-collective'], 'Fruits et légumes pour la restauration collective',
      'Approvisionnement en fruits et légumes de saison des cuisines centrales et des restaurants scolaires.'),
    t(GOODS, P.kgPrepared, ['legumerie'], "Légumes épluchés et prêts à l'emploi",
      'Légumes lavés, épluchés et découpés pour les cuisines collectives, livrés en bacs.'),
    t(GOODS, P.pieceJar, ['conserves-confitures-jus'], 'Confitures, conserves et jus de fruits',
      'Confitures, soupes et jus de fruits fabriqués à partir de fruits et légumes locaux.'),
    t(GOODS, P.kgHoney, ['miel-apiculture'], 'Miel local',
      'Miel récolté sur nos ruchers, en pots ou en seaux.'),
    t(SERV, P.flatSmall, ['miel-apiculture'], 'Installation et suivi de ruches sur site',
      'Installation de ruches sur vos toits ou terrains, suivi apicole et récolte.'),
    t(GOODS, P.pieceBasket, ['produits-fermiers'], 'Colis de produits fermiers',
      'Œufs, fromages et volailles de nos fermes, en colis livrés sur le lieu de travail.'),
    t(GOODS, P.pieceSmall, ['plants-horticulture'], 'Plants, fleurs et compositions florales',
      'Plants de légumes, fleurs et compositions pour le fleurissement des bâtiments et des espaces publics.'),
    t(SERV, P.halfDay, ['plants-horticulture', 'paniers-legumes-bio'], "Animation d'ateliers de jardinage",
      'Ateliers de jardinage pour les écoles, les centres sociaux et les habitants.'),
    t(GOODS, P.pieceFirewood, ['bois-de-chauffage'], 'Bois de chauffage livré (prix au stère)',
      'Bois sec issu de l\'entretien des forêts locales, coupé et livré.'),
  ],
  'mobilite-vehicules': [
    t(SERV, P.pieceBike, ['reparation-velos'], 'Réparation et entretien de vélos',
      'Révision, réparation et remise en état de vélos de service ou de particuliers.'),
    t(SERV, P.pieceVehicle, ['lavage-vehicules'], 'Nettoyage de véhicules de service',
      'Nettoyage intérieur et extérieur des véhicules, sur site ou en atelier.'),
    t(SERV, P.hourService, ['garage-solidaire', 'entretien-flotte-vehicules'], 'Entretien et réparation mécanique',
      'Entretien et réparation mécanique de véhicules légers.'),
    t(SERV, P.flatLarge, ['entretien-flotte-vehicules'], "Entretien préventif d'une flotte de véhicules",
      'Contrat annuel d\'entretien préventif et de suivi d\'une flotte de véhicules de service.'),
    t(GOODS, P.pieceBikeRefurbished, ['velos-reconditionnes'], 'Vélos reconditionnés et garantis',
      'Vélos et vélos à assistance électrique reconditionnés en atelier, garantis six mois.'),
    t(SERV, P.pieceTyre, ['pneumatiques'], 'Montage et remplacement de pneumatiques',
      'Fourniture, montage et équilibrage de pneumatiques, prix par pneu.'),
    t(SERV, P.monthBike, ['location-solidaire-vehicules'], 'Location solidaire de vélos et de scooters',
      'Location à tarif solidaire de vélos, scooters et voitures pour les personnes en parcours d\'emploi.'),
    t(SERV, P.month, ['parkings-velostations'], "Gestion d'une vélostation ou d'un parking vélo",
      'Accueil des usagers, consigne des vélos et petites réparations dans une vélostation.'),
  ],
  'mobilier-fournitures': [
    t(GOODS, P.pieceFurniture, ['mobilier-fabrique-atelier'], 'Fabrication de mobilier en bois sur mesure',
      'Mobilier en bois local fabriqué dans nos ateliers, sur plan ou d\'après catalogue.'),
    t(GOODS, P.pieceFurniture, ['mobilier-bureau-reconditionne'], 'Mobilier de bureau de réemploi',
      'Mobilier de bureau collecté, remis en état et garanti.'),
    t(GOODS, P.pieceFurniture, ['mobilier-urbain-exterieur'], 'Mobilier urbain et jardinières',
      'Bancs, jardinières et abris en bois ou en métal, fabriqués et posés.'),
    t(GOODS, P.flatMajor, ['mobilier-bureau-reconditionne', 'mobilier-fabrique-atelier'], 'Aménagement complet de locaux en mobilier de réemploi',
      'Étude, fourniture et installation du mobilier d\'un bâtiment entier en réemploi.'),
    t(GOODS, P.pieceSmall, ['fournitures-bureau'], 'Papeterie et petit matériel de bureau',
      'Papeterie courante et petit matériel de bureau, conditionnés à la demande.'),
    t(GOODS, P.pieceToner, ['cartouches-toners'], "Cartouches d'encre et toners remanufacturés",
      'Cartouches et toners remanufacturés, collecte des cartouches vides comprise.'),
    t(GOODS, P.pieceCleaning, ['produits-entretien-hygiene'], "Produits d'entretien et d'hygiène écologiques",
      'Produits d\'entretien écologiques et consommables d\'hygiène, livrés sur site.'),
    t(GOODS, P.pieceGoods, ['jeux-jouets-bois'], 'Jeux et jouets en bois',
      'Jeux et jouets en bois pour crèches, écoles et ludothèques.'),
    t(GOODS, P.pieceGoods, ['nichoirs-composteurs-bacs'], 'Nichoirs, hôtels à insectes et bacs potagers',
      'Nichoirs, hôtels à insectes, composteurs et bacs potagers en bois local.'),
  ],
};
