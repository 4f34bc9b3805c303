import { LockMode } from '@mikro-orm/core';
import { Product } from '../subgraphs/licenses/entities/Product';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, type TestDatabaseKind } from '../test/testkit/databases';
import { createContext } from './context';
import { BadUserInputError, NotFoundError } from './errors';
import { findByIdOrFail, findReferencedOrFail, rowIdOrNotFound } from './find';
import { openDatabase, type Em, type Orm } from './orm';
import { loadSubgraph } from './registry';

const ACCOUNT = '00000000-0000-4000-8000-00000000000a';
const OTHER_ACCOUNT = '00000000-0000-4000-8000-00000000000b';
const MISSING = '49cdd99f-bc16-40f9-ad40-48f12182fb30';

/** What `fn` rejects with; fails the test when it resolves. */
async function rejectionOf(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

function notFound(entity: string, id: string) {
  return { message: `${entity} ${JSON.stringify(id)} was not found`, extensions: { code: 'NOT_FOUND', entity, id } };
}

test('rowIdOrNotFound lower-cases a UUID and answers NOT_FOUND for anything else', () => {
  expect(rowIdOrNotFound(MISSING.toUpperCase(), 'Product')).toBe(MISSING);
  for (const id of ['', 'abc', `${MISSING}0`, ` ${MISSING}`]) {
    expect(() => rowIdOrNotFound(id, 'Product')).toThrow(NotFoundError);
    expect(() => rowIdOrNotFound(id, 'Product')).toThrow(`Product ${JSON.stringify(id)} was not found`);
  }
});

describe.each(DATABASE_KINDS)('finding a row by ID on %s', (kind: TestDatabaseKind) => {
  let db: TestDatabase;
  let orm: Orm;
  let mine: Product;
  let theirs: Product;

  /** A request's entity manager: the tenant filter on, for `accountId`. */
  const emOf = (accountId = ACCOUNT): Em =>
    createContext(orm.em, { kind: 'token', accountId, subject: 'test', scopes: new Set() }, () => ({})).em;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    const def = loadSubgraph('licenses');
    orm = await openDatabase({
      subgraph: 'licenses', entities: def.entities, migrations: def.migrations,
      databaseUrl: db.databaseUrl, sqlitePath: db.sqliteDir && `${db.sqliteDir}/licenses.sqlite`,
    });
    mine = Object.assign(new Product(), { accountId: ACCOUNT, name: 'Mine' });
    theirs = Object.assign(new Product(), { accountId: OTHER_ACCOUNT, name: 'Theirs' });
    await orm.em.fork().persistAndFlush([mine, theirs]);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  test('finds a row of the account by its ID in any letter case', async () => {
    expect(await findByIdOrFail(emOf(), Product, mine.id, 'Product')).toMatchObject({ id: mine.id, name: 'Mine' });
    expect(await findByIdOrFail(emOf(), Product, mine.id.toUpperCase(), 'Product')).toMatchObject({ id: mine.id, name: 'Mine' });
  });

  test('answers NOT_FOUND, naming the ID as given, for a missing ID and for a row of another account', async () => {
    expect(await rejectionOf(() => findByIdOrFail(emOf(), Product, MISSING, 'Product'))).toMatchObject(notFound('Product', MISSING));
    expect(await rejectionOf(() => findByIdOrFail(emOf(), Product, theirs.id, 'Product'))).toMatchObject(notFound('Product', theirs.id));
    expect(await findByIdOrFail(emOf(OTHER_ACCOUNT), Product, theirs.id, 'Product')).toMatchObject({ name: 'Theirs' });
  });

  test('answers NOT_FOUND for a malformed ID without a query: the transaction goes on, also on PostgreSQL', async () => {
    const named = await emOf().transactional(async (em) => {
      for (const id of ['not-a-uuid', '', `${mine.id}0`]) {
        const error = await rejectionOf(() => findByIdOrFail(em, Product, id, 'Product'));
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject(notFound('Product', id));
      }
      // a malformed uuid literal sent to PostgreSQL would have aborted the transaction: this query would fail
      return (await findByIdOrFail(em, Product, mine.id, 'Product')).name;
    });
    expect(named).toBe('Mine');
  });

  test('passes the find options on: refresh re-reads a row that the identity map holds, a lock mode locks it', async () => {
    const em = emOf();
    const loaded = await findByIdOrFail(em, Product, mine.id, 'Product');
    await orm.em.fork().nativeUpdate(Product, { id: mine.id }, { name: 'Renamed' }, { filters: false });
    expect((await findByIdOrFail(em, Product, mine.id, 'Product')).name).toBe('Mine');
    expect(await findByIdOrFail(em, Product, mine.id, 'Product', { refresh: true })).toBe(loaded);
    expect(loaded.name).toBe('Renamed');
    const locked = await em.transactional((tx) => findByIdOrFail(tx, Product, mine.id.toUpperCase(), 'Product', { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }));
    expect(locked).toMatchObject({ id: mine.id, name: 'Renamed' });
  });

  test('a referenced row: found in any letter case, else BAD_USER_INPUT at the path, also for another account and a malformed ID', async () => {
    const path = ['input', 'productId'];
    expect(await findReferencedOrFail(emOf(), Product, mine.id.toUpperCase(), 'Product', path)).toMatchObject({ id: mine.id });
    for (const id of [MISSING, theirs.id, 'not-a-uuid']) {
      const error = await rejectionOf(() => findReferencedOrFail(emOf(), Product, id, 'Product', path));
      expect(error).toBeInstanceOf(BadUserInputError);
      expect(error).toMatchObject({ message: `Product ${JSON.stringify(id)} was not found`, extensions: { code: 'BAD_USER_INPUT', argumentPath: path } });
    }
  });
});
