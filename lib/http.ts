import type http from 'node:http';

/**
 * Keeps idle connections open longer than the clients' keep-alive pools do (the gateway's
 * subgraph fetcher, load balancers), so that a server never closes a socket at the moment a
 * client reuses it — which the client sees as "socket hang up".
 */
export function keepConnectionsLongerThanClients(server: http.Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
