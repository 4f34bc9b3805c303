/**
 * Plans subscriptions with the gateway's own query planner. `@apollo/query-planner` plans a subscription as a
 * `SubscriptionNode`: a `primary` fetch to the subgraph that declares the root field, and the `rest` of the
 * plan (entity fetches to other subgraphs). `@apollo/gateway` refuses to execute such a plan; we execute it
 * once per event as an ordinary plan, `Sequence [primary, rest]`, where the primary fetch carries the event
 * (see datasources.ts and lib/events/delivery.ts).
 */
import { Supergraph, operationFromDocument, type Schema } from '@apollo/federation-internals';
import { buildOperationContext } from '@apollo/gateway';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import {
  Kind, parse, print, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { ruleOf, type ScopeRule } from '../../lib/auth/scopes';

/** A subscription document, planned once and reused for every event and every subscriber. */
export interface PlannedSubscription {
  /** The root field, e.g. `licenseEvents`. */
  rootField: FieldNode;
  /** `Sequence [primary, rest]`: what runs for each event. */
  queryPlan: QueryPlan;
  operationContext: OperationContext;
  /** The scopes the root field requires (any one group, in full). */
  scopes: ScopeRule;
}

type OperationContext = ReturnType<typeof buildOperationContext>;

const PLAN_CACHE_SIZE = 1000;

export class SubscriptionPlanner {
  readonly apiSchema: Schema;
  /** The schema clients see (validation, introspection). */
  readonly schema: GraphQLSchema;
  /** The supergraph, for the executor (representations, rewrites). */
  readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly rules: Map<string, ScopeRule>;
  private readonly cache = new Map<string, PlannedSubscription>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.planner = new QueryPlanner(supergraph);
    this.apiSchema = supergraph.apiSchema();
    this.schema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.rules = subscriptionScopeRules(supergraphSdl);
  }

  /** Whether the supergraph has this subscription root field. */
  hasRootField(name: string): boolean {
    return this.rules.has(name);
  }

  /** Plans a validated subscription operation (cached by document and operation name). */
  plan(document: DocumentNode, operation: OperationDefinitionNode): PlannedSubscription {
    const operationName = operation.name?.value ?? null;
    const cacheKey = `${operationName ?? ''}\n${print(document)}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const rootField = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && !s.name.value.startsWith('__'));
    if (!rootField) throw new Error('A subscription selects one root field');
    const plan = this.planner.buildQueryPlan(operationFromDocument(this.apiSchema, document, { operationName: operationName ?? undefined }));
    if (plan.node?.kind !== 'Subscription') throw new Error(`Expected a subscription plan, got ${plan.node?.kind ?? 'none'}`);
    const nodes: PlanNode[] = plan.node.rest ? [plan.node.primary, plan.node.rest] : [plan.node.primary];
    const planned: PlannedSubscription = {
      rootField,
      queryPlan: { kind: 'QueryPlan', node: nodes.length === 1 ? nodes[0] : { kind: 'Sequence', nodes } },
      operationContext: buildOperationContext({ schema: this.schema, operationDocument: document, operationName: operationName ?? undefined }),
      scopes: this.rules.get(rootField.name.value) ?? [],
    };
    if (this.cache.size >= PLAN_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(cacheKey, planned);
    return planned;
  }
}

/** `@requiresScopes` of every `Subscription` field of the supergraph, read from its SDL. */
function subscriptionScopeRules(supergraphSdl: string): Map<string, ScopeRule> {
  const rules = new Map<string, ScopeRule>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Subscription') continue;
    for (const field of definition.fields ?? []) rules.set(field.name.value, ruleOf(field.directives) ?? []);
  }
  return rules;
}
