import { BadUserInputError } from '../errors';
import { compileFilter } from './compile';
import { parseFilter } from './parser';
import { FilterError, type CompiledFilter, type FilterFields } from './types';

export { compileFilter, escapeLike } from './compile';
export { filterField } from './fields';
export { parseFilter } from './parser';
export {
  FilterCompileError,
  FilterError,
  FilterSyntaxError,
  MAX_FILTER_DEPTH,
  MAX_FILTER_LENGTH,
  type CompiledFilter,
  type ComparisonOperator,
  type FilterField,
  type FilterFields,
  type FilterFieldType,
  type FilterNode,
  type FilterValue,
} from './types';

/**
 * The `filter` argument of a collection as SQL: null when there is no filter (null, undefined or
 * blank), otherwise the compiled expression. Every problem with the text becomes a
 * BadUserInputError with `extensions.position`, so clients can point at the offending token.
 */
export function filterToSql(
  text: string | null | undefined,
  fields: FilterFields,
  quote: (identifier: string) => string,
  argumentPath: ReadonlyArray<string | number> = ['filter'],
): CompiledFilter | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  try {
    return compileFilter(parseFilter(text), fields, quote);
  } catch (error) {
    if (error instanceof FilterError) {
      throw new BadUserInputError(`Invalid filter at position ${error.position}: ${error.message}`, argumentPath, {
        position: error.position,
      });
    }
    throw error;
  }
}
