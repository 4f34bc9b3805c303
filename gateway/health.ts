import type { SubgraphName } from '../lib/config';

export interface ReadinessReport {
  ready: boolean;
  subgraphs: Record<string, { ok: boolean; error?: string }>;
}

const PROBE_TIMEOUT_MS = 2000;

async function probe(url: string): Promise<{ ok: boolean; error?: string }> {
  try {
    // every subgraph serves GET /health beside /graphql (no credentials needed)
    const res = await fetch(url.replace(/\/graphql\/?$/, '/health'), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return res.ok ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Ready when every subgraph answers its health check. */
export async function readiness(urls: Record<SubgraphName, string>): Promise<ReadinessReport> {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await probe(url)] as const));
  return { ready: entries.every(([, r]) => r.ok), subgraphs: Object.fromEntries(entries) };
}
