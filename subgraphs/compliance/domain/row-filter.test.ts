import { filterRows, type RowField } from './row-filter';

interface Row { org: string | null; quantity: number | null; cost: string; currency: string | null }
const fields: Record<string, RowField<Row>> = {
  organizationId: { type: 'uuid', get: (r) => r.org },
  quantity: { type: 'number', get: (r) => r.quantity },
  totalCost: { type: 'decimal', get: (r) => r.cost },
  currency: { type: 'string', get: (r) => r.currency },
};
const A = '49cdd99f-bc16-40f9-ad40-48f12182fb30';
const rows: Row[] = [
  { org: A, quantity: 2, cost: '1000.10', currency: 'USD' },
  { org: null, quantity: null, cost: '0.3', currency: null },
  { org: '11111111-1111-4111-8111-111111111111', quantity: 5, cost: '99999999999.9999', currency: 'EUR' },
];
const run = (text: string | null) => filterRows(rows, text, fields);

test('no filter keeps every row', () => {
  expect(run(null)).toBe(rows);
  expect(run('  ')).toBe(rows);
});
test('compares decimals exactly', () => {
  expect(run('totalCost -eq 1000.1')).toEqual([rows[0]]);
  expect(run('totalCost -gt 0.3')).toEqual([rows[0], rows[2]]);
  expect(run('totalCost -le 0.3')).toEqual([rows[1]]);
  expect(run('totalCost -eq 99999999999.9999')).toEqual([rows[2]]);
});
test('-ne matches nulls and -eq null finds them, as in SQL', () => {
  expect(run('currency -ne "USD"')).toEqual([rows[1], rows[2]]);
  expect(run('quantity -eq null')).toEqual([rows[1]]);
  expect(run('quantity -gt 1')).toEqual([rows[0], rows[2]]);
});
test('uuids are compared case-insensitively; contains is case-insensitive', () => {
  expect(run(`organizationId -eq "${A.toUpperCase()}"`)).toEqual([rows[0]]);
  expect(run('currency -contains "us"')).toEqual([rows[0]]);
});
test('-and, -or and -not combine', () => {
  expect(run('currency -eq "EUR" -or quantity -eq 2')).toEqual([rows[0], rows[2]]);
  expect(run('-not (quantity -gt 1) -and totalCost -lt 1')).toEqual([rows[1]]);
});
test('bad filters fail like the SQL ones, with BAD_USER_INPUT and a position', () => {
  expect(() => run('colour -eq "red"')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', position: 0 }) }));
  expect(() => run('quantity -eq "two"')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  expect(() => run('quantity -eq')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
});
