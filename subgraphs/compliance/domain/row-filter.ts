import { filterToSql, parseFilter, type ComparisonOperator, type FilterFields, type FilterNode } from '../../../lib/filter';
import { toParam } from '../../../lib/filter/values';
import { compareDecimals, toScaled } from './money';

/** A field of computed rows: its filter type (`decimal` compares exactly) and how to read it. */
export interface RowField<T> {
  type: 'string' | 'number' | 'decimal' | 'uuid';
  get: (row: T) => string | number | null;
}

type Comparison = Extract<FilterNode, { kind: 'comparison' }>;
type Scalar = string | number;

function asFilterFields<T>(fields: Record<string, RowField<T>>): FilterFields {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, { column: name, type: f.type === 'decimal' ? 'number' : f.type }]));
}

function order(a: Scalar, b: Scalar, type: RowField<unknown>['type']): number {
  if (type === 'decimal') {
    // String() is the shortest text that reads back as the same double: the number the user wrote
    const text = String(b);
    try { toScaled(text); } catch { return Number(a) - Number(b); } // exponent forms (1e-7, 1e21): no exact reading exists
    return compareDecimals(String(a), text);
  }
  if (type === 'number') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

const TESTS: Record<Exclude<ComparisonOperator, 'contains' | 'startswith'>, (c: number) => boolean> = {
  eq: (c) => c === 0, ne: (c) => c !== 0, gt: (c) => c > 0, ge: (c) => c >= 0, lt: (c) => c < 0, le: (c) => c <= 0,
};

/** The SQL compiler's semantics on one row: `-ne` matches nulls, other comparisons with a null are false. */
function compare<T>(node: Comparison, row: T, fields: Map<string, [string, RowField<T>]>): boolean {
  const [name, field] = fields.get(node.field.toLowerCase())!;
  const raw = field.get(row);
  const value = field.type === 'uuid' && typeof raw === 'string' ? raw.toLowerCase() : raw;
  if (node.value.type === 'null') return node.operator === 'eq' ? value === null : value !== null;
  if (value === null) return node.operator === 'ne';
  const param = toParam({ fieldName: name, field: { column: name, type: field.type === 'decimal' ? 'number' : field.type }, operator: node.operator, position: node.valuePosition }, node.value) as Scalar;
  if (node.operator === 'contains' || node.operator === 'startswith') {
    const haystack = String(value).toLowerCase();
    const needle = String(param).toLowerCase();
    return node.operator === 'contains' ? haystack.includes(needle) : haystack.startsWith(needle);
  }
  return TESTS[node.operator](order(value, param, field.type));
}

function evaluate<T>(node: FilterNode, row: T, fields: Map<string, [string, RowField<T>]>): boolean {
  switch (node.kind) {
    case 'comparison': return compare(node, row, fields);
    case 'and': return node.operands.every((operand) => evaluate(operand, row, fields));
    case 'or': return node.operands.some((operand) => evaluate(operand, row, fields));
    case 'not': return !evaluate(node.operand, row, fields);
  }
}

/**
 * The seed's `filter` language over rows computed in memory (costs), with the same checks and
 * errors as the SQL compiler: it validates the text first, so bad input fails the same way.
 */
export function filterRows<T>(rows: T[], text: string | null | undefined, fields: Record<string, RowField<T>>): T[] {
  if (!filterToSql(text, asFilterFields(fields), (c) => c)) return rows;
  const tree = parseFilter(text!);
  const byName = new Map(Object.entries(fields).map(([name, f]) => [name.toLowerCase(), [name, f] as [string, RowField<T>]]));
  return rows.filter((row) => evaluate(tree, row, byName));
}
