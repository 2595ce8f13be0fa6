import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { toGlobalId } from './global-id.js';
import { findUnstorableText, isStorableText } from './input-text.js';
import { useTestServer } from '../../test-support/test-server.js';

function find(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return findUnstorableText(document, operation, variables);
}

describe('isStorableText', () => {
  it('refuses NUL and lone surrogates, and nothing else', () => {
    for (const text of ['', 'Les Jardins de Metz', 'é', 'e\u0301', '🦄', '\u0007', '\u202e', '\ufffd']) expect(isStorableText(text), text).toBe(true);
    for (const text of ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udfff\ud800', '🦄\ud83e']) expect(isStorableText(text), JSON.stringify(text)).toBe(false);
  });
});

describe('findUnstorableText', () => {
  it('names the argument and the path inside it, for literals and variables', () => {
    expect(find('{ suppliers(filter: { text: "a\\u0000b" }) { totalCount } }')).toEqual({ argument: 'filter.text', text: 'a\u0000b' });
    expect(find('query($f: SupplierFilter) { suppliers(filter: $f) { totalCount } }', { f: { categorySlugs: ['ok', '\ud800'] } })).toEqual({
      argument: 'filter.categorySlugs.1',
      text: '\ud800',
    });
    expect(find('query($t: String) { suppliers(filter: { tags: ["x", $t] }) { totalCount } }', { t: '\u0000' })).toEqual({
      argument: 'filter.tags.1',
      text: '\u0000',
    });
  });

  it('reads variable defaults when the variable is not given, and fragments', () => {
    expect(find('query($c: String! = "5746\\u0000") { commune(code: $c) { name } }')).toEqual({ argument: 'code', text: '5746\u0000' });
    expect(find('query($c: String! = "5746\\u0000") { commune(code: $c) { name } }', { c: '57463' })).toBeNull();
    expect(find('{ ...F } fragment F on Query { region(code: "4\\u00004") { name } }')).toEqual({ argument: 'code', text: '4\u00004' });
  });

  it('lets clean input through', () => {
    expect(find('query($f: SupplierFilter) { suppliers(filter: $f, first: 3) { totalCount } }', { f: { text: 'Jardins 🌳', tags: ['bio'] } })).toBeNull();
  });
});

describe('over HTTP (issue 13)', () => {
  const app = useTestServer();

  async function refusal(query: string, variables: Record<string, unknown> = {}) {
    const response = await app.server.query(query, variables);
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(1);
    return response.errors![0];
  }

  it('refuses a NUL in any string that would reach SQL, naming the argument', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['query($f: SupplierFilter) { suppliers(filter: $f) { totalCount } }', { f: { text: 'jardin\u0000' } }, 'filter.text'],
      ['query($f: SupplierFilter) { suppliers(filter: $f) { totalCount } }', { f: { categorySlugs: ['taille-haies\u0000'] } }, 'filter.categorySlugs.0'],
      ['query($f: SupplierFilter) { suppliers(filter: $f) { totalCount } }', { f: { tags: ['bio', '\u0000'] } }, 'filter.tags.1'],
      ['query($f: OfferingFilter) { offerings(filter: $f) { totalCount } }', { f: { territory: { communeCode: '5746\u0000' } } }, 'filter.territory.communeCode'],
      ['query($s: String!) { category(slug: $s) { name } }', { s: 'tonte\u0000' }, 'slug'],
      ['query($s: String!) { territories(search: $s, first: 5) { __typename } }', { s: 'Metz\u0000' }, 'search'],
      ['mutation($i: SignUpInput!) { signUp(input: $i) { userErrors { code } } }', { i: { email: 'a@b.fr', password: 'cheval agrafe pile correcte', displayName: 'Camille\u0000' } }, 'input.displayName'],
      ['{ suppliers(filter: { text: "\\u0000" }) { totalCount } }', {}, 'filter.text'],
    ];
    for (const [query, variables, argument] of cases) {
      const error = await refusal(query, variables);
      expect(error.extensions, argument).toEqual({ code: 'BAD_USER_INPUT', argument });
      expect(error.message).toBe(`Texte invalide pour "${argument}" : il contient un caractère nul (U+0000), que l'API n'accepte dans aucun texte.`);
    }
  });

  it('refuses a NUL in the key of a Category or Commune ID', async () => {
    for (const id of [toGlobalId('Category', 'tonte\u0000'), toGlobalId('Commune', '5746\u0000')]) {
      const response = await app.server.query('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(response.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
    }
  });

  it('refuses a lone surrogate as an e-mail address in every mutation that takes one', async () => {
    const supplierId = toGlobalId('Supplier', 1);
    const cases: [string, Record<string, unknown>][] = [
      ['mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', { email: '\ud800', password: 'x' }],
      ['mutation($i: SignUpInput!) { signUp(input: $i) { userErrors { code } } }', { email: '\ud800', password: 'cheval agrafe pile correcte', displayName: 'Camille' }],
      ['mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { userErrors { code } } }', { email: 'x\udc00@exemple.fr' }],
      [
        'mutation($i: ProposeSupplierInput!) { proposeSupplier(input: $i) { userErrors { code } } }',
        { email: '\ud800', siret: '12345678900011', legalName: 'Structure', kind: 'EI', communeCode: '57463' },
      ],
      ['mutation($i: InviteSupplierMemberInput!) { inviteSupplierMember(input: $i) { userErrors { code } } }', { email: '\ud800', supplierId }],
      ['mutation($i: UpdateSupplierProfileInput!) { updateSupplierProfile(input: $i) { userErrors { code } } }', { email: '\ud800', supplierId, version: 1 }],
    ];
    for (const [query, input] of cases) {
      const error = await refusal(query, { i: input });
      expect(error.extensions, query).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.email' });
      expect(error.message).toMatch(/^Texte invalide pour "input\.email" : il contient un caractère UTF-16 incomplet/);
    }
  });
});
