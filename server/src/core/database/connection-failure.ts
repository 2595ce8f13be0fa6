/**
 * Whether an error means that PostgreSQL cannot be reached at all (stopped, restarting,
 * network cut, no connection to be had in time), as opposed to the failure of one statement.
 * The one place that decides it: such failures are answered 503 SERVICE_UNAVAILABLE and
 * logged once per outage (database-availability.ts), never as a stack per request.
 */
export function isConnectionFailure(error: unknown): boolean {
  return connectionFailureReason(error) !== null;
}

/** A short reason (`ECONNREFUSED`, `57P01 admin shutdown`…) for a connection failure; null for any other error. */
export function connectionFailureReason(error: unknown): string | null {
  for (const cause of causesOf(error)) {
    const code = typeof cause.code === 'string' ? cause.code : undefined;
    if (code && NETWORK_ERRORS.has(code)) return code;
    if (code && SQLSTATES[code]) return `${code} ${SQLSTATES[code]}`;
    // Connection class (08xxx): the connection failed or was cut.
    if (code && /^08[0-9A-Z]{3}$/.test(code)) return `${code} connection exception`;
    const message = typeof cause.message === 'string' ? cause.message : '';
    if (DRIVER_MESSAGES.some((known) => message.startsWith(known))) return message;
  }
  return null;
}

/**
 * PostgreSQL cancelled a statement at its `statement_timeout` (the request time limit on the
 * server's connections): the request is answered TIMEOUT, not logged as a bug.
 */
export function isStatementTimeout(error: unknown): boolean {
  for (const cause of causesOf(error)) {
    if (cause.code === '57014' && typeof cause.message === 'string' && cause.message.includes('statement timeout')) return true;
  }
  return false;
}

/** Socket errors of Node (also inside the AggregateError of a host with several addresses). */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH',
  'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN',
]);

/** SQLSTATEs of a server that is going away, starting up, or out of connections. */
const SQLSTATES: Record<string, string> = {
  '57P01': 'admin shutdown',
  '57P02': 'crash shutdown',
  '57P03': 'cannot connect now',
  '53300': 'too many connections',
};

/** What node-postgres and its pool say when a connection ends or cannot be had in time (they set no code). */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
}

/** The error and what it wraps: `cause`, TypeORM's `driverError`, GraphQL's `originalError`, an AggregateError's `errors`. */
function* causesOf(error: unknown, depth = 0): Generator<ErrorLike> {
  if (!error || typeof error !== 'object' || depth > 5) return;
  yield error as ErrorLike;
  const { cause, driverError, originalError, errors } = error as Record<string, unknown>;
  for (const inner of [cause, driverError, originalError]) yield* causesOf(inner, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* causesOf(inner, depth + 1);
}
