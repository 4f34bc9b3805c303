import {
  Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, envInt } from '../lib/config';
import { LimitExceededError } from '../lib/errors';

/** The limits of one operation (README, "Limits"); each can be set by environment variable. */
export interface OperationLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  return {
    maxDepth: envInt('MAX_DEPTH', 12, env),
    maxCost: envInt('MAX_COST', 50_000, env),
    maxAliases: envInt('MAX_ALIASES', 30, env),
  };
}

interface Measure { depth: number; cost: number; aliases: number }

/** `first` of a field, as a literal or a variable; list fields without one count as a default page. */
function pageSize(args: ReadonlyArray<{ name: { value: string }; value: ValueNode }> | undefined, variables: Record<string, unknown>): number | null {
  const first = args?.find((a) => a.name.value === 'first')?.value;
  if (!first) return null;
  if (first.kind === Kind.INT) return Number(first.value);
  if (first.kind === Kind.VARIABLE) {
    const value = variables[first.name.value];
    return typeof value === 'number' ? value : DEFAULT_PAGE_SIZE;
  }
  return DEFAULT_PAGE_SIZE;
}

function measure(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>, seen: Set<string>): Measure {
  let depth = 0;
  let cost = 0;
  let aliases = 0;
  for (const sel of set.selections) {
    let inner: Measure = { depth: 0, cost: 0, aliases: 0 };
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      const child = sel.selectionSet ? measure(sel.selectionSet, fragments, variables, seen) : inner;
      const multiplier = pageSize(sel.arguments, variables) ?? 1;
      inner = { depth: child.depth + 1, cost: 1 + multiplier * child.cost, aliases: child.aliases + (sel.alias ? 1 : 0) };
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(sel.selectionSet, fragments, variables, seen);
    } else {
      const fragment = fragments.get(sel.name.value);
      if (!fragment || seen.has(sel.name.value)) continue; // cycles are a validation error of their own
      inner = measure(fragment.selectionSet, fragments, variables, new Set([...seen, sel.name.value]));
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
    aliases += inner.aliases;
  }
  return { depth, cost, aliases };
}

/**
 * Refuses an operation deeper, costlier or with more aliases than the limits, naming the limit.
 * Cost: every field counts 1, and a field's selection counts once per item of the page it asks for.
 */
export function checkOperationLimits(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: OperationLimits): void {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const m = measure(operation.selectionSet, fragments, variables, new Set());
  if (m.depth > limits.maxDepth) throw new LimitExceededError('maxDepth', `The operation is ${m.depth} levels deep; the maximum depth is ${limits.maxDepth}`);
  if (m.aliases > limits.maxAliases) throw new LimitExceededError('maxAliases', `The operation has ${m.aliases} aliases; the maximum is ${limits.maxAliases}`);
  if (m.cost > limits.maxCost) throw new LimitExceededError('maxCost', `The operation costs ${m.cost}; the maximum cost is ${limits.maxCost}`);
}
