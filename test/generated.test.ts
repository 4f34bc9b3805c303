/**
 * Generated files are reproducible by one command and must not go stale:
 * `npm run compose` (supergraph), `npm run codegen` (resolver types), `npm run migrations` (schema).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { PROJECT_ROOT, SUBGRAPH_NAMES } from '../lib/config';
import { ormOptions } from '../lib/orm';
import { loadSubgraph } from '../lib/registry';
import { withTemporaryPostgresDatabase } from '../lib/testing/postgres';
import { composeSupergraph, SUPERGRAPH_FILE } from '../scripts/compose';
import { README, readmeWithScopeTable } from '../scripts/scope-table';
import { DATABASE_KINDS } from './testkit/databases';

test('schema/supergraph.graphql is the composition of the subgraph SDL files (run `npm run compose`)', () => {
  expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
});

test('the README\'s table of scopes matches the SDL directives (run `npm run docs:scopes`)', () => {
  const readme = fs.readFileSync(README, 'utf8');
  expect(readme).toBe(readmeWithScopeTable(readme));
});

test('the generated resolver types match the SDL (run `npm run codegen`)', () => {
  const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  const report = execFileSync(tsx, [path.join(PROJECT_ROOT, 'scripts', 'check-codegen.ts')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  expect(report.trim()).toBe(`checked ${SUBGRAPH_NAMES.length} files`);
});

async function pendingSchemaChanges(name: (typeof SUBGRAPH_NAMES)[number], databaseUrl?: string): Promise<boolean> {
  const def = loadSubgraph(name);
  const dir = databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'migcheck-'));
  const options = ormOptions({ subgraph: name, entities: def.entities, migrations: def.migrations, databaseUrl, sqlitePath: dir && path.join(dir, 'db.sqlite') });
  const orm = await MikroORM.init<AbstractSqlDriver>({ ...options, allowGlobalContext: true });
  try {
    await orm.getMigrator().up();
    return await orm.getMigrator().checkMigrationNeeded();
  } finally {
    await orm.close(true);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(DATABASE_KINDS)('committed migrations on %s', (kind) => {
  test.each([...SUBGRAPH_NAMES])('%s: migrations produce exactly the entities’ schema (run `npm run migrations`)', async (name) => {
    const pending = kind === 'postgresql'
      ? await withTemporaryPostgresDatabase(process.env.DATABASE_URL!, (url) => pendingSchemaChanges(name, url))
      : await pendingSchemaChanges(name);
    expect(pending).toBe(false);
  });
});
