import { isUuid } from '../ids';
import { FilterCompileError, type ComparisonOperator, type FilterField, type FilterFieldType, type FilterValue } from './types';

/** Operators each type accepts. Ordering is refused where it would compare meaningless text (uuid, enum). */
export const OPERATORS_BY_TYPE: Record<FilterFieldType, ReadonlyArray<ComparisonOperator>> = {
  string: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'startswith'],
  number: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  boolean: ['eq', 'ne'],
  datetime: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  uuid: ['eq', 'ne', 'contains', 'startswith'],
  enum: ['eq', 'ne', 'contains', 'startswith'],
};

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)([Zz]|[+-]\d{2}:?\d{2})?)?$/;

export interface ValueContext {
  fieldName: string;
  field: FilterField;
  operator: ComparisonOperator;
  position: number;
}

function fail(ctx: ValueContext, expected: string): never {
  throw new FilterCompileError(`field '${ctx.fieldName}' expects ${expected}`, ctx.position);
}

function describeValue(value: FilterValue): string {
  if (value.type === 'null') return 'null';
  return value.type === 'string' ? JSON.stringify(value.value) : String(value.value);
}

/**
 * A date-time without an offset is read as UTC, not as the server's local time, so that a filter
 * means the same on every host. Calendar overflow (`2024-02-30`, which Date.parse rolls over into
 * March) is refused.
 */
export function parseDatetime(text: string): string | null {
  const match = ISO_DATETIME.exec(text);
  if (!match) return null;
  const [, year, month, day, time, zone] = match;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) return null;
  const normalized = time === undefined ? `${year}-${month}-${day}` : `${year}-${month}-${day}T${time}${zone ?? 'Z'}`;
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function enumValue(ctx: ValueContext, value: FilterValue): string {
  const entries = Object.entries(ctx.field.enumValues ?? {});
  const input = value.type === 'string' ? value.value.toLowerCase() : null;
  const found = entries.find(([key]) => key.toLowerCase() === input);
  if (found) return found[1];
  return fail(ctx, `one of ${entries.map(([key]) => JSON.stringify(key)).join(', ')}, not ${describeValue(value)}`);
}

function stringValue(ctx: ValueContext, value: FilterValue): string {
  if (value.type !== 'string') fail(ctx, `a quoted string, not ${describeValue(value)}`);
  return value.value;
}

/**
 * Converts a parsed (non-null) value into the parameter bound for the field's column, or throws
 * FilterCompileError when it has the wrong type. `-contains`/`-startswith` on a uuid take any text,
 * since a fragment of a UUID is not itself a UUID.
 */
export function toParam(ctx: ValueContext, value: FilterValue): string | number | boolean {
  const partial = ctx.operator === 'contains' || ctx.operator === 'startswith';
  switch (ctx.field.type) {
    case 'string':
      return stringValue(ctx, value);
    case 'number':
      if (value.type !== 'number') fail(ctx, `a number, not ${describeValue(value)}`);
      return value.value;
    case 'boolean':
      if (value.type !== 'boolean') fail(ctx, `true or false, not ${describeValue(value)}`);
      return value.value;
    case 'datetime': {
      const iso = value.type === 'string' ? parseDatetime(value.value) : null;
      if (iso !== null && ctx.field.datetimeStorage === 'epochMs') return Date.parse(iso);
      return iso ?? fail(ctx, `an ISO-8601 date-time in quotes (e.g. "2024-03-01T12:00:00Z"), not ${describeValue(value)}`);
    }
    case 'uuid': {
      const text = value.type === 'string' ? value.value : '';
      if (value.type !== 'string' || (!partial && !isUuid(text))) {
        fail(ctx, `a UUID in quotes (e.g. "49cdd99f-bc16-40f9-ad40-48f12182fb30"), not ${describeValue(value)}`);
      }
      // Stored UUIDs are lower-case (PostgreSQL's uuid type prints them so; SQLite compares text exactly).
      return text.toLowerCase();
    }
    case 'enum':
      return enumValue(ctx, value);
  }
}
