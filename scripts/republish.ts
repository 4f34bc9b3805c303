/**
 * `npm run republish -- [--account <id>] [subgraph ...]` records a snapshot event (lib/snapshots.ts) for every row
 * that the named subgraphs re-publish (default: every subgraph that declares snapshots: licenses and assignments),
 * in the same database the subgraphs use (DATABASE_URL, or the SQLite files under data/). Their relays publish the
 * events, so the compliance projection catches up with rows whose events it never saw. Safe to run at any time and
 * more than once: a snapshot carries the row as it is now, and the projection keeps the newest state per row.
 */
import { SUBGRAPH_NAMES, isSubgraphName, type SubgraphName } from '../lib/config';
import { isUuid } from '../lib/ids';
import { openSubgraphDatabase } from '../lib/subgraph';
import { loadSubgraph } from '../lib/registry';
import { recordSnapshots } from '../lib/snapshots';

function parseArgs(argv: string[]): { accountId?: string; names: SubgraphName[] } {
  const names: SubgraphName[] = [];
  let accountId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--account') {
      accountId = argv[++i];
      if (!accountId || !isUuid(accountId)) throw new Error(`--account takes an account ID (a UUID), not ${JSON.stringify(accountId ?? '')}`);
    }
    else if (isSubgraphName(argv[i])) names.push(argv[i] as SubgraphName);
    else throw new Error(`unknown argument ${JSON.stringify(argv[i])}: expected --account <id> or one of ${SUBGRAPH_NAMES.join(', ')}`);
  }
  return { accountId, names: names.length > 0 ? names : SUBGRAPH_NAMES.filter((name) => loadSubgraph(name).snapshots?.length) };
}

async function main(): Promise<void> {
  const { accountId, names } = parseArgs(process.argv.slice(2));
  for (const name of names) {
    const def = loadSubgraph(name);
    if (!def.snapshots?.length) throw new Error(`the ${name} subgraph re-publishes nothing: it declares no snapshots`);
    const orm = await openSubgraphDatabase(def, { databaseUrl: process.env.DATABASE_URL });
    try {
      const counts = await recordSnapshots(orm, def.snapshots, {
        accountId,
        // a running count on a terminal; logs get the summary line only
        onProgress: process.stdout.isTTY ? ({ entityType, recorded }) => process.stdout.write(`\r${name}: ${entityType} ${recorded} `) : undefined,
      });
      if (process.stdout.isTTY) process.stdout.write('\n');
      console.log(`${name}: ${Object.entries(counts).map(([type, n]) => `${n} ${type}`).join(', ')} snapshot events recorded`);
    } finally {
      await orm.close(true);
    }
  }
}

main().catch((err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); });
