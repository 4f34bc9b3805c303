/** Column types a filter field can have; each decides which operators and values are accepted. */
export type FilterFieldType = 'string' | 'number' | 'boolean' | 'datetime' | 'uuid' | 'enum';

export interface FilterField {
  /** SQL column name, unquoted: it always goes through the caller's `quote()`. */
  column: string;
  type: FilterFieldType;
  /** For 'enum': accepted input (compared case-insensitively) -> value stored in the column. */
  enumValues?: Record<string, string>;
  /** How a 'datetime' column stores instants: ISO text (PostgreSQL timestamps compare with it) or epoch milliseconds (MikroORM on SQLite). */
  datetimeStorage?: 'iso' | 'epochMs';
}

/** Key = the field name as users write it in a filter (matched case-insensitively). */
export type FilterFields = Record<string, FilterField>;

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'contains' | 'startswith';

export const COMPARISON_OPERATORS: ReadonlyArray<ComparisonOperator> = [
  'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'startswith',
];

export type FilterValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' };

/**
 * The parsed filter. Positions are 0-based offsets into the filter text, kept so that errors found
 * while compiling (unknown field, wrong value type) can point at the offending token too.
 */
export type FilterNode =
  | {
      kind: 'comparison';
      field: string;
      operator: ComparisonOperator;
      value: FilterValue;
      position: number;
      operatorPosition: number;
      valuePosition: number;
    }
  | { kind: 'and'; operands: FilterNode[] }
  | { kind: 'or'; operands: FilterNode[] }
  | { kind: 'not'; operand: FilterNode; position: number };

export interface CompiledFilter {
  /** A boolean SQL expression with `?` placeholders; never contains a user value. */
  sql: string;
  params: Array<string | number | boolean | null>;
}

/** Abuse guards: both bound the work of the lexer, the recursive parser and the database planner. */
export const MAX_FILTER_LENGTH = 4000;
export const MAX_FILTER_DEPTH = 32;

/** Base of the filter errors: `position` is the 0-based offset of the offending token. */
export class FilterError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
    this.name = new.target.name;
  }
}

/** The text is not a well-formed filter. */
export class FilterSyntaxError extends FilterError {}

/** The filter is well-formed but does not fit the fields (unknown field, wrong operator or value type). */
export class FilterCompileError extends FilterError {}
