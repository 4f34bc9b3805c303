/**
 * `npm run start:gateway`: the gateway alone, for deployments on several machines. It serves the
 * checked-in supergraph and finds the subgraphs at SUBGRAPH_<NAME>_URL.
 */
import { DEFAULT_GATEWAY_PORT, envInt } from '../lib/config';
import { startGateway } from '../gateway';

startGateway({ port: envInt('PORT', DEFAULT_GATEWAY_PORT), host: process.env.HOST ?? '0.0.0.0' })
  .then((gateway) => {
    console.log(`Gateway ready: http://localhost:${gateway.port}/graphql`);
    for (const [name, url] of Object.entries(gateway.subgraphUrls)) console.log(`  ${name} -> ${url}`);
    const stop = () => gateway.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
