import type { FilterField } from './types';

/**
 * Filter fields by column type, for a list's `FilterFields`, e.g. `{ id: uuid('id'), createdDate: date('created_at') }`
 * after `const { text, uuid, num, bool, date } = filterField;`. The column is the SQL column name.
 */
export const filterField = {
  text: (column: string): FilterField => ({ column, type: 'string' }),
  uuid: (column: string): FilterField => ({ column, type: 'uuid' }),
  num: (column: string): FilterField => ({ column, type: 'number' }),
  bool: (column: string): FilterField => ({ column, type: 'boolean' }),
  date: (column: string): FilterField => ({ column, type: 'datetime' }),
};
