import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { BadUserInputError, UnauthenticatedError } from '../lib/errors';
import type { BusEvent } from '../lib/events/bus';
import type { Caller } from '../lib/tenancy';
import { checkOperationLimits, type OperationLimits } from './limits';

export interface GatewayContext {
  /** The caller's Authorization header, propagated to every subgraph. */
  authorization?: string;
  /** Set when the header is a bearer token the gateway verified. */
  caller?: Caller;
  /** The event a subscription payload is being resolved for. */
  event?: BusEvent;
}

function introspectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
}

/**
 * Before planning: an operation needs credentials unless it only introspects (so Sandbox can load
 * the schema where introspection is allowed), and it must stay within the limits.
 */
export function securityPlugin(limits: OperationLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request }) {
          if (!operation) return; // Apollo Server refuses unknown operations itself
          if (operation.operation === 'subscription') {
            throw new BadUserInputError('Subscriptions are served over WebSocket (graphql-transport-ws) at this same URL');
          }
          if (!contextValue.authorization && !introspectionOnly(operation)) throw new UnauthenticatedError();
          checkOperationLimits(document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };
}
