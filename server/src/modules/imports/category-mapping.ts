import { CATEGORY_TAXONOMY } from '../categories/category-taxonomy.js';

/**
 * From the activity values sources write (sectors of le marché de l'inclusion, activities
 * of ESAT and SIAE directories, FINESS-side lists…) to our taxonomy (category slugs).
 *
 * A reviewed table: keys are values normalised by `normalizeActivity` (lower case, no
 * accents, punctuation → one space); each maps to one or more category slugs, the most
 * specific that the value surely covers (a broad value such as "espaces verts" maps to the
 * everyday category of its group, not to every category of the group). Values of no use
 * to a buyer (e.g. "autre") map to nothing on purpose: []. Category names and slugs of the
 * taxonomy are recognised without being listed here.
 *
 * The report of every import lists the values it could not map, with their counts: add
 * them here after review (a test checks that every slug exists).
 */
const REVIEWED_MAPPING: Record<string, readonly string[]> = {
  // Espaces verts
  'espaces verts': ['entretien-espaces-verts'],
  'espaces verts et paysage': ['entretien-espaces-verts'],
  'entretien des espaces verts': ['entretien-espaces-verts'],
  'entretien d espaces verts': ['entretien-espaces-verts'],
  'espaces verts entretien': ['entretien-espaces-verts'],
  'jardinage': ['entretien-espaces-verts'],
  'paysagisme': ['amenagement-paysager'],
  'paysagiste': ['amenagement-paysager'],
  'creation d espaces verts': ['amenagement-paysager'],
  'amenagement paysager': ['amenagement-paysager'],
  'elagage': ['elagage-abattage'],
  'elagage abattage': ['elagage-abattage'],
  'tonte': ['tonte-debroussaillage'],
  'debroussaillage': ['tonte-debroussaillage'],
  'fauchage': ['tonte-debroussaillage'],
  'taille de haies': ['taille-haies'],
  'desherbage': ['desherbage-alternatif'],
  'entretien des milieux naturels': ['entretien-milieux-naturels'],
  'entretien de rivieres': ['entretien-milieux-naturels'],
  'environnement': ['entretien-milieux-naturels'],
  'ecopaturage': ['ecopaturage'],

  // Propreté
  'nettoyage': ['nettoyage-bureaux'],
  'proprete': ['nettoyage-bureaux'],
  'hygiene et proprete': ['nettoyage-bureaux'],
  'proprete et hygiene': ['nettoyage-bureaux'],
  'nettoyage de locaux': ['nettoyage-bureaux'],
  'entretien des locaux': ['nettoyage-bureaux'],
  'entretien de locaux': ['nettoyage-bureaux'],
  'nettoyage de bureaux': ['nettoyage-bureaux'],
  'nettoyage industriel': ['nettoyage-bureaux'],
  'hygiene des locaux': ['nettoyage-bureaux'],
  'nettoyage de vitres': ['nettoyage-vitres'],
  'vitrerie': ['nettoyage-vitres'],
  'nettoyage fin de chantier': ['nettoyage-fin-de-chantier'],
  'nettoyage de fin de chantier': ['nettoyage-fin-de-chantier'],
  'entretien des parties communes': ['entretien-parties-communes'],
  'nettoyage des parties communes': ['entretien-parties-communes'],
  'proprete urbaine': ['proprete-urbaine'],
  'nettoyage urbain': ['proprete-urbaine'],
  'enlevement de graffitis': ['enlevement-graffitis'],
  'desinfection': ['desinfection-nuisibles'],
  'desinsectisation deratisation': ['desinfection-nuisibles'],

  // Restauration
  'restauration': ['restauration-collective'],
  'restauration collective': ['restauration-collective'],
  'restauration traiteur': ['traiteur-evenementiel'],
  'traiteur': ['traiteur-evenementiel'],
  'plateaux repas': ['plateaux-repas'],
  'portage de repas': ['portage-repas'],
  'cafeteria': ['gestion-cafeteria'],
  'buvette': ['gestion-cafeteria'],
  'boulangerie': ['boulangerie-patisserie'],
  'patisserie': ['boulangerie-patisserie'],
  'biscuiterie': ['boulangerie-patisserie'],
  'epicerie': ['epicerie-fine-coffrets'],
  'epicerie solidaire': ['epicerie-fine-coffrets'],
  'torrefaction': ['cafe-the'],
  'pause cafe': ['pauses-cafe'],
  'fabrication de produits alimentaires': ['conserves-confitures-jus'],
  'agroalimentaire': ['conserves-confitures-jus'],

  // Déchets, recyclage, réemploi
  'recyclage': ['ressourcerie-reemploi'],
  'recyclage valorisation': ['ressourcerie-reemploi'],
  'valorisation des dechets': ['ressourcerie-reemploi'],
  'collecte et recyclage': ['ressourcerie-reemploi'],
  'reemploi': ['ressourcerie-reemploi'],
  'ressourcerie': ['ressourcerie-reemploi'],
  'recyclerie': ['ressourcerie-reemploi'],
  'collecte de dechets': ['encombrants-debarras'],
  'gestion des dechets': ['encombrants-debarras'],
  'debarras': ['encombrants-debarras'],
  'encombrants': ['encombrants-debarras'],
  'biodechets': ['collecte-biodechets'],
  'compostage': ['compostage'],
  'collecte de papiers': ['collecte-papiers-cartons'],
  'recyclage papier': ['collecte-papiers-cartons'],
  'destruction de documents': ['destruction-archives-confidentielles'],
  'destruction d archives': ['destruction-archives-confidentielles'],
  'deee': ['collecte-deee'],
  'recyclage deee': ['collecte-deee'],
  'demantelement deee': ['collecte-deee'],
  'recyclage textile': ['reprise-textiles'],

  // Informatique, numérique
  'informatique': ['maintenance-informatique'],
  'numerique': ['maintenance-informatique'],
  'maintenance informatique': ['maintenance-informatique'],
  'reconditionnement informatique': ['reconditionnement-ordinateurs'],
  'reconditionnement de materiel informatique': ['reconditionnement-ordinateurs'],
  'materiel informatique reconditionne': ['materiel-informatique-reconditionne'],
  'saisie de donnees': ['saisie-donnees'],
  'saisie informatique': ['saisie-donnees'],
  'numerisation': ['numerisation-documents'],
  'numerisation de documents': ['numerisation-documents'],
  'dematerialisation': ['numerisation-documents'],
  'developpement web': ['creation-sites-web'],
  'creation de sites internet': ['creation-sites-web'],
  'tests logiciels': ['tests-accessibilite-numerique'],
  'accessibilite numerique': ['tests-accessibilite-numerique'],
  'traitement de donnees': ['traitement-donnees'],

  // Impression, communication
  'imprimerie': ['impression-offset'],
  'impression': ['impression-numerique'],
  'reprographie': ['impression-numerique'],
  'imprimerie reprographie': ['impression-numerique'],
  'graphisme': ['graphisme-mise-en-page'],
  'pao': ['graphisme-mise-en-page'],
  'communication': ['graphisme-mise-en-page'],
  'signaletique': ['signaletique'],
  'enseignes': ['signaletique'],
  'flocage': ['flocage-vehicules'],
  'objets publicitaires': ['objets-promotionnels'],
  'goodies': ['objets-promotionnels'],
  'serigraphie': ['marquage-textile'],
  'broderie': ['marquage-textile'],
  'photographie': ['photographie-video'],
  'audiovisuel': ['photographie-video'],

  // Logistique
  'logistique': ['preparation-commandes'],
  'logistique stockage': ['stockage-entreposage'],
  'stockage': ['stockage-entreposage'],
  'entreposage': ['stockage-entreposage'],
  'conditionnement': ['conditionnement-facon'],
  'conditionnement emballage': ['conditionnement-facon'],
  'conditionnement a facon': ['conditionnement-facon'],
  'travaux a facon': ['conditionnement-facon'],
  'emballage': ['conditionnement-facon'],
  'mise sous pli': ['mise-sous-pli'],
  'routage': ['routage-envois'],
  'mailing': ['routage-envois'],
  'preparation de commandes': ['preparation-commandes'],
  'inventaire': ['inventaires-gestion-stocks'],
  'cartonnage': ['emballages-cartonnages'],
  'manutention': ['manutention'],

  // Bâtiment
  'batiment': ['second-oeuvre-renovation'],
  'btp': ['second-oeuvre-renovation'],
  'batiment et travaux publics': ['second-oeuvre-renovation'],
  'second oeuvre': ['second-oeuvre-renovation'],
  'renovation': ['second-oeuvre-renovation'],
  'platrerie': ['second-oeuvre-renovation'],
  'carrelage': ['second-oeuvre-renovation'],
  'isolation': ['second-oeuvre-renovation'],
  'peinture': ['peinture-interieure'],
  'peinture en batiment': ['peinture-interieure'],
  'peinture batiment': ['peinture-interieure'],
  'ravalement de facades': ['peinture-exterieure-ravalement'],
  'maconnerie': ['maconnerie-pierre-seche'],
  'gros oeuvre': ['maconnerie-pierre-seche'],
  'pierre seche': ['maconnerie-pierre-seche'],
  'menuiserie': ['menuiserie-agencement'],
  'agencement': ['menuiserie-agencement'],
  'multiservices': ['petits-travaux-multiservice'],
  'multi services': ['petits-travaux-multiservice'],
  'petits travaux': ['petits-travaux-multiservice'],
  'maintenance des batiments': ['petits-travaux-multiservice'],
  'plomberie': ['petits-travaux-multiservice'],
  'electricite': ['petits-travaux-multiservice'],
  'demolition': ['demolition-curage'],
  'deconstruction': ['demolition-curage'],
  'marquage au sol': ['marquage-sol-parkings'],

  // Blanchisserie
  'blanchisserie': ['lavage-linge-plat', 'entretien-vetements-travail'],
  'blanchisserie pressing': ['lavage-linge-plat', 'repassage-pressing'],
  'lingerie': ['lavage-linge-plat'],
  'blanchisserie industrielle': ['lavage-linge-plat'],
  'pressing': ['repassage-pressing'],
  'repassage': ['repassage-pressing'],

  // Industrie
  'sous traitance': ['assemblage-montage'],
  'sous traitance industrielle': ['assemblage-montage'],
  'industrie': ['assemblage-montage'],
  'cablage': ['cablage-assemblage-electrique'],
  'electronique': ['cablage-assemblage-electrique'],
  'mecanique': ['usinage-mecanique'],
  'usinage': ['usinage-mecanique'],
  'menuiserie industrielle': ['menuiserie-bois-ebenisterie'],
  'ebenisterie': ['menuiserie-bois-ebenisterie'],
  'travail du bois': ['menuiserie-bois-ebenisterie'],
  'metallerie': ['metallerie-soudure'],
  'metallurgie': ['metallerie-soudure'],
  'soudure': ['metallerie-soudure'],
  'serrurerie': ['metallerie-soudure'],
  'assemblage': ['assemblage-montage'],
  'montage': ['assemblage-montage'],
  'controle qualite': ['controle-qualite-tri'],
  'tri': ['controle-qualite-tri'],
  'plasturgie': ['plasturgie'],

  // Événementiel
  'evenementiel': ['organisation-seminaires'],
  'organisation d evenements': ['organisation-seminaires'],
  'accueil evenementiel': ['accueil-evenementiel'],
  'location de materiel': ['location-materiel-evenementiel'],
  'gobelets reutilisables': ['vaisselle-reutilisable'],

  // Transport
  'transport': ['transport-marchandises'],
  'transport de marchandises': ['transport-marchandises'],
  'livraison': ['transport-marchandises'],
  'demenagement': ['demenagement-bureaux'],
  'transport de personnes': ['navettes-transport-personnes'],
  'transport adapte': ['transport-adapte-pmr'],
  'coursier': ['coursiers-plis'],
  'livraison a velo': ['livraison-velo-dernier-kilometre'],

  // Services à la personne
  'services a la personne': ['aide-a-domicile'],
  'aide a domicile': ['aide-a-domicile'],
  'menage a domicile': ['menage-domicile'],
  'menage repassage': ['menage-domicile'],
  'garde d enfants': ['garde-enfants'],
  'petit bricolage': ['bricolage-domicile'],

  // Sécurité, médiation
  'securite': ['gardiennage-surveillance'],
  'gardiennage': ['gardiennage-surveillance'],
  'surveillance': ['gardiennage-surveillance'],
  'securite incendie': ['securite-incendie'],
  'mediation': ['mediation-sociale'],
  'mediation sociale': ['mediation-sociale'],

  // Textile, artisanat
  'couture': ['couture-retouches'],
  'retouches': ['couture-retouches'],
  'textile': ['confection-sur-mesure'],
  'confection': ['confection-sur-mesure'],
  'vetements de travail': ['vetements-travail-epi'],
  'upcycling': ['upcycling-baches-textiles'],
  'maroquinerie': ['maroquinerie-cordonnerie'],
  'cordonnerie': ['maroquinerie-cordonnerie'],
  'artisanat': ['artisanat-creations'],
  'artisanat d art': ['artisanat-creations'],
  'poterie': ['artisanat-creations'],
  'ceramique': ['artisanat-creations'],

  // Mise à disposition de personnel
  'mise a disposition de personnel': ['manutentionnaires-ouvriers', 'personnel-administratif-temporaire'],
  'mise a disposition': ['manutentionnaires-ouvriers', 'personnel-administratif-temporaire'],
  'interim': ['travail-temporaire-insertion'],
  'travail temporaire': ['travail-temporaire-insertion'],
  'interim d insertion': ['travail-temporaire-insertion'],
  'prestation hors les murs': ['esat-hors-les-murs'],
  'detachement hors les murs': ['esat-hors-les-murs'],
  'mise a disposition hors les murs': ['esat-hors-les-murs'],

  // Administratif
  'services administratifs': ['secretariat-bureautique'],
  'secretariat': ['secretariat-bureautique'],
  'travaux administratifs': ['secretariat-bureautique'],
  'bureautique': ['secretariat-bureautique'],
  'accueil': ['accueil-physique'],
  'accueil physique': ['accueil-physique'],
  'standard telephonique': ['accueil-telephonique'],
  'accueil telephonique': ['accueil-telephonique'],
  'centre d appels': ['centre-appels'],
  'relation client': ['centre-appels'],
  'gestion du courrier': ['gestion-courrier'],
  'archivage': ['archivage'],
  'traduction': ['interpretariat-lsf-traduction'],
  'langue des signes': ['interpretariat-lsf-traduction'],

  // Agriculture
  'agriculture': ['produits-fermiers'],
  'maraichage': ['paniers-legumes-bio'],
  'maraichage biologique': ['paniers-legumes-bio'],
  'paniers de legumes': ['paniers-legumes-bio'],
  'legumerie': ['legumerie'],
  'conserverie': ['conserves-confitures-jus'],
  'apiculture': ['miel-apiculture'],
  'horticulture': ['plants-horticulture'],
  'pepiniere': ['plants-horticulture'],
  'arboriculture': ['produits-fermiers'],
  'elevage': ['produits-fermiers'],
  'viticulture': ['produits-fermiers'],
  'bois de chauffage': ['bois-de-chauffage'],
  'exploitation forestiere': ['bois-de-chauffage'],

  // Mobilité
  'garage': ['garage-solidaire'],
  'garage solidaire': ['garage-solidaire'],
  'mecanique automobile': ['entretien-flotte-vehicules'],
  'entretien de vehicules': ['entretien-flotte-vehicules'],
  'lavage de vehicules': ['lavage-vehicules'],
  'lavage automobile': ['lavage-vehicules'],
  'reparation de velos': ['reparation-velos'],
  'atelier velo': ['reparation-velos'],
  'cycles': ['reparation-velos'],
  'location de vehicules': ['location-solidaire-vehicules'],
  'mobilite': ['location-solidaire-vehicules'],

  // Mobilier, fournitures
  'mobilier': ['mobilier-fabrique-atelier'],
  'mobilier de bureau': ['mobilier-bureau-reconditionne'],
  'mobilier urbain': ['mobilier-urbain-exterieur'],
  'fournitures de bureau': ['fournitures-bureau'],
  'cartouches d encre': ['cartouches-toners'],
  'produits d entretien': ['produits-entretien-hygiene'],
  'jouets en bois': ['jeux-jouets-bois'],

  // Nothing a buyer can search by.
  'autre': [],
  'autres': [],
  'divers': [],
  'non renseigne': [],
  'prestations de services': [],
  'production': [],
  'commerce': [],
};

