import path from 'node:path';

/** The five subgraphs, in composition order. Everything that loops over subgraphs uses this list. */
export const SUBGRAPH_NAMES = ['licenses', 'entitlements', 'assignments', 'compliance', 'devices'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

/** Default ports of `npm start`: gateway on PORT (4000), subgraphs on the next five. */
export const DEFAULT_GATEWAY_PORT = 4000;
export function defaultSubgraphPort(name: SubgraphName): number {
  return DEFAULT_GATEWAY_PORT + 1 + SUBGRAPH_NAMES.indexOf(name);
}

/** Where a gateway finds a subgraph: `SUBGRAPH_<NAME>_URL`, else the local default. */
export function subgraphUrlFromEnv(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`SUBGRAPH_${name.toUpperCase()}_URL`] ?? `http://localhost:${defaultSubgraphPort(name)}/graphql`;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const DATA_DIR = process.env.DATA_DIR ?? path.join(PROJECT_ROOT, 'data');

export function envInt(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return value;
}

/** Page sizes of Relay connections (the seeds' page_size defaults to 100). */
export const DEFAULT_PAGE_SIZE = envInt('DEFAULT_PAGE_SIZE', 100);
export const MAX_PAGE_SIZE = envInt('MAX_PAGE_SIZE', 500);
