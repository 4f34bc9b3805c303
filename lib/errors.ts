import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The stable error codes of the API (ARCHITECTURE.md, "Errors"). Every error a client sees carries
 * one of them in `extensions.code`.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'LIMIT_EXCEEDED'
  | 'INTERNAL_SERVER_ERROR';

/** Base of the domain errors: a GraphQLError whose code is fixed by its class. */
export abstract class DomainError extends GraphQLError {
  abstract readonly code: ErrorCode;
  protected constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Input that the caller can fix: `argumentPath` names the offending argument (e.g. `["input", "quantity"]`). */
export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string, argumentPath: ReadonlyArray<string | number> = [], extra: Record<string, unknown> = {}) {
    super(message, 'BAD_USER_INPUT', { argumentPath, ...extra });
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(entity: string, id: string) {
    super(`${entity} ${JSON.stringify(id)} was not found`, 'NOT_FOUND', { entity, id });
  }
}

/** A state conflict: a key that exists, a limit of seats, machines or uses that is reached. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', extra);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'Authentication is required') {
    super(message, 'UNAUTHENTICATED', { http: { status: 401 } });
  }
}

/** Not allowed; `extra` may name a `reason` (e.g. `RESERVATION_REQUIRED`). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, 'FORBIDDEN', extra);
  }
}

export class LimitExceededError extends DomainError {
  readonly code = 'LIMIT_EXCEEDED' as const;
  constructor(limit: string, message: string) {
    super(message, 'LIMIT_EXCEEDED', { limit });
  }
}

const KNOWN_CODES = new Set<string>([
  'BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'LIMIT_EXCEEDED',
  // codes Apollo Server itself assigns to malformed requests
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** MikroORM / driver errors recognised by class name, so that lib/ needs no driver import. */
function mapDriverError(original: unknown): GraphQLFormattedError['extensions'] | null {
  const { name = '', code = '' } = (original ?? {}) as { name?: string; code?: string };
  if (name === 'UniqueConstraintViolationException') return { code: 'CONFLICT', reason: 'UNIQUE_VIOLATION' };
  // PostgreSQL refuses a malformed UUID (22P02) where SQLite just finds no row: no such record either way
  if (name === 'NotFoundError' || code === '22P02') return { code: 'NOT_FOUND' };
  return null;
}

/** Quoted SQL literals (`'…'`, with `''` inside) and bound values: driver errors quote the statement they ran. */
const SQL_LITERAL = /'(?:[^']|'')*'/g;

/**
 * An internal error as it may be logged: driver errors carry the SQL statement with its values (sealed secrets,
 * payloads, personal data), so every quoted literal is replaced by `'?'`, in the message and the stack.
 */
export function redactedForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error).replace(SQL_LITERAL, "'?'");
  const text = error.stack ?? `${error.name}: ${error.message}`;
  return text.replace(SQL_LITERAL, "'?'");
}

/** A secret-named field (`password`, `idToken`, `signingSecret`, ...) as graphql-js prints an input value: `password: "…"`. */
const ECHOED_SECRET_FIELD = /\b(\w*(?:password|secret|token)\w*: )"(?:[^"\\]|\\.)*"/gi;
/** A scalar refused at a secret-named input field: graphql-js repeats it before and after the path. */
const ECHOED_SECRET_SCALAR = /^(Variable "\$\w+" got invalid value ).*?( at "[^"]*(?:password|secret|token)[^"]*"; ).*$/is;

/**
 * graphql-js repeats an invalid variable's value in its message (`Variable "$i" got invalid value { username: "u",
 * password: "…" }; Field "pakId" of required type "String!" was not provided.`): secret-named fields are blanked, so
 * that a malformed request does not send a password back (nor into anything that records responses).
 */
export function withoutEchoedSecrets(message: string): string {
  return message
    .replace(ECHOED_SECRET_SCALAR, '$1"<redacted>"$2the value is not valid for its type.')
    .replace(ECHOED_SECRET_FIELD, '$1"<redacted>"');
}

/**
 * The one place where errors are shaped for clients (subgraphs and gateway): known codes pass
 * through; ORM errors are mapped to their codes; anything else becomes INTERNAL_SERVER_ERROR with
 * no message, stack or SQL text.
 */
export function formatClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: withoutEchoedSecrets(formatted.message), extensions };
  }
  const original = error instanceof GraphQLError ? error.originalError : error;
  const mapped = mapDriverError(original);
  if (mapped?.code === 'CONFLICT') {
    return { message: 'A record with the same unique value already exists', path: formatted.path, locations: formatted.locations, extensions: mapped };
  }
  if (mapped?.code === 'NOT_FOUND') {
    return { message: 'The record was not found', path: formatted.path, locations: formatted.locations, extensions: mapped };
  }
  if (process.env.LOG_INTERNAL_ERRORS !== '0') {
    console.error('[internal error]', redactedForLog(original ?? error));
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
