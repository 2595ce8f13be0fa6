// The rules that keep schema.graphql a stable contract for API consumers (CHANGELOG.md,
// "Deprecation policy"): additive changes any time; a breaking change only once declared in
// breaking-changes.json, after a dated deprecation at least NOTICE_MONTHS earlier.
import {
  BreakingChangeType,
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';

export const NOTICE_MONTHS = 6;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SINCE = /\bSince (\d{4}-\d{2}-\d{2})\b/;
const REMOVAL = /\bremoval after (\d{4}-\d{2}-\d{2})\b/;

/** A real calendar date written YYYY-MM-DD ("2026-02-30" is not). */
function isDate(text) {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return false;
  return new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/** The day NOTICE_MONTHS after `date` (YYYY-MM-DD), same format. */
export function noticeEnd(date) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + NOTICE_MONTHS, day)).toISOString().slice(0, 10);
}

/** Every deprecated field, argument, input field and enum value: `[coordinate, reason]`. */
function deprecations(schema) {
  const found = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null) found.push([`${type.name}.${field.name}`, field.deprecationReason]);
        for (const arg of field.args) {
          if (arg.deprecationReason != null) found.push([`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason]);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null) found.push([`${type.name}.${field.name}`, field.deprecationReason]);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (value.deprecationReason != null) found.push([`${type.name}.${value.name}`, value.deprecationReason]);
      }
    }
  }
  return found;
}

/**
 * Deprecations whose reason does not say when and until when, e.g.
 * "Since 2026-11-25: use `x` instead; removal after 2027-05-25" (removal at least NOTICE_MONTHS later).
 */
export function deprecationProblems(sdl) {
  const problems = [];
  for (const [coordinate, reason] of deprecations(buildSchema(sdl))) {
    const since = SINCE.exec(reason)?.[1];
    const removal = REMOVAL.exec(reason)?.[1];
    if (!isDate(since) || !isDate(removal)) {
      problems.push(
        `${coordinate}: the deprecation reason must give both dates, e.g. "Since 2026-11-25: use X instead; removal after 2027-05-25" (is: "${reason}").`,
      );
    } else if (removal < noticeEnd(since)) {
      problems.push(`${coordinate}: removal after ${removal} is less than ${NOTICE_MONTHS} months after ${since}.`);
    }
  }
  return problems;
}

/** Entries of breaking-changes.json that lack a field or whose dates break the notice period. */
export function declarationProblems(declared) {
  const problems = [];
  for (const [index, entry] of declared.entries()) {
    const label = `breaking-changes.json entry ${index + 1}`;
    for (const key of ['change', 'reason', 'deprecation']) {
      if (typeof entry[key] !== 'string' || !entry[key].trim()) problems.push(`${label}: "${key}" is missing.`);
    }
    if (!isDate(entry.date)) problems.push(`${label}: "date" must be YYYY-MM-DD.`);
    if (!isDate(entry.deprecatedOn)) problems.push(`${label}: "deprecatedOn" must be YYYY-MM-DD.`);
    if (isDate(entry.date) && isDate(entry.deprecatedOn) && entry.date < noticeEnd(entry.deprecatedOn)) {
      problems.push(`${label}: ${entry.date} is less than ${NOTICE_MONTHS} months after the deprecation (${entry.deprecatedOn}).`);
    }
  }
  return problems;
}

/**
 * For a removed field or enum value: whether the base schema had it deprecated. Other
 * breaking changes (a type removed, an argument made required…) cannot carry @deprecated:
 * their declaration's `deprecation` says what announced them.
 */
function wasDeprecated(baseSchema, change) {
  if (change.type === BreakingChangeType.FIELD_REMOVED) {
    const [, typeName, fieldName] = /^(\w+)\.(\w+) was removed\.$/.exec(change.description) ?? [];
    const type = typeName && baseSchema.getType(typeName);
    return Boolean(type && 'getFields' in type && type.getFields()[fieldName]?.deprecationReason != null);
  }
  if (change.type === BreakingChangeType.VALUE_REMOVED_FROM_ENUM) {
    const [, valueName, typeName] = /^(\w+) was removed from enum type (\w+)\.$/.exec(change.description) ?? [];
    const type = typeName && baseSchema.getType(typeName);
    return Boolean(isEnumType(type) && type.getValue(valueName)?.deprecationReason != null);
  }
  return true;
}

/**
 * Compares the contract with its previous version. `failures` are what must stop CI:
 * undeclared breaking changes, removals of what was never deprecated, bad declarations,
 * undated deprecations. `dangerous` changes (a new enum value, a default changed…) are
 * printed for the CHANGELOG, not refused.
 */
export function compareContracts(baseSdl, currentSdl, declared = []) {
  const baseSchema = buildSchema(baseSdl);
  const currentSchema = buildSchema(currentSdl);
  const failures = [...declarationProblems(declared), ...deprecationProblems(currentSdl)];
  const breaking = findBreakingChanges(baseSchema, currentSchema).map((change) => {
    const declaration = declared.find((entry) => entry.change === change.description) ?? null;
    if (!declaration) {
      failures.push(
        `Undeclared breaking change: ${change.description} Deprecate first (with a dated reason), then declare it in schema/breaking-changes.json.`,
      );
    } else if (!wasDeprecated(baseSchema, change)) {
      failures.push(`${change.description} It was not deprecated in the previous version: deprecate first.`);
    }
    return { ...change, declaration };
  });
  const dangerous = findDangerousChanges(baseSchema, currentSchema);
  return { breaking, dangerous, failures };
}
