/**
 * `npm run start:gateway`: the gateway alone, for deployments on several machines. It serves the
 * checked-in supergraph, finds the subgraphs at SUBGRAPH_<NAME>_URL and their events on the Redis bus (REDIS_URL).
 */
import { DEFAULT_GATEWAY_PORT, envInt } from '../lib/config';
import { closeBusFromEnv } from '../lib/events';
import { startGateway } from '../gateway';

startGateway({ port: envInt('PORT', DEFAULT_GATEWAY_PORT), host: process.env.HOST ?? '0.0.0.0' })
  .then((gateway) => {
    console.log(`Gateway ready: http://localhost:${gateway.port}/graphql`);
    for (const [name, url] of Object.entries(gateway.subgraphUrls)) console.log(`  ${name} -> ${url}`);
    if (!process.env.REDIS_URL) console.warn('REDIS_URL is not set: subscriptions receive only the events of subgraphs in this process (none)');
    const stop = () => gateway.stop().then(closeBusFromEnv).then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
