/**
 * Demo data: `npm run seed` fills empty databases; `npm start` does the same on start.
 * Each subgraph's rows are written into its own database by scripts/seed/<name>.ts.
 */
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/config';
import type { Orm } from '../lib/orm';
import { loadSubgraph } from '../lib/registry';
import { openSubgraphDatabase } from '../lib/subgraph';

type Seeder = { seed(em: ReturnType<Orm['em']['fork']>): Promise<void> };

/** Whether the licenses database has no license yet (the demo data is all-or-nothing). */
async function isEmpty(orm: Orm): Promise<boolean> {
  const em = orm.em.fork();
  const [row] = await em.getConnection().execute<Array<{ n: number | string }>>('select count(*) as n from licenses_license');
  return Number(row.n) === 0;
}

/** Seeds every subgraph when the licenses database is empty; returns whether it did. */
export async function seedDemoData(subgraphs: Record<SubgraphName, { orm: Orm }>): Promise<boolean> {
  if (!(await isEmpty(subgraphs.licenses.orm))) return false;
  for (const name of SUBGRAPH_NAMES) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- seeds are found by subgraph name
    const seeder = require(`./seed/${name}`) as Seeder;
    await subgraphs[name].orm.em.fork().transactional((em) => seeder.seed(em));
  }
  return true;
}

async function main(): Promise<void> {
  const opened: Partial<Record<SubgraphName, { orm: Orm }>> = {};
  try {
    for (const name of SUBGRAPH_NAMES) {
      opened[name] = { orm: await openSubgraphDatabase(loadSubgraph(name), { databaseUrl: process.env.DATABASE_URL }) };
    }
    const seeded = await seedDemoData(opened as Record<SubgraphName, { orm: Orm }>);
    console.log(seeded ? 'Demo data loaded.' : 'The database is not empty: nothing loaded.');
  } finally {
    await Promise.all(Object.values(opened).map((o) => o?.orm.close(true)));
  }
}

if (require.main === module) {
  main().catch((err) => { console.error(err); process.exit(1); });
}
