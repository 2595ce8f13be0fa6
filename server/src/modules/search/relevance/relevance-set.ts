/**
 * The relevance set (issue 14, README "Judged, not guessed"): queries as buyers type them in
 * "Quoi ?" — sentences, plurals, typos, synonyms — each with the categories whose suppliers
 * answer it (judged by hand from the taxonomy, modules/categories/category-taxonomy.ts), and
 * queries naming a structure (its name, its SIRET or SIREN), drawn from the directory of each
 * place. Every query runs in every place of RELEVANCE_PLACES, with the default order.
 *
 * A result is relevant when the supplier is active in one of the judged categories (declared
 * or through an offering; it counts twice in nDCG when it sells there). For a structure
 * query, the result is right when that structure comes first.
 */

export interface JudgedQuery {
  text: string;
  /** Category slugs whose suppliers answer the query. */
  relevant: readonly string[];
}

/** A query naming a structure located in the place: which of its identifiers, written how. */
export interface StructureQuery {
  /** Which structure of the place (its rank among them by id, modulo their number). */
  pick: number;
  form: 'name' | 'name-lowercase-unaccented' | 'name-typo' | 'name-in-sentence' | 'siret' | 'siret-spaced' | 'siren';
}

export interface RelevancePlace {
  name: string;
  /** The search's territory filter. */
  territory: { communeCode?: string; departementCode?: string };
}

export const RELEVANCE_PLACES: readonly RelevancePlace[] = [
  { name: 'Metz (57463), a city', territory: { communeCode: '57463' } },
  { name: 'Creuse (23), a rural département', territory: { departementCode: '23' } },
  { name: 'La Réunion (974), overseas', territory: { departementCode: '974' } },
];

