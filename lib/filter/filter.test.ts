import { BadUserInputError } from '../errors';
import {
  compileFilter,
  filterToSql,
  FilterCompileError,
  FilterSyntaxError,
  parseFilter,
  type CompiledFilter,
  type FilterFields,
} from '.';

const quote = (s: string): string => '"' + s + '"';

const fields: FilterFields = {
  name: { column: 'name', type: 'string' },
  quantity: { column: 'quantity', type: 'number' },
  active: { column: 'is_active', type: 'boolean' },
  purchaseDate: { column: 'purchase_date', type: 'datetime' },
  id: { column: 'id', type: 'uuid' },
  status: { column: 'status', type: 'enum', enumValues: { active: 'ACTIVE', expired: 'EXPIRED' } },
  'owner.email': { column: 'owner_email', type: 'string' },
  a: { column: 'a', type: 'number' },
  b: { column: 'b', type: 'number' },
  c: { column: 'c', type: 'number' },
};

const UUID = '49cdd99f-bc16-40f9-ad40-48f12182fb30';
const LIKE = `LIKE ? ESCAPE '\\'`;

function compile(text: string): CompiledFilter {
  return compileFilter(parseFilter(text), fields, quote);
}

describe('compiling valid filters', () => {
  it.each<[string, string, CompiledFilter['params']]>([
    ['status -eq "active" -and quantity -gt 2', '("status" = ? AND "quantity" > ?)', ['ACTIVE', 2]],
    [`id -eq '${UUID.toUpperCase()}'`, '"id" = ?', [UUID]],
    // precedence: -and binds tighter than -or
    ['a -eq 1 -or b -eq 2 -and c -eq 3', '("a" = ? OR ("b" = ? AND "c" = ?))', [1, 2, 3]],
    ['a -eq 1 -and b -eq 2 -or c -eq 3', '(("a" = ? AND "b" = ?) OR "c" = ?)', [1, 2, 3]],
    ['(a -eq 1 -or b -eq 2) -and c -eq 3', '(("a" = ? OR "b" = ?) AND "c" = ?)', [1, 2, 3]],
    ['a -eq 1 -and b -eq 2 -and c -eq 3', '("a" = ? AND "b" = ? AND "c" = ?)', [1, 2, 3]],
    ['((a -eq 1))', '"a" = ?', [1]],
    [' \t a -eq 1 \n ', '"a" = ?', [1]],
    // quoting and escapes
    [String.raw`name -eq "say \"hi\" \\ ok"`, '"name" = ?', ['say "hi" \\ ok']],
    [String.raw`name -eq 'it\'s'`, '"name" = ?', ["it's"]],
    [`name -eq 'say "hi"'`, '"name" = ?', ['say "hi"']],
    [String.raw`name -eq 'C:\temp'`, '"name" = ?', ['C:\\temp']],
    [`name -eq ""`, '"name" = ?', ['']],
    [`name -eq "'; DROP TABLE t; --"`, '"name" = ?', ["'; DROP TABLE t; --"]],
    // null
    ['name -eq null', '"name" IS NULL', []],
    ['name -ne NULL', '"name" IS NOT NULL', []],
    // numbers
    ['quantity -ge -3', '"quantity" >= ?', [-3]],
    ['quantity -lt 2.75', '"quantity" < ?', [2.75]],
    ['quantity -le -0.5', '"quantity" <= ?', [-0.5]],
    ['quantity -ne 0', '("quantity" <> ? OR "quantity" IS NULL)', [0]],
    // case-insensitive operators, combinators and field names
    ['NAME -EQ "x" -AND Quantity -Ne 3', '("name" = ? AND ("quantity" <> ? OR "quantity" IS NULL))', ['x', 3]],
    ['Owner.Email -eq "a@b.c"', '"owner_email" = ?', ['a@b.c']],
    ['status -eq "Active"', '"status" = ?', ['ACTIVE']],
    // booleans and datetimes
    ['active -eq true', '"is_active" = ?', [true]],
    ['active -ne FALSE', '("is_active" <> ? OR "is_active" IS NULL)', [false]],
    ['purchaseDate -ge "2024-03-01"', '"purchase_date" >= ?', ['2024-03-01T00:00:00.000Z']],
    ['purchaseDate -lt "2024-03-01T12:30:00+02:00"', '"purchase_date" < ?', ['2024-03-01T10:30:00.000Z']],
    ['purchaseDate -gt "2024-03-01T12:30"', '"purchase_date" > ?', ['2024-03-01T12:30:00.000Z']],
    ['purchaseDate -le "2024-03-01 12:30:15.5Z"', '"purchase_date" <= ?', ['2024-03-01T12:30:15.500Z']],
    // contains / startswith: lower-cased, with %, _ and \ escaped
    [String.raw`name -contains "50%_Off\\"`, `lower("name") ${LIKE}`, ['%50\\%\\_off\\\\%']],
    ['name -startswith "Ab"', `lower("name") ${LIKE}`, ['ab%']],
    ['name -CONTAINS "x" -or name -StartsWith "y"', `(lower("name") ${LIKE} OR lower("name") ${LIKE})`, ['%x%', 'y%']],
    ['status -contains "EXPIRED"', `lower(CAST("status" AS TEXT)) ${LIKE}`, ['%expired%']],
    ['id -startswith "49CD"', `lower(CAST("id" AS TEXT)) ${LIKE}`, ['49cd%']],
    ['name -gt "m"', '"name" > ?', ['m']],
    // -not
    ['-not (name -eq "x")', '(NOT COALESCE("name" = ?, FALSE))', ['x']],
    ['-NOT a -eq 1 -and b -eq 2', '((NOT COALESCE("a" = ?, FALSE)) AND "b" = ?)', [1, 2]],
    ['-not (a -eq 1 -or b -eq 2)', '(NOT COALESCE(("a" = ? OR "b" = ?), FALSE))', [1, 2]],
  ])('%s', (text, sql, params) => {
    expect(compile(text)).toEqual({ sql, params });
  });

  it('keeps positions in the tree', () => {
    expect(parseFilter('a -eq -1.5')).toEqual({
      kind: 'comparison', field: 'a', operator: 'eq', value: { type: 'number', value: -1.5 },
      position: 0, operatorPosition: 2, valuePosition: 6,
    });
  });

  it('accepts the maximum length and depth', () => {
    expect(compile('a -eq 1' + ' '.repeat(3993))).toEqual({ sql: '"a" = ?', params: [1] });
    expect(compile('('.repeat(32) + 'a -eq 1' + ')'.repeat(32))).toEqual({ sql: '"a" = ?', params: [1] });
  });
});

