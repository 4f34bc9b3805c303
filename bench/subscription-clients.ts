/**
 * The subscriber side of `npm run bench:subscriptions`: real graphql-ws clients over real WebSockets, several
 * subscriptions per socket, recording when each payload arrives and which event it carries.
 */
import type { ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { matchesEventType } from '../lib/events/topics';

/** Variables of one `licenseEvents` subscription; `types: null` means every event type. */
export interface SubscriberSpec {
  licenseId: string;
  types: string[] | null;
}

/** One payload as received. */
export interface Receipt {
  /** `performance.now()` when the client got it. */
  at: number;
  subscriber: number;
  eventId: string;
  type: string;
  occurredAt: string;
}

/**
 * Licenses subgraph (the event, the license) and assignments subgraph (its computer assignments). Not `data`
 * (the whole license, 2.6 kB of a 2.9 kB payload): the bench's own bus listener tells which increment an event
 * id belongs to.
 */
export const LICENSE_EVENTS = `
  subscription BenchLicenseEvents($licenseId: ID, $types: [String!]) {
    licenseEvents(licenseId: $licenseId, types: $types) {
      id type occurredAt licenseId
      license { id uses computerAssignments { totalCount } }
    }
  }`;

interface LicenseEventPayload {
  id: string;
  type: string;
  occurredAt: string;
  licenseId: string;
}

/** Whether a subscriber with `spec` is sent the event `type` about `licenseId`. */
export function wants(spec: SubscriberSpec, licenseId: string, type: string): boolean {
  return spec.licenseId === licenseId && (spec.types === null || matchesEventType(spec.types, type));
}

export interface Subscribers {
  receipts: Receipt[];
  /** Payloads with GraphQL errors, and subscriptions that ended early (error or complete). */
  errors: string[];
  /** Payloads a subscription received twice (same event id). */
  duplicates: number;
  close(): Promise<void>;
}

/** Opens `specs.length` subscriptions spread round-robin over `sockets` connections. */
export function openSubscribers(httpUrl: string, authorization: string, specs: SubscriberSpec[], sockets: number): Subscribers {
  const clients: Client[] = Array.from({ length: Math.max(1, Math.min(sockets, specs.length)) }, () => createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 0,
    lazy: true,
  }));
  const receipts: Receipt[] = [];
  const errors: string[] = [];
  const seen = specs.map(() => new Set<string>());
  let duplicates = 0;
  let closing = false;
  const unsubscribes = specs.map((spec, i) => clients[i % clients.length].subscribe<Record<string, unknown>>(
    { query: LICENSE_EVENTS, variables: spec.types === null ? { licenseId: spec.licenseId } : { ...spec } },
    {
      next: (result: ExecutionResult<Record<string, unknown>>) => {
        const at = performance.now();
        const event = result.data?.licenseEvents as LicenseEventPayload | undefined;
        if (result.errors || !event) {
          errors.push(JSON.stringify(result.errors ?? result));
          return;
        }
        if (seen[i].has(event.id)) duplicates += 1;
        seen[i].add(event.id);
        receipts.push({ at, subscriber: i, eventId: event.id, type: event.type, occurredAt: event.occurredAt });
      },
      error: (error) => { if (!closing) errors.push(`subscription ${i} ended: ${JSON.stringify(error)}`); },
      complete: () => { if (!closing) errors.push(`subscription ${i} completed early`); },
    },
  ));
  return {
    receipts,
    errors,
    get duplicates() { return duplicates; },
    async close() {
      closing = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
      await Promise.all(clients.map((c) => c.dispose()));
    },
  };
}
