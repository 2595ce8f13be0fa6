/**
 * Words of buyers' sentences that the directory's documents do not say the same way
 * (README, "Text"). Stemmed with the documents' configuration when the directory index
 * loads, so that "ménages" or "Traiteurs" find them as well.
 */

/**
 * Words that say what the buyer is doing, not what it buys ("je cherche un prestataire
 * pour…"): dropped from a query like PostgreSQL's own stop words ("pour", "un", "de"…).
 * Kept short: a word that can name a trade ("service", "local") is not in it.
 */
export const FILLER_WORDS: readonly string[] = [
  'cherche', 'chercher', 'recherche', 'rechercher', 'besoin', 'besoins', 'trouver', 'souhaite', 'souhaitons', 'voudrais',
  'prestataire', 'prestataires', 'fournisseur', 'fournisseurs', 'structure', 'structures', 'entreprise', 'entreprises',
  'société', 'sociétés', 'devis', 'urgent', 'urgence', 'merci', 'bonjour', 'svp', 'possible', 'proche', 'près', 'autour',
  'je', 'nous', 'notre', 'nos', 'mon', 'ma', 'mes', 'vos', 'votre', 'leur', 'leurs', 'ici', 'avoir', 'faire', 'quelqu',
  // Public buyers naming themselves: where the need is, not what it is.
  'mairie', 'mairies', 'collectivité', 'collectivités',
  // Function words PostgreSQL's French stop list lacks ("les" is stemmed, not dropped).
  'les', 'aux', 'sans', 'sous', 'chez', 'entre', 'vers', 'cet', 'cette', 'tout', 'tous', 'toute', 'toutes', 'plus', 'très',
  'comme', 'afin', 'être', 'est', 'sont', 'peut', 'quel', 'quelle', 'quels', 'quelles', 'dont', 'où', 'ceci', 'cela', 'ça',
];

/**
 * Words a buyer uses for the same thing, one group per line: a query word of a group also
 * finds the others (weighed less than the word itself). Single words only.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['nettoyage', 'ménage', 'propreté'],
  ['traiteur', 'buffet', 'cocktail', 'repas'],
  ['séminaire', 'réunion', 'colloque', 'conférence', 'événement'],
  ['gardiennage', 'surveillance', 'vigile', 'gardien', 'sécurité'],
  ['sécurité', 'surveillance'],
  ['jardin', 'jardinage', 'paysage', 'paysagiste'],
  ['imprimerie', 'impression', 'imprimeur'],
  ['informatique', 'ordinateur', 'ordinateurs'],
  ['vélo', 'cycle', 'bicyclette'],
  ['déménagement', 'déménageur'],
  ['blanchisserie', 'linge', 'pressing'],
  ['déchets', 'ordures', 'recyclage'],
  ['intérim', 'intérimaire', 'temporaire'],
  ['courrier', 'pli', 'plis'],
  ['goodies', 'promotionnels', 'publicitaires'],
  ['signalétique', 'panneaux', 'enseignes', 'signalisation'],
  ['couture', 'retouches', 'couturière'],
  ['peinture', 'peintre'],
  ['maçonnerie', 'maçon'],
  ['menuiserie', 'menuisier'],
  ['plomberie', 'plombier'],
  ['électricité', 'électricien'],
  ['voiture', 'automobile', 'véhicule'],
  ['garage', 'mécanique'],
  ['tonte', 'pelouse', 'gazon'],
  ['élagage', 'arbres', 'arboriste'],
  ['débarras', 'encombrants'],
  ['archives', 'archivage'],
  ['numérisation', 'scan', 'dématérialisation'],
  ['standard', 'standardiste', 'téléphonique', 'appels'],
  ['accueil', 'hôtesse', 'réception'],
  ['traduction', 'interprète', 'interprétariat'],
  ['légumes', 'maraîchage', 'maraîcher'],
  ['mobilier', 'meubles'],
  ['fournitures', 'papeterie'],
  ['emballage', 'conditionnement'],
  ['logistique', 'entreposage', 'stockage'],
  ['manutention', 'manutentionnaire'],
  ['transport', 'livraison'],
  ['vitres', 'vitrerie', 'fenêtres'],
  ['café', 'cafés'],
  ['chauffeur', 'navette'],
  ['graffitis', 'tags'],
  ['désinfection', 'dératisation', 'nuisibles'],
  ['photo', 'photographe', 'photographie'],
  ['vidéo', 'film'],
  ['web', 'internet'],
];
