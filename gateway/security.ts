import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { UnauthenticatedError } from '../lib/errors';
import type { Caller } from '../lib/tenancy';
import { checkOperationLimits, type OperationLimits } from './limits';

export interface GatewayContext {
  /** The caller's Authorization header, propagated to every subgraph. */
  authorization?: string;
  /** Set when the header is a bearer token the gateway verified. */
  caller?: Caller;
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
          if (!contextValue.authorization && !introspectionOnly(operation)) throw new UnauthenticatedError();
          checkOperationLimits(document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };
}
