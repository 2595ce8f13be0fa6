import { describe, expect, it } from 'vitest';
import { emailProblem, isEmailAddress, normalizeEmail } from './email-address.js';
import { hashPassword, needsRehash, passwordProblem, verifyAgainstDummy, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('hashes with argon2id (OWASP parameters), salted, and verifies', async () => {
    const first = await hashPassword('une phrase de passe');
    const second = await hashPassword('une phrase de passe');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'une phrase de passe')).toBe(true);
    expect(await verifyPassword(first, 'une phrase de passE')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(needsRehash(first)).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('spends a verification on unknown accounts and always says no', async () => {
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });
});

describe('password policy', () => {
  it('asks for 12 characters at least (characters, not bytes), explained in French', () => {
    expect(passwordProblem('onze caract', null)).toMatchObject({ code: 'TOO_SHORT', message: expect.stringContaining('au moins 12 caractères') });
    expect(passwordProblem('douze caract', null)).toBeNull();
    expect(passwordProblem('éééééééééééé', null)).toBeNull();
    expect(passwordProblem('😀'.repeat(11), null)?.code).toBe('TOO_SHORT');
    expect(passwordProblem('x'.repeat(257), null)?.code).toBe('TOO_LONG');
  });

  it('refuses the email address itself', () => {
    expect(passwordProblem(' Marie.Curie@Exemple.fr ', 'marie.curie@exemple.fr')?.code).toBe('WEAK_PASSWORD');
    expect(passwordProblem('marie.curie@exemple.fr!', 'marie.curie@exemple.fr')).toBeNull();
  });
});

describe('email addresses', () => {
  it('are trimmed and lower-cased, and must look like addresses', () => {
    expect(normalizeEmail('  Marie.CURIE@Exemple.FR ')).toBe('marie.curie@exemple.fr');
    expect(emailProblem('marie.curie@exemple.fr')).toBeNull();
    expect(emailProblem('')?.code).toBe('BLANK');
    expect(emailProblem('marie.curie')?.code).toBe('INVALID');
    expect(emailProblem('marie curie@exemple.fr')?.code).toBe('INVALID');
    expect(emailProblem(`${'a'.repeat(250)}@exemple.fr`)?.code).toBe('TOO_LONG');
  });

  it('are checked without ever throwing, whatever the text (issue 13: a lone surrogate threw URIError)', () => {
    for (const odd of ['\ud800', 'a\ud800@exemple.fr', '\udc00@exemple.fr', 'marie@\udfff.fr', 'a\u0000@exemple.fr', '🦄@🦄.fr']) {
      expect(isEmailAddress(odd), JSON.stringify(odd)).toBe(false);
      expect(emailProblem(normalizeEmail(odd))?.code, JSON.stringify(odd)).toBe('INVALID');
    }
    expect(isEmailAddress('marie.curie@exemple.fr')).toBe(true);
  });
});
