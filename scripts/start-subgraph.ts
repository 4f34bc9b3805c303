/**
 * `npm run start:subgraph -- <name>`: one subgraph alone on PORT (default: its port of `npm start`),
 * migrating its own tables of DATABASE_URL (or its SQLite file) on start.
 */
import { SUBGRAPH_NAMES, defaultSubgraphPort, envInt, isSubgraphName } from '../lib/config';
import { loadSubgraph } from '../lib/registry';
import { startSubgraph } from '../lib/subgraph';
import { closeBusFromEnv } from '../lib/events';

const name = process.argv[2] ?? '';
if (!isSubgraphName(name)) {
  console.error(`usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}>`);
  process.exit(2);
}

startSubgraph(loadSubgraph(name), { port: envInt('PORT', defaultSubgraphPort(name)), host: process.env.HOST ?? '0.0.0.0', databaseUrl: process.env.DATABASE_URL })
  .then((subgraph) => {
    console.log(`Subgraph ${name} ready: ${subgraph.url.replace('127.0.0.1', 'localhost')}`);
    // the subgraph does not close the process's bus (it may be shared): close it after the subgraph stopped
    const stop = () => subgraph.stop().then(closeBusFromEnv).then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
