/**
 * `npm run bench`: throughput and latency through the real gateway, on SQLite in a temporary
 * folder or on a temporary PostgreSQL database when DATABASE_URL is set. Prints numbers only.
 *   BENCH_REQUESTS (default 2000) requests per scenario, BENCH_CONCURRENCY (default 20) at once.
 */
import { ALL_SCOPES, authConfigFromEnv, signToken } from '../lib/auth';
import { envInt } from '../lib/config';
import { DEMO } from '../scripts/seed/ids';
import { seedDemoData } from '../scripts/seed';
import { startStack } from '../scripts/stack';
import { freshDatabase } from '../test/testkit/databases';

const REQUESTS = envInt('BENCH_REQUESTS', 2000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 20);

let authorization = '';

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors && !JSON.stringify(body.errors).includes('CONFLICT')) throw new Error(JSON.stringify(body.errors));
}

async function scenario(name: string, url: string, query: string, variables: (i: number) => Record<string, unknown>): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS) {
      const i = next++;
      const t0 = performance.now();
      await post(url, query, variables(i));
      latencies.push(performance.now() - t0);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(`${name.padEnd(36)} ${(REQUESTS / seconds).toFixed(0).padStart(6)} req/s   p50 ${pct(50)} ms   p99 ${pct(99)} ms   max ${pct(100)} ms`);
}

async function main(): Promise<void> {
  const db = await freshDatabase(process.env.DATABASE_URL ? 'postgresql' : 'sqlite');
  const stack = await startStack({ databaseUrl: db.databaseUrl, sqliteDir: db.sqliteDir, port: 0 });
  try {
    await seedDemoData(stack.subgraphs);
    authorization = `Bearer ${await signToken({ accountId: DEMO.accountId, subject: 'bench', scopes: [...ALL_SCOPES] }, authConfigFromEnv().jwtSecret ?? '')}`;
    const url = stack.gateway.url;
    console.log(`${db.databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent`);
    await scenario('license across 5 subgraphs', url,
      'query($id: ID!) { license(id: $id) { key status seatsTotal computerAssignments { totalCount } costsSummary { totalCost } deviceLicenseLines { totalCount } } }',
      (i) => ({ id: DEMO.licenses[i % DEMO.licenses.length] }));
    await scenario('licenses(filter) page of 20', url,
      'query { licenses(first: 20, filter: "status -eq \\"active\\" -and quantity -gt 2") { totalCount edges { node { key status maxUses } } } }', () => ({}));
    await scenario('complianceSummary of an application', url,
      'query($a: ID!) { complianceSummary(applicationId: $a) { edges { node { metricId licensesPurchased totalCoverage compliance } } } }',
      (i) => ({ a: DEMO.applications[i % DEMO.applications.length] }));
    await scenario('incrementLicenseUsage', url,
      'mutation($id: ID!) { incrementLicenseUsage(id: $id) { uses } }', (i) => ({ id: DEMO.licenses[i % 8] }));
  } finally {
    await stack.stop();
    await db.drop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