export const JUDGED_QUERIES: readonly JudgedQuery[] = [
  // Cleaning
  { text: 'nettoyage de bureaux', relevant: ['nettoyage-bureaux', 'nettoyage-equipements-publics'] },
  { text: 'ménage des locaux de la mairie', relevant: ['nettoyage-bureaux', 'nettoyage-equipements-publics'] },
  { text: "agent d'entretien pour nos locaux", relevant: ['nettoyage-bureaux', 'nettoyage-equipements-publics', 'manutentionnaires-ouvriers', 'association-intermediaire'] },
  { text: 'lavage des vitres et baies vitrées', relevant: ['nettoyage-vitres'] },
  { text: 'nettoyage fin de chantier', relevant: ['nettoyage-fin-de-chantier'] },
  { text: "entretien des parties communes d'immeubles", relevant: ['entretien-parties-communes'] },
  { text: 'enlèvement de tags sur les façades', relevant: ['enlevement-graffitis', 'peinture-exterieure-ravalement'] },
  { text: 'dératisation', relevant: ['desinfection-nuisibles'] },
  // Green spaces
  { text: 'entretien des espaces verts', relevant: ['entretien-espaces-verts', 'tonte-debroussaillage', 'taille-haies', 'desherbage-alternatif', 'amenagement-paysager'] },
  { text: 'tonte des pelouses', relevant: ['tonte-debroussaillage', 'entretien-espaces-verts', 'jardinage-domicile'] },
  { text: 'débroussaillage des talus', relevant: ['tonte-debroussaillage', 'entretien-milieux-naturels'] },
  { text: "élagage d'arbres", relevant: ['elagage-abattage'] },
  { text: 'taille de haies', relevant: ['taille-haies', 'entretien-espaces-verts', 'jardinage-domicile'] },
  { text: 'désherbage sans pesticides du cimetière', relevant: ['desherbage-alternatif'] },
  { text: 'entretien des berges de rivière', relevant: ['entretien-milieux-naturels'] },
  { text: 'écopâturage avec des moutons', relevant: ['ecopaturage'] },
  // Food
  { text: 'traiteur pour un séminaire', relevant: ['traiteur-evenementiel', 'plateaux-repas', 'pauses-cafe', 'organisation-seminaires'] },
  { text: 'plateaux repas pour une réunion', relevant: ['plateaux-repas', 'traiteur-evenementiel'] },
  { text: "petit déjeuner d'accueil", relevant: ['pauses-cafe', 'traiteur-evenementiel'] },
  { text: 'cantine scolaire', relevant: ['restauration-collective', 'legumerie', 'fruits-legumes-restauration-collective'] },
  { text: 'portage de repas à domicile pour personnes âgées', relevant: ['portage-repas', 'aide-a-domicile'] },
  { text: "coffrets cadeaux de fin d'année", relevant: ['epicerie-fine-coffrets', 'artisanat-creations'] },
  { text: 'café en grains commerce équitable', relevant: ['cafe-the'] },
  // Waste
  { text: 'collecte des biodéchets de la cantine', relevant: ['collecte-biodechets', 'compostage'] },
  { text: 'recyclage du papier de bureau', relevant: ['collecte-papiers-cartons', 'destruction-archives-confidentielles'] },
  { text: 'destruction de documents confidentiels', relevant: ['destruction-archives-confidentielles'] },
  { text: 'recyclage des ordinateurs usagés', relevant: ['collecte-deee', 'reconditionnement-ordinateurs'] },
  { text: "débarras d'un local", relevant: ['encombrants-debarras'] },
  { text: 'ressourcerie', relevant: ['ressourcerie-reemploi'] },
  { text: "collecte des cartouches d'encre", relevant: ['collecte-cartouches-piles', 'cartouches-toners'] },
  // Digital
  { text: 'ordinateurs reconditionnés', relevant: ['materiel-informatique-reconditionne', 'reconditionnement-ordinateurs'] },
  { text: 'maintenance informatique', relevant: ['maintenance-informatique'] },
  { text: 'saisie de données', relevant: ['saisie-donnees', 'traitement-donnees'] },
  { text: 'numérisation des archives', relevant: ['numerisation-documents', 'archivage'] },
  { text: "création d'un site internet", relevant: ['creation-sites-web'] },
  { text: 'audit accessibilité RGAA', relevant: ['tests-accessibilite-numerique'] },
  // Printing and communication
  { text: 'imprimerie', relevant: ['impression-offset', 'impression-numerique'] },
  { text: 'impression de flyers', relevant: ['impression-numerique', 'impression-offset'] },
  { text: 'signalétique pour la mairie', relevant: ['signaletique'] },
  { text: 'flocage des véhicules', relevant: ['flocage-vehicules'] },
  { text: 'goodies personnalisés', relevant: ['objets-promotionnels', 'marquage-textile'] },
  { text: 'tee-shirts brodés', relevant: ['marquage-textile'] },
  { text: 'photographe pour un événement', relevant: ['photographie-video'] },
  // Logistics
  { text: 'mise sous pli', relevant: ['mise-sous-pli', 'routage-envois'] },
  { text: 'routage de courrier', relevant: ['routage-envois', 'mise-sous-pli', 'gestion-courrier'] },
  { text: 'conditionnement à façon', relevant: ['conditionnement-facon'] },
  { text: 'préparation de commandes e-commerce', relevant: ['preparation-commandes'] },
  { text: 'stockage de matériel', relevant: ['stockage-entreposage'] },
  // Building
  { text: "peinture des murs de l'école", relevant: ['peinture-interieure'] },
  { text: 'ravalement de façade', relevant: ['peinture-exterieure-ravalement'] },
  { text: 'petits travaux de plomberie', relevant: ['petits-travaux-multiservice', 'bricolage-domicile'] },
  { text: 'murets en pierre sèche', relevant: ['maconnerie-pierre-seche'] },
  { text: 'marquage des places de parking', relevant: ['marquage-sol-parkings'] },
  // Laundry, industry
  { text: "blanchisserie pour l'ehpad", relevant: ['blanchisserie-hospitaliere', 'lavage-linge-plat', 'location-gestion-linge'] },
  { text: 'lavage des tenues de travail', relevant: ['entretien-vetements-travail'] },
  { text: 'repassage', relevant: ['repassage-pressing', 'menage-domicile'] },
  { text: 'câblage électrique', relevant: ['cablage-assemblage-electrique'] },
  { text: 'menuiserie bois sur mesure', relevant: ['menuiserie-bois-ebenisterie', 'mobilier-fabrique-atelier', 'menuiserie-agencement'] },
  { text: 'soudure métallerie', relevant: ['metallerie-soudure'] },
  // Events
  { text: "hôtesses d'accueil pour un salon", relevant: ['accueil-evenementiel', 'accueil-physique'] },
  { text: 'location de tables et chaises pour une fête', relevant: ['location-materiel-evenementiel'] },
  { text: 'gobelets réutilisables', relevant: ['vaisselle-reutilisable'] },
  // Transport
  { text: 'déménagement de bureaux', relevant: ['demenagement-bureaux'] },
  { text: 'livraison à vélo', relevant: ['livraison-velo-dernier-kilometre'] },
  { text: 'transport de personnes à mobilité réduite', relevant: ['transport-adapte-pmr'] },
  { text: 'coursier', relevant: ['coursiers-plis'] },
  // Services to people, security
  { text: 'aide à domicile', relevant: ['aide-a-domicile', 'menage-domicile'] },
  { text: "garde d'enfants", relevant: ['garde-enfants'] },
  { text: 'gardiennage', relevant: ['gardiennage-surveillance', 'gardiennage-immeubles'] },
  { text: 'agent de sécurité pour un festival', relevant: ['securite-evenementielle', 'gardiennage-surveillance'] },
  { text: 'médiation sociale dans les quartiers', relevant: ['mediation-sociale'] },
  // Textile
  { text: 'retouches couture', relevant: ['couture-retouches'] },
  { text: 'vêtements de travail et EPI', relevant: ['vetements-travail-epi'] },
  { text: 'sacs en tissu réutilisables', relevant: ['sacs-accessoires-tissu'] },
  // Staff
  { text: "intérim d'insertion", relevant: ['travail-temporaire-insertion', 'interim-adapte'] },
  {
    text: 'mise à disposition de personnel',
    relevant: ['association-intermediaire', 'travail-temporaire-insertion', 'interim-adapte', 'esat-hors-les-murs', 'manutentionnaires-ouvriers', 'personnel-administratif-temporaire', 'alternance-geiq'],
  },
  // Office services
  { text: 'standard téléphonique', relevant: ['accueil-telephonique', 'centre-appels'] },
  { text: 'traduction en langue des signes', relevant: ['interpretariat-lsf-traduction'] },
  // Farming
  { text: 'paniers de légumes bio', relevant: ['paniers-legumes-bio', 'fruits-legumes-restauration-collective'] },
  { text: 'miel', relevant: ['miel-apiculture'] },
  { text: 'bois de chauffage', relevant: ['bois-de-chauffage'] },
  // Vehicles
  { text: 'entretien des véhicules de service', relevant: ['entretien-flotte-vehicules', 'garage-solidaire', 'lavage-vehicules'] },
  { text: 'réparation de vélos', relevant: ['reparation-velos', 'velos-reconditionnes'] },
  // Furniture and supplies
  { text: "mobilier de bureau d'occasion", relevant: ['mobilier-bureau-reconditionne'] },
  { text: 'fournitures de bureau', relevant: ['fournitures-bureau'] },
  { text: "produits d'entretien écologiques", relevant: ['produits-entretien-hygiene'] },
  { text: 'jouets en bois pour la crèche', relevant: ['jeux-jouets-bois'] },
  { text: 'nichoirs à oiseaux', relevant: ['nichoirs-composteurs-bacs'] },
  // Typos
  { text: 'netoyage de burreaux', relevant: ['nettoyage-bureaux', 'nettoyage-equipements-publics'] },
  { text: 'elagage arbre', relevant: ['elagage-abattage'] },
  { text: 'dératisassion', relevant: ['desinfection-nuisibles'] },
  { text: 'trailteur', relevant: ['traiteur-evenementiel', 'plateaux-repas', 'pauses-cafe'] },
  {
    text: 'blanchiserie',
    relevant: ['blanchisserie-hospitaliere', 'lavage-linge-plat', 'entretien-vetements-travail', 'location-gestion-linge', 'collecte-livraison-linge', 'repassage-pressing'],
  },
  // Synonyms and plurals
  { text: 'vigile', relevant: ['gardiennage-surveillance', 'securite-evenementielle'] },
  { text: 'paysagiste', relevant: ['amenagement-paysager', 'entretien-espaces-verts'] },
  { text: 'ménage', relevant: ['nettoyage-bureaux', 'menage-domicile', 'nettoyage-equipements-publics', 'entretien-parties-communes'] },
  { text: 'imprimeurs', relevant: ['impression-offset', 'impression-numerique'] },
  { text: 'jardiniers', relevant: ['entretien-espaces-verts', 'jardinage-domicile', 'tonte-debroussaillage'] },
];

export const STRUCTURE_QUERIES: readonly StructureQuery[] = [
  { pick: 0, form: 'name' },
  { pick: 1, form: 'name-lowercase-unaccented' },
  { pick: 2, form: 'name-typo' },
  { pick: 3, form: 'name-in-sentence' },
  { pick: 4, form: 'siret' },
  { pick: 5, form: 'siret-spaced' },
  { pick: 6, form: 'siren' },
  { pick: 7, form: 'name' },
];
