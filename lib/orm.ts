import fs from 'node:fs';
import path from 'node:path';
import { MikroORM, type EntitySchema, type MigrationObject, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/knex';
import { Migrator } from '@mikro-orm/migrations';
import { DATA_DIR } from './config';
import { TENANT_FILTER, tenantFilterDefinition } from './tenancy';

export type DatabaseKind = 'sqlite' | 'postgresql';
export type Orm = MikroORM<AbstractSqlDriver>;
export type Em = SqlEntityManager;

/** Committed migrations of one subgraph, one list per SQL dialect (both generated from the same entities). */
export type MigrationLists = Record<DatabaseKind, MigrationObject[]>;

export interface DatabaseOptions {
  /** Subgraph name: the table prefix, the migrations table and the SQLite file name. */
  subgraph: string;
  // EntitySchema's type parameters differ per entity; the ORM accepts any of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[];
  migrations: MigrationLists;
  /** PostgreSQL connection URL; when absent, SQLite at `sqlitePath`. */
  databaseUrl?: string;
  /** SQLite file; defaults to `data/<subgraph>.sqlite`. `:memory:` is accepted. */
  sqlitePath?: string;
  debug?: boolean;
}

export function databaseKind(databaseUrl: string | undefined): DatabaseKind {
  return databaseUrl ? 'postgresql' : 'sqlite';
}

/** The MikroORM options of a subgraph; also used by the migration generator. */
export function ormOptions(opts: DatabaseOptions): Options<AbstractSqlDriver> {
  const kind = databaseKind(opts.databaseUrl);
  const common: Options<AbstractSqlDriver> = {
    entities: opts.entities,
    extensions: [Migrator],
    // every request forks its own entity manager; the global one must never serve a request
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: opts.debug ?? false,
    filters: { [TENANT_FILTER]: tenantFilterDefinition },
    migrations: {
      tableName: `${opts.subgraph}_migrations`,
      migrationsList: opts.migrations[kind],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  };
  if (kind === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: opts.databaseUrl, pool: { min: 0, max: 10 } };
  }
  const file = opts.sqlitePath ?? path.join(DATA_DIR, `${opts.subgraph}.sqlite`);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: file,
    // WAL lets readers go on while one writer commits; busy_timeout waits for the lock instead of failing
    pool: { afterCreate: sqlitePragmas },
  };
}

/** Whether an entity manager talks to PostgreSQL (else SQLite): for the few things the dialects do differently. */
export function isPostgres(em: Em): boolean {
  return em.getDriver() instanceof PostgreSqlDriver;
}

function sqlitePragmas(connection: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void): void {
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('busy_timeout = 5000');
    connection.pragma('foreign_keys = ON');
    done(null, connection);
  } catch (err) {
    done(err as Error, connection);
  }
}

/** Opens the subgraph's database and applies its pending committed migrations. */
export async function openDatabase(opts: DatabaseOptions): Promise<Orm> {
  const orm = await MikroORM.init<AbstractSqlDriver>(ormOptions(opts));
  try {
    await orm.getMigrator().up();
  } catch (err) {
    await orm.close(true);
    throw err;
  }
  return orm;
}
