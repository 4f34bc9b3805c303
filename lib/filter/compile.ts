import {
  FilterCompileError,
  type CompiledFilter,
  type ComparisonOperator,
  type FilterField,
  type FilterFields,
  type FilterNode,
} from './types';
import { OPERATORS_BY_TYPE, toParam } from './values';

type Comparison = Extract<FilterNode, { kind: 'comparison' }>;
type Param = CompiledFilter['params'][number];

interface Context {
  /** Lower-cased field name -> the name as declared and its definition; a Map so `__proto__` etc. find nothing. */
  fields: Map<string, { name: string; field: FilterField }>;
  quote: (identifier: string) => string;
  params: Param[];
}

const SQL_COMPARISON: Partial<Record<ComparisonOperator, string>> = {
  eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=',
};

/** Backslash is the LIKE escape character (declared with ESCAPE on every LIKE), so it is escaped too. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => '\\' + ch);
}

function resolveField(node: Comparison, ctx: Context): { name: string; field: FilterField } {
  const entry = ctx.fields.get(node.field.toLowerCase());
  if (entry) return entry;
  const allowed = [...ctx.fields.values()].map((f) => f.name).join(', ');
  throw new FilterCompileError(`unknown field '${node.field}'; allowed fields: ${allowed}`, node.position);
}

/**
 * Case-insensitive on both engines: LIKE alone is case-sensitive on PostgreSQL. Non-string columns
 * are cast first because PostgreSQL has no lower(uuid) nor lower(<enum type>). SQLite's lower()
 * only folds ASCII, so non-ASCII capitals match case-sensitively there.
 */
function compileLike(field: FilterField, column: string, operator: ComparisonOperator, value: string, ctx: Context): string {
  const pattern = escapeLike(value.toLowerCase());
  ctx.params.push(operator === 'contains' ? `%${pattern}%` : `${pattern}%`);
  const target = field.type === 'string' ? `lower(${column})` : `lower(CAST(${column} AS TEXT))`;
  return `${target} LIKE ? ESCAPE '\\'`;
}

function compileComparison(node: Comparison, ctx: Context): string {
  const { name, field } = resolveField(node, ctx);
  const allowed = OPERATORS_BY_TYPE[field.type];
  if (!allowed.includes(node.operator)) {
    const list = allowed.map((op) => '-' + op).join(', ');
    throw new FilterCompileError(`operator -${node.operator} cannot be used on ${field.type} field '${name}'; use one of ${list}`, node.operatorPosition);
  }
  const column = ctx.quote(field.column);
  if (node.value.type === 'null') {
    if (node.operator === 'eq') return `${column} IS NULL`;
    if (node.operator === 'ne') return `${column} IS NOT NULL`;
    throw new FilterCompileError(`null can only be compared with -eq or -ne`, node.valuePosition);
  }
  const param = toParam({ fieldName: name, field, operator: node.operator, position: node.valuePosition }, node.value);
  if (node.operator === 'contains' || node.operator === 'startswith') {
    return compileLike(field, column, node.operator, String(param), ctx);
  }
  ctx.params.push(param);
  // `-ne` also matches rows where the column is NULL: "status is not 'active'" is true of a row
  // without a status, whereas SQL's `<>` alone would drop it (NULL <> x is unknown).
  if (node.operator === 'ne') return `(${column} <> ? OR ${column} IS NULL)`;
  return `${column} ${SQL_COMPARISON[node.operator]} ?`;
}

function compileNode(node: FilterNode, ctx: Context): string {
  switch (node.kind) {
    case 'comparison':
      return compileComparison(node, ctx);
    case 'and':
    case 'or': {
      const parts = node.operands.map((operand) => compileNode(operand, ctx));
      return `(${parts.join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not':
      // COALESCE turns "unknown" (a comparison with NULL) into false before negating, so
      // `-not (x -eq 1)` matches the same rows as `x -ne 1`, NULLs included.
      return `(NOT COALESCE(${compileNode(node.operand, ctx)}, FALSE))`;
  }
}

/**
 * Compiles a parsed filter into a boolean SQL expression with `?` placeholders, for SQLite and
 * PostgreSQL alike. Throws FilterCompileError for unknown fields and operators or values that do
 * not fit a field's type.
 */
export function compileFilter(node: FilterNode, fields: FilterFields, quote: (identifier: string) => string): CompiledFilter {
  const map = new Map<string, { name: string; field: FilterField }>();
  for (const [name, field] of Object.entries(fields)) {
    if (!map.has(name.toLowerCase())) map.set(name.toLowerCase(), { name, field });
  }
  const ctx: Context = { fields: map, quote, params: [] };
  const sql = compileNode(node, ctx);
  return { sql, params: ctx.params };
}
