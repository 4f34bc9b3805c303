/** Helpers of `npm run bench:subscriptions`: HTTP GraphQL calls, waiting, and the printed table of one run. */
import type { Receipt, SubscriberSpec } from './subscription-clients';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- benchmark data is read loosely

/** POSTs one operation to the gateway; throws on any error. */
export async function gql(url: string, authorization: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Data; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors ?? body));
  return body.data;
}

/** Polls `probe` every 20 ms; fails after `timeoutMs`. */
export async function until(probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!probe()) {
    if (performance.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** An event as the bench's own bus listener saw it. */
export interface OnBus {
  /** `performance.now()` when it reached the bus's live listeners. */
  at: number;
  /** `<licenseId>#<uses after the change>`: the increment it comes from (key of `Measured.answered`). */
  change: string;
}

export interface Measured {
  /** From the first subscribe to the gateway reporting every subscription open. */
  subscribedMs: number;
  /** From the first mutation sent to the last response. */
  mutationsMs: number;
  /** `performance.now()` when the first mutation went out. */
  started: number;
  expected: number;
  receipts: Receipt[];
  /** `performance.now()` of each mutation response, by `<licenseId>#<uses>`. */
  answered: Map<string, number>;
  /** Every event published during the run, by event id. */
  onBus: Map<string, OnBus>;
  groups: number;
  resolutions: number;
  errors: string[];
  duplicates: number;
  specs: SubscriberSpec[];
}

/** p50 / p99 / max of `values` (ms), formatted as table cells. */
function percentiles(values: number[]): string {
  if (values.length === 0) return '       -        -        -';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1).padStart(8);
  return `${at(50)} ${at(99)} ${at(100)}`;
}

/** `performance.now()` of an ISO time (millisecond precision). */
const perfTime = (iso: string): number => Date.parse(iso) - performance.timeOrigin;

export function printReport(title: string, m: Measured): void {
  const last = m.receipts.reduce((max, r) => Math.max(max, r.at), m.started);
  const seconds = (last - m.started) / 1000;
  const lost = m.expected - (m.receipts.length - m.duplicates);
  const byEvent = new Map(m.receipts.map((r) => [r.eventId, r.occurredAt]));
  const row = (name: string, values: number[]) => console.log(`  ${name.padEnd(40)}${percentiles(values)}`);
  console.log(`\n${title}`);
  console.log(`  ${'groups (gateway.subscriptionStats())'.padEnd(40)}${m.groups}   (${new Set(m.specs.map((s) => JSON.stringify(s))).size} distinct variables)`);
  console.log(`  ${'resolutions during the run'.padEnd(40)}${m.resolutions}`);
  console.log(`  ${'all subscriptions open after'.padEnd(40)}${m.subscribedMs.toFixed(0)} ms`);
  console.log(`  ${'mutations answered within'.padEnd(40)}${m.mutationsMs.toFixed(0)} ms (${m.answered.size} increments, ${m.onBus.size} events on the bus)`);
  console.log(`  ${'payloads received / expected'.padEnd(40)}${m.receipts.length} / ${m.expected}`);
  console.log(`  ${'delivered payloads per second'.padEnd(40)}${(m.receipts.length / Math.max(seconds, 1e-3)).toFixed(0)} (first mutation to last payload: ${seconds.toFixed(2)} s)`);
  console.log(`  ${'latency (ms)'.padEnd(40)}     p50      p99      max`);
  const answeredAt = (r: Receipt) => m.answered.get(m.onBus.get(r.eventId)?.change ?? '') ?? NaN;
  row('after the mutation response', m.receipts.map((r) => r.at - answeredAt(r)).filter((v) => !Number.isNaN(v)));
  row('after occurredAt (in the transaction)', m.receipts.map((r) => r.at - perfTime(r.occurredAt)));
  row('  per event: occurredAt → on the bus', [...m.onBus].filter(([id]) => byEvent.has(id)).map(([id, seen]) => seen.at - perfTime(byEvent.get(id) as string)));
  row('  per payload: on the bus → received', m.receipts.map((r) => r.at - (m.onBus.get(r.eventId)?.at ?? NaN)).filter((v) => !Number.isNaN(v)));
  if (lost > 0) console.log(`  !!! LOST ${lost} PAYLOADS (${((100 * lost) / m.expected).toFixed(2)}% of ${m.expected}) !!!`);
  if (lost < 0) console.log(`  !!! ${-lost} MORE PAYLOADS THAN EXPECTED !!!`);
  if (m.duplicates > 0) console.log(`  !!! ${m.duplicates} DUPLICATE PAYLOADS (same event twice to one subscription) !!!`);
  if (m.errors.length > 0) console.log(`  !!! ${m.errors.length} ERRORS, first: ${m.errors[0]} !!!`);
}
