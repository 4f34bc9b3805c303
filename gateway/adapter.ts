import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { ApolloGateway } from '@apollo/gateway';

/**
 * `@apollo/gateway` 2.x implements version 1 of the gateway interface while `@apollo/server` 5
 * types version 2. They agree at run time (load/onSchemaLoadOrUpdate/stop), so the one cast of
 * the project lives here instead of at every use.
 */
export function asServerGateway(gateway: ApolloGateway): GatewayInterface {
  return gateway as unknown as GatewayInterface;
}
