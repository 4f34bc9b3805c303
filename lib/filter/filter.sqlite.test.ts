import { filterToSql, type FilterFields } from '.';

interface Statement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): Array<{ id: number }>;
}
interface SqliteDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  close(): void;
}
// better-sqlite3 ships no type declarations and @types/better-sqlite3 is not installed; an ambient
// `declare module` would leak into the whole project, so this test types the little it uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (filename: string) => SqliteDatabase;

const quote = (s: string): string => '"' + s.replace(/"/g, '""') + '"';

const fields: FilterFields = {
  name: { column: 'name', type: 'string' },
  quantity: { column: 'quantity', type: 'number' },
  active: { column: 'is_active', type: 'boolean' },
  purchaseDate: { column: 'purchase_date', type: 'datetime' },
  id: { column: 'uid', type: 'uuid' },
  status: { column: 'status', type: 'enum', enumValues: { active: 'ACTIVE', expired: 'EXPIRED' } },
};

const UUIDS = [
  '49cdd99f-bc16-40f9-ad40-48f12182fb30',
  '0f8fad5b-d9cb-469f-a165-70867728950e',
  '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  'a1b2c3d4-0000-4000-8000-000000000004',
  'a1b2c3d4-0000-4000-8000-000000000005',
];

const ROWS: Array<[number, string | null, number | null, number, string | null, string, string]> = [
  [1, 'Office 365', 5, 1, '2024-01-15T00:00:00.000Z', UUIDS[0], 'ACTIVE'],
  [2, '50% Discount Pack', 2, 0, '2024-03-01T10:00:00.000Z', UUIDS[1], 'EXPIRED'],
  [3, 'office_tools', 10, 1, null, UUIDS[2], 'ACTIVE'],
  [4, null, null, 0, '2023-12-31T23:59:59.000Z', UUIDS[3], 'EXPIRED'],
  [5, 'Visio 5000', 0, 1, '2024-06-30T12:00:00.000Z', UUIDS[4], 'ACTIVE'],
];

describe('compiled filters on a real SQLite database', () => {
  let db: SqliteDatabase;

  beforeAll(() => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, quantity REAL, is_active INTEGER NOT NULL,
      purchase_date TEXT, uid TEXT NOT NULL, status TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const row of ROWS) insert.run(...row);
  });

  afterAll(() => db.close());

  function select(filter: string): number[] {
    const compiled = filterToSql(filter, fields, quote);
    if (!compiled) throw new Error('expected a compiled filter');
    // better-sqlite3 binds no booleans; SQLite stores them as 1 / 0.
    const params = compiled.params.map((p) => (typeof p === 'boolean' ? Number(p) : p));
    return db.prepare(`SELECT id FROM t WHERE ${compiled.sql} ORDER BY id`).all(...params).map((row) => row.id);
  }

  it.each<[string, number[]]>([
    ['name -contains "%"', [2]],
    ['name -contains "_"', [3]],
    ['name -contains "OFFICE"', [1, 3]],
    ['name -startswith "50%"', [2]],
    ['name -startswith "5"', [2]],
    ['name -eq "Office 365"', [1]],
    ['name -eq "office 365"', []],
    ['name -ne "Office 365"', [2, 3, 4, 5]],
    ['name -eq null', [4]],
    ['name -ne null', [1, 2, 3, 5]],
    ['quantity -gt 2 -and active -eq true', [1, 3]],
    ['quantity -le 2 -or status -eq "expired"', [2, 4, 5]],
    ['quantity -ge -1 -and quantity -lt 2.5', [2, 5]],
    ['-not (quantity -gt 2)', [2, 4, 5]],
    ['active -ne true', [2, 4]],
    ['purchaseDate -ge "2024-01-01" -and purchaseDate -le "2024-03-01T11:00:00+01:00"', [1, 2]],
    ['purchaseDate -lt "2024-01-01"', [4]],
    [`id -eq "${UUIDS[1].toUpperCase()}"`, [2]],
    ['id -startswith "A1B2"', [4, 5]],
    ['status -startswith "expired"', [2, 4]],
    ['(name -contains "office" -or name -contains "visio") -and quantity -ge 5', [1, 3]],
    ['name -contains "office" -or name -contains "visio" -and quantity -ge 5', [1, 3]],
  ])('%s', (filter, ids) => {
    expect(select(filter)).toEqual(ids);
  });
});
