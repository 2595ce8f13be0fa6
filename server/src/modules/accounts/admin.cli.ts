import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../core/config/config.js';
import { connectForCli } from '../../core/database/cli-connection.js';
import { createOrPromoteAdmin } from './account.service.js';
import { PASSWORD_MIN_LENGTH } from './password.js';

/**
 * `pnpm admin:create <email> [--name "Nom"]`: creates an admin account, or promotes an
 * existing account (its password is kept). The password of a new account is typed twice on
 * a terminal, or read from ADMIN_PASSWORD (scripts, tests); there is never a default one.
 * Exit code 0 on success, 1 on failure, 2 on a usage error or a refused password.
 */

const USAGE = `Usage : pnpm admin:create <adresse électronique> [--name "Nom affiché"]

Crée un compte administrateur, ou donne le rôle administrateur à un compte existant (son mot
de passe est conservé). Le mot de passe d'un nouveau compte est demandé deux fois dans le
terminal, ou lu dans la variable ADMIN_PASSWORD (au moins ${PASSWORD_MIN_LENGTH} caractères).

Base : DATABASE_URL, sinon le PostgreSQL embarqué de .data/postgres.`;

const log = (message: string) => process.stderr.write(`[admin] ${message}\n`);

class UsageError extends Error {}

function parseArguments(argv: string[]): { email: string; name: string } | null {
  const { values, positionals } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) return null;
  const emails = positionals.filter((value) => value !== '--');
  if (emails.length !== 1) throw new UsageError(emails.length === 0 ? "Donnez l'adresse électronique du compte." : 'Une seule adresse à la fois.');
  return { email: emails[0], name: values.name ?? 'Administrateur' };
}

/** Reads a line on the terminal without echoing it. */
function readHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let value = '';
    const done = (error: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(null);
        if (char === '\u0003') return done(new UsageError('Interrompu.'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    input.on('data', onData);
  });
}

async function passwordFromOperator(): Promise<string | null> {
  const fromEnvironment = process.env.ADMIN_PASSWORD;
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY) return null;
  const first = await readHidden('Mot de passe du nouveau compte administrateur : ');
  const second = await readHidden('Le même, encore une fois : ');
  if (first !== second) throw new UsageError('Les deux mots de passe diffèrent : rien n\'a été fait.');
  return first;
}

async function main(): Promise<number> {
  let args: { email: string; name: string } | null;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const connection = await connectForCli(config, log);
  try {
    await connection.db.runMigrations({ transaction: 'each' });
    const [existing] = await connection.db.query(`SELECT 1 FROM account WHERE email = lower(btrim($1))`, [args.email]);
    let password: string | null = null;
    if (!existing) {
      password = await passwordFromOperator();
      if (!password) {
        console.error(
          'Aucun mot de passe : lancez la commande dans un terminal pour le saisir, ou donnez-le dans ADMIN_PASSWORD. ' +
            "Il n'y a pas de mot de passe par défaut.",
        );
        return 2;
      }
    }
    const outcome = await createOrPromoteAdmin(connection.db, { email: args.email, password, displayName: args.name });
    switch (outcome.status) {
      case 'created':
        console.log(`Compte administrateur créé : ${args.email.trim().toLowerCase()}`);
        return 0;
      case 'promoted':
        console.log(`Le compte ${args.email.trim().toLowerCase()} est maintenant administrateur (son mot de passe est conservé).`);
        return 0;
      case 'already-admin':
        console.log(`Le compte ${args.email.trim().toLowerCase()} est déjà administrateur : rien à faire.`);
        return 0;
      case 'invalid':
        console.error(`${outcome.message} Rien n'a été fait.`);
        return 2;
    }
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof ConfigError ? `Configuration : ${error.message}` : error);
    process.exit(1);
  },
);