describe('syntax errors', () => {
  it.each<[string, number, string]>([
    ['name -eq "abc', 9, 'unterminated string'],
    [String.raw`name -eq 'it\'s`, 9, 'unterminated string'],
    ['name -eq', 8, 'expected a value after -eq but found the end of the filter'],
    ['name -EQ -and a -eq 1', 9, "expected a value after -EQ but found '-and'"],
    ['name -eq active', 9, 'put text values in quotes'],
    ['name -foo "x"', 5, "unknown operator '-foo'"],
    ['a -eq1', 2, "unknown operator '-eq1'"],
    ['a - 1', 2, "expected an operator name after '-'"],
    ['name -eq "x" a', 13, "unexpected 'a': expected -and, -or or the end of the filter"],
    ['name -eq "x" "y"', 13, `unexpected '"y"'`],
    ['(name -eq "x"', 13, "expected ')' to close the '(' at position 0 but found the end of the filter"],
    ['((a -eq 1) -or b -eq 2', 22, "expected ')' to close the '(' at position 0"],
    ['name -eq "x")', 12, "unexpected ')' without a matching '('"],
    ['()', 1, 'empty parentheses'],
    ['a -eq 1 -and ()', 14, 'empty parentheses'],
    ['', 0, 'expected a field name but found the end of the filter'],
    ['-eq 1', 0, "expected a field name but found '-eq'"],
    ['a -eq 1 -and', 12, 'expected a field name but found the end of the filter'],
    ['name "x"', 5, 'expected a comparison operator'],
    ['a -eq 1.2.3', 6, "invalid number '1.2.3'"],
    ['a -eq 12abc', 6, "invalid number '12abc'"],
    ['a = 1', 2, "unexpected character '='"],
    ['('.repeat(33) + 'a -eq 1' + ')'.repeat(33), 32, 'nested too deeply'],
    ['-not '.repeat(33) + 'a -eq 1', 160, 'nested too deeply'],
    ['a -eq 1' + ' '.repeat(3994), 4000, 'too long (4001 characters; at most 4000)'],
  ])('%j', (text, position, fragment) => {
    const error = captureError(() => parseFilter(text));
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect(error).toMatchObject({ position });
    expect((error as Error).message).toContain(fragment);
  });
});

