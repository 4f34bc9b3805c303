import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { BadUserInputError } from './errors';

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new BadUserInputError(`DateTime must be an ISO-8601 string, got ${JSON.stringify(value)}`);
  }
  return new Date(value);
}

/** An instant as an ISO-8601 string in UTC, e.g. `2024-01-01T00:00:00.000Z`. */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string, e.g. `2024-01-01T00:00:00Z`.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

const DECIMAL = /^-?\d{1,18}(\.\d{1,8})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) {
    throw new BadUserInputError(`Decimal must be a decimal number as a string (e.g. "1000.50"), got ${JSON.stringify(value)}`);
  }
  return text;
}

/** Money and other exact numbers: a decimal as a string, never a float. */
export const Decimal = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. `"1000.50"` (money is never a float).',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined),
});

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING: case Kind.ENUM: return ast.value;
    case Kind.BOOLEAN: return ast.value;
    case Kind.INT: case Kind.FLOAT: return Number(ast.value);
    case Kind.NULL: return null;
    case Kind.LIST: return ast.values.map(literalToJson);
    case Kind.OBJECT: return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    default: throw new BadUserInputError('JSON literals cannot contain variables');
  }
}

/** Arbitrary JSON (license file payloads, event data). */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});

/** The scalar resolvers every subgraph mounts (each declares the scalars its SDL uses). */
export const scalarResolvers = { DateTime, Decimal, JSON: JSONScalar };
