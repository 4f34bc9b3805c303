import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTemporaryPostgresDatabase } from '../../lib/testing/postgres';

export type TestDatabaseKind = 'sqlite' | 'postgresql';

/** The kinds a suite runs on: SQLite always, PostgreSQL when DATABASE_URL is set (CI sets it). */
export const DATABASE_KINDS: TestDatabaseKind[] = process.env.DATABASE_URL ? ['sqlite', 'postgresql'] : ['sqlite'];

export interface TestDatabase {
  databaseUrl?: string;
  sqliteDir?: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file: a temporary folder of SQLite files, or a new PostgreSQL database. */
export async function freshDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'postgresql') {
    const db = await createTemporaryPostgresDatabase(process.env.DATABASE_URL!);
    return { databaseUrl: db.url, drop: db.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licensing-test-'));
  return { sqliteDir: dir, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