describe('compile errors', () => {
  it.each<[string, number, string]>([
    ['foo -eq 1', 0, "unknown field 'foo'; allowed fields: name, quantity, active, purchaseDate, id, status, owner.email, a, b, c"],
    ['a -eq 1 -and nope -eq 2', 13, "unknown field 'nope'"],
    ['constructor -eq 1', 0, "unknown field 'constructor'"],
    ['active -gt true', 7, "operator -gt cannot be used on boolean field 'active'; use one of -eq, -ne"],
    ['quantity -contains 1', 9, 'operator -contains cannot be used on number field'],
    [`id -lt "${UUID}"`, 3, 'operator -lt cannot be used on uuid field'],
    ['purchaseDate -startswith "2024"', 13, 'operator -startswith cannot be used on datetime field'],
    ['purchaseDate -eq 20240301', 17, "field 'purchaseDate' expects an ISO-8601 date-time in quotes"],
    ['purchaseDate -eq "yesterday"', 17, 'expects an ISO-8601 date-time'],
    ['purchaseDate -eq "March 1, 2024"', 17, 'expects an ISO-8601 date-time'],
    ['purchaseDate -eq "2024-02-30"', 17, 'expects an ISO-8601 date-time'],
    ['purchaseDate -eq "2024-03-01T25:00Z"', 17, 'expects an ISO-8601 date-time'],
    ['quantity -eq "3"', 13, `field 'quantity' expects a number, not "3"`],
    ['name -eq 3', 9, "field 'name' expects a quoted string, not 3"],
    ['active -eq "true"', 11, 'expects true or false'],
    ['id -eq "not-a-uuid"', 7, 'expects a UUID'],
    ['id -eq 1', 7, 'expects a UUID'],
    ['status -eq "pending"', 11, `field 'status' expects one of "active", "expired", not "pending"`],
    ['status -eq "constructor"', 11, 'expects one of'],
    ['quantity -gt null', 13, 'null can only be compared with -eq or -ne'],
    ['name -contains null', 15, 'null can only be compared with -eq or -ne'],
  ])('%s', (text, position, fragment) => {
    const error = captureError(() => compile(text));
    expect(error).toBeInstanceOf(FilterCompileError);
    expect(error).toMatchObject({ position });
    expect((error as Error).message).toContain(fragment);
  });
});

describe('filterToSql', () => {
  it.each([null, undefined, '', '   \n'])('returns null for %j', (text) => {
    expect(filterToSql(text, fields, quote)).toBeNull();
  });

  it('compiles a filter', () => {
    expect(filterToSql('name -eq "x"', fields, quote)).toEqual({ sql: '"name" = ?', params: ['x'] });
  });

  it('turns a syntax error into BAD_USER_INPUT with the position', () => {
    const error = captureError(() => filterToSql('name -eq', fields, quote));
    expect(error).toBeInstanceOf(BadUserInputError);
    const { message, extensions } = error as BadUserInputError;
    expect(message).toBe('Invalid filter at position 8: expected a value after -eq but found the end of the filter');
    expect(extensions).toEqual({ code: 'BAD_USER_INPUT', position: 8, argumentPath: ['filter'] });
  });

  it('turns a compile error into BAD_USER_INPUT under the given argument path', () => {
    const error = captureError(() => filterToSql('a -eq 1 -or nope -eq 2', fields, quote, ['where', 'filter']));
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).message).toMatch(/^Invalid filter at position 12: unknown field 'nope'; allowed fields: name, /);
    expect((error as BadUserInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', position: 12, argumentPath: ['where', 'filter'] });
  });

  it('lets errors that are not about the filter through unchanged', () => {
    const failure = new Error('quote failed');
    const badQuote = (): string => {
      throw failure;
    };
    expect(captureError(() => filterToSql('a -eq 1', fields, badQuote))).toBe(failure);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error to be thrown');
}
