import type { SubgraphName } from './config';
import type { SubgraphDefinition } from './subgraph';

/**
 * The subgraph definitions by name, loaded lazily so that a process running one subgraph loads
 * only its code. The path convention is `subgraphs/<name>/index.ts` exporting `<name>Subgraph`.
 */
export function loadSubgraph(name: SubgraphName): SubgraphDefinition<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load by name
  const mod = require(`../subgraphs/${name}`) as Record<string, SubgraphDefinition<unknown>>;
  const def = mod[`${name}Subgraph`];
  if (!def) throw new Error(`subgraphs/${name}/index.ts must export ${name}Subgraph`);
  return def;
}
