import { JUDGED_QUERIES, RELEVANCE_PLACES, STRUCTURE_QUERIES, type RelevancePlace, type StructureQuery } from './relevance-set.js';

/**
 * Runs the relevance set (relevance-set.ts) against a server and scores it: precision@10 and
 * nDCG@10 per place (README, "Judged, not guessed"). Used by `pnpm bench`
 * (bench/relevance.bench.ts) and by the floor of relevance.test.ts.
 */

/** Sends a GraphQL request to the server evaluated. */
export type PostGraphQL = <T>(query: string, variables: Record<string, unknown>) => Promise<{ data?: T; errors?: unknown[] }>;

const CUTOFF = 10;

const RESULTS = `query Relevance($filter: SupplierFilter, $first: Int) {
  suppliers(filter: $filter, first: $first) {
    totalCount
    edges { node { id name siret categories { slug } offerings { category { slug } } } }
  }
}`;

interface ResultNode {
  id: string;
  name: string;
  siret: string;
  categories: { slug: string }[];
  offerings: { category: { slug: string } }[];
}

interface Results {
  suppliers: { totalCount: number; edges: { node: ResultNode }[] };
}

export interface QueryScore {
  text: string;
  /** Judged categories, or the structure looked for. */
  expected: string;
  precision: number;
  ndcg: number;
  /** Names of the first results, for reading failures. */
  top: string[];
}

export interface PlaceScore {
  place: RelevancePlace;
  precision: number;
  ndcg: number;
  /** Queries scored (judged ones with a relevant supplier in the place, and structure queries). */
  queries: QueryScore[];
  /** Judged queries with no relevant supplier in the place: not scored. */
  skipped: string[];
}

async function results(post: PostGraphQL, filter: Record<string, unknown>, first: number): Promise<Results['suppliers']> {
  const response = await post<Results>(RESULTS, { filter, first });
  if (response.errors || !response.data) throw new Error(`${JSON.stringify(filter)}: ${JSON.stringify(response.errors)}`);
  return response.data.suppliers;
}

/** 2: sells in a judged category (an offering), 1: active in one (declared), 0: not. */
function gainOf(node: ResultNode, relevant: ReadonlySet<string>): number {
  if (node.offerings.some((offering) => relevant.has(offering.category.slug))) return 2;
  return node.categories.some((category) => relevant.has(category.slug)) ? 1 : 0;
}

const dcg = (gains: number[]) => gains.reduce((sum, gain, rank) => sum + (2 ** gain - 1) / Math.log2(rank + 2), 0);

/** The display name without the demo directory's mark. */
const plainName = (name: string) => name.replace(/\s*\(démo\)\s*$/u, '').trim();

const unaccented = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** The text of a structure query for a structure. */
export function structureText(node: ResultNode, form: StructureQuery['form']): string {
  const name = plainName(node.name);
  switch (form) {
    case 'name':
      return name;
    case 'name-lowercase-unaccented':
      return unaccented(name).toLowerCase();
    case 'name-typo': {
      // One letter less in the longest word: a slip of the keyboard.
      const words = name.split(' ');
      const longest = words.reduce((best, word, index) => (word.length > words[best].length ? index : best), 0);
      const word = words[longest];
      if (word.length >= 5) words[longest] = word.slice(0, 2) + word.slice(3);
      return words.join(' ');
    }
    case 'name-in-sentence':
      return `je cherche la structure ${name}`;
    case 'siret':
      return node.siret;
    case 'siret-spaced':
      return `${node.siret.slice(0, 3)} ${node.siret.slice(3, 6)} ${node.siret.slice(6, 9)} ${node.siret.slice(9)}`;
    case 'siren':
      return node.siret.slice(0, 9);
  }
}

