import {
  defaultFieldResolver, isObjectType, Kind, type ConstDirectiveNode, type GraphQLFieldResolver, type GraphQLSchema,
} from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Caller } from '../tenancy';

/**
 * What a field asks of its caller, from the SDL (`@authenticated`, `@requiresScopes`, Federation
 * 2.5): any one of the scope groups, each group in full. An empty list is "authenticated".
 */
export type ScopeRule = string[][];

function scopesOf(directive: ConstDirectiveNode): ScopeRule {
  const arg = directive.arguments?.find((a) => a.name.value === 'scopes')?.value;
  if (!arg || arg.kind !== Kind.LIST) return [];
  return arg.values.map((group) => (group.kind === Kind.LIST ? group.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []));
}

/** The rule of a list of directive nodes, or null when none applies. */
export function ruleOf(directives: ReadonlyArray<ConstDirectiveNode> | undefined): ScopeRule | null {
  let rule: ScopeRule | null = null;
  for (const d of directives ?? []) {
    if (d.name.value === 'authenticated') rule = rule ?? [];
    if (d.name.value === 'requiresScopes') rule = [...(rule ?? []), ...scopesOf(d)];
  }
  return rule;
}

/** The scope only a license key confers (licenses subgraph): a bearer token never carries it. */
export const LICENSE_CLIENT_SCOPE = 'license:client';

function satisfies(caller: Caller, rule: ScopeRule): boolean {
  return rule.length === 0 || rule.some((group) => group.every((scope) => caller.scopes.has(scope)));
}

/** FORBIDDEN unless the caller satisfies the rule of the field at `coordinate` (e.g. `Query.license`). */
export function requireScopes(caller: Caller, rule: ScopeRule, coordinate: string): void {
  if (satisfies(caller, rule)) return;
  const wanted = rule.map((group) => group.join(' + ')).join(' or ');
  throw new ForbiddenError(`${coordinate} requires the scope ${wanted}`);
}

type Resolver = GraphQLFieldResolver<unknown, { caller?: Caller }>;

function guarded(resolve: Resolver, rule: ScopeRule, coordinate: string): Resolver {
  return (source, args, ctx, info) => {
    if (!ctx.caller) throw new UnauthenticatedError();
    requireScopes(ctx.caller, rule, coordinate);
    return resolve(source, args, ctx, info);
  };
}

/**
 * Wraps every field that declares a rule (on the field, or on its type when the type is this
 * subgraph's own) so the check runs before the resolver: a refused mutation changes nothing.
 * One mechanism for every subgraph.
 */
export function enforceScopes(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((n) => n?.directives ?? []);
    const typeRule = ruleOf(typeDirectives);
    for (const field of Object.values(type.getFields())) {
      const fieldRule = ruleOf(field.astNode?.directives);
      const rule = fieldRule ?? typeRule;
      if (!rule) continue;
      field.resolve = guarded((field.resolve ?? defaultFieldResolver) as Resolver, rule, `${type.name}.${field.name}`);
    }
  }
}
