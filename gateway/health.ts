import type { SubgraphName } from '../lib/config';

export interface ReadinessReport {
  ready: boolean;
  subgraphs: Record<string, { ok: boolean; error?: string }>;
}

const PROBE_TIMEOUT_MS = 2000;

async function probe(url: string): Promise<{ ok: boolean; error?: string }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return res.ok ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Ready when every subgraph answers a trivial query. */
export async function readiness(urls: Record<SubgraphName, string>): Promise<ReadinessReport> {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await probe(url)] as const));
  return { ready: entries.every(([, r]) => r.ok), subgraphs: Object.fromEntries(entries) };
}