async function scoreJudged(post: PostGraphQL, place: RelevancePlace, text: string, relevant: readonly string[]): Promise<QueryScore | null> {
  const judged = new Set(relevant);
  // What the place offers: every supplier serving it in a judged category, for the ideal ranking.
  const available = await results(post, { territory: place.territory, categorySlugs: relevant }, 100);
  if (available.totalCount === 0) return null;
  const ideal = available.edges.map((edge) => gainOf(edge.node, judged)).sort((a, b) => b - a).slice(0, CUTOFF);
  const found = await results(post, { territory: place.territory, text }, CUTOFF);
  const gains = found.edges.map((edge) => gainOf(edge.node, judged));
  const hits = gains.filter((gain) => gain > 0).length;
  return {
    text,
    expected: relevant.join(', '),
    precision: hits / Math.min(CUTOFF, available.totalCount),
    ndcg: dcg(gains) / dcg(ideal),
    top: found.edges.map((edge, rank) => `${gains[rank] > 0 ? '+' : '-'} ${edge.node.name}`),
  };
}

async function scoreStructures(post: PostGraphQL, place: RelevancePlace): Promise<QueryScore[]> {
  const located = await results(post, { territory: { ...place.territory, scope: 'LOCATED_IN' } }, 100);
  const candidates = located.edges.map((edge) => edge.node).sort((a, b) => a.siret.localeCompare(b.siret));
  if (candidates.length === 0) return [];
  const scores: QueryScore[] = [];
  for (const query of STRUCTURE_QUERIES) {
    const wanted = candidates[query.pick % candidates.length];
    const text = structureText(wanted, query.form);
    const found = await results(post, { territory: place.territory, text }, CUTOFF);
    const first = found.edges[0]?.node;
    // Identifiers name one structure; a name may be shared: the first result must bear it.
    const right = first !== undefined && (query.form.startsWith('si') ? first.siret.startsWith(text.replace(/\D/g, '')) : first.id === wanted.id || plainName(first.name) === plainName(wanted.name));
    const rank = found.edges.findIndex((edge) => edge.node.id === wanted.id);
    scores.push({
      text,
      expected: `${query.form}: ${wanted.name}`,
      precision: right ? 1 : 0,
      ndcg: right ? 1 : rank >= 0 ? 1 / Math.log2(rank + 2) : 0,
      top: found.edges.slice(0, 3).map((edge) => edge.node.name),
    });
  }
  return scores;
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** Scores every query of the set in every place. */
export async function evaluateRelevance(post: PostGraphQL, places: readonly RelevancePlace[] = RELEVANCE_PLACES): Promise<PlaceScore[]> {
  const scores: PlaceScore[] = [];
  for (const place of places) {
    const queries: QueryScore[] = [];
    const skipped: string[] = [];
    for (const { text, relevant } of JUDGED_QUERIES) {
      const score = await scoreJudged(post, place, text, relevant);
      if (score) queries.push(score);
      else skipped.push(text);
    }
    queries.push(...(await scoreStructures(post, place)));
    scores.push({
      place,
      precision: mean(queries.map((query) => query.precision)),
      ndcg: mean(queries.map((query) => query.ndcg)),
      queries,
      skipped,
    });
  }
  return scores;
}

/** The scores as the bench prints them: one line per place, then the weakest queries. */
export function formatRelevance(scores: PlaceScore[], weakest = 5): string {
  const lines: string[] = [];
  lines.push(`${'place'.padEnd(36)} ${'P@10'.padStart(6)} ${'nDCG@10'.padStart(8)} ${'queries'.padStart(8)} ${'skipped'.padStart(8)}`);
  for (const score of scores) {
    lines.push(
      `${score.place.name.padEnd(36)} ${score.precision.toFixed(3).padStart(6)} ${score.ndcg.toFixed(3).padStart(8)} ${String(score.queries.length).padStart(8)} ${String(score.skipped.length).padStart(8)}`,
    );
  }
  for (const score of scores) {
    const worst = [...score.queries].sort((a, b) => a.precision - b.precision || a.ndcg - b.ndcg).slice(0, weakest).filter((query) => query.precision < 1);
    if (worst.length === 0) continue;
    lines.push(`weakest in ${score.place.name}:`);
    for (const query of worst) lines.push(`  P@10 ${query.precision.toFixed(2)} nDCG ${query.ndcg.toFixed(2)}  "${query.text}"  (${query.expected})`);
  }
  return lines.join('\n');
}