/** Lower case, no accents (œ → oe), anything but letters and digits → one space. */
export function normalizeActivity(value: string): string {
  return value
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function buildMapping(): Map<string, readonly string[]> {
  const mapping = new Map<string, readonly string[]>();
  for (const group of CATEGORY_TAXONOMY) {
    for (const category of group.categories) {
      mapping.set(normalizeActivity(category.name), [category.slug]);
      mapping.set(normalizeActivity(category.slug), [category.slug]);
    }
  }
  for (const [value, slugs] of Object.entries(REVIEWED_MAPPING)) mapping.set(value, slugs);
  return mapping;
}

/** Normalised activity value → category slugs (reviewed table, then taxonomy names and slugs). */
export const ACTIVITY_MAPPING: ReadonlyMap<string, readonly string[]> = buildMapping();

/** The keys of the reviewed table, for its tests. */
export const REVIEWED_ACTIVITY_KEYS = Object.keys(REVIEWED_MAPPING);

export interface MappedActivities {
  /** Category slugs, sorted, without duplicates. */
  slugs: string[];
  /** Values found nowhere in the mapping, as the source wrote them (trimmed). */
  unmapped: string[];
}

export function mapActivities(values: readonly string[]): MappedActivities {
  const slugs = new Set<string>();
  const unmapped: string[] = [];
  for (const value of values) {
    const key = normalizeActivity(value);
    if (key === '') continue;
    const mapped = ACTIVITY_MAPPING.get(key);
    if (mapped === undefined) unmapped.push(value.trim());
    else for (const slug of mapped) slugs.add(slug);
  }
  return { slugs: [...slugs].sort(), unmapped };
}
