/**
 * The live side of subscriptions in one gateway instance (ARCHITECTURE.md, "Subscriptions").
 *
 * - One bus listener per gateway, held only while some subscription is open.
 * - Identical subscriptions (same document, variables and credentials) form one group: an event is resolved
 *   once per group and the result pushed to every member.
 * - Each event is checked against the group's account and topic before anything is resolved; a group
 *   resolves its events one at a time, in order; groups resolve independently of each other.
 * - A subscriber that does not keep up is ended (see Sink); it never slows the others.
 */
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { envInt } from '../../lib/config';
import type { BusEvent, EventBus } from '../../lib/events/bus';
import type { Topic } from '../../lib/events/topics';
import { Sink } from './sink';

export interface GroupSpec {
  /** Identifies identical subscriptions (hash of document, operation name, variables, credentials). */
  key: string;
  accountId: string;
  topic: Topic;
  /** The root field's arguments, for the topic's filter. */
  args: Record<string, unknown>;
  /** Resolves the subscription's whole selection set for one event. */
  resolve(event: BusEvent): Promise<ExecutionResult>;
  /** When the credentials stop being valid (the subscription ends then). */
  expiresAt?: Date;
}

export interface HubOptions {
  /** Payloads a subscriber may have waiting before it is ended (SUBSCRIPTION_BUFFER, default 1000). */
  bufferLimit: number;
  /** Events a group may have waiting to be resolved before its subscribers are ended (SUBSCRIPTION_QUEUE, 1000). */
  queueLimit: number;
  /** Events of one group resolved at the same time (SUBSCRIPTION_CONCURRENCY, default 4); delivered in order. */
  concurrency: number;
  /** How many recent event ids are remembered to drop duplicates (the bus delivers at least once; SUBSCRIPTION_DEDUPE_WINDOW, 10,000). */
  dedupeWindow: number;
}

export function hubOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HubOptions {
  return {
    bufferLimit: envInt('SUBSCRIPTION_BUFFER', 1000, env),
    queueLimit: envInt('SUBSCRIPTION_QUEUE', 1000, env),
    concurrency: Math.max(1, envInt('SUBSCRIPTION_CONCURRENCY', 4, env)),
    dedupeWindow: envInt('SUBSCRIPTION_DEDUPE_WINDOW', 10_000, env),
  };
}

export interface HubStats {
  /** Open subscriptions (WebSocket operations) that receive every event published from now on. */
  subscriptions: number;
  /** Groups of identical subscriptions. */
  groups: number;
  /** Live listeners this gateway holds on the bus (1 while any subscription is open, else 0). */
  busListeners: number;
  /** Events resolved since start (once per group and event, however many subscribers share the group). */
  resolutions: number;
}

const errorResult = (message: string, code: string): ExecutionResult => ({ errors: [new GraphQLError(message, { extensions: { code } })] });

/** Whether a payload's errors say the credentials are no longer accepted: the subscription cannot go on. */
const unauthenticated = (result: ExecutionResult): boolean => (result.errors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED');

interface Pending {
  event: BusEvent;
  result?: Promise<ExecutionResult>;
}

/**
 * Identical subscriptions. Events are resolved up to `concurrency` at a time (each reads the current state, so
 * order of resolution does not matter) and delivered strictly in the order they arrived.
 */
class Group {
  readonly sinks = new Set<Sink<ExecutionResult>>();
  private readonly pending: Pending[] = [];
  private delivering = false;

  constructor(
    readonly spec: GroupSpec,
    private readonly options: HubOptions,
    private readonly onIdle: (group: Group) => void,
    private readonly onResolve: () => void,
  ) {}

  offer(event: BusEvent): void {
    if (event.accountId !== this.spec.accountId || !this.spec.topic.matches(event, this.spec.args)) return;
    if (this.pending.length >= this.options.queueLimit) {
      this.endAll(errorResult(`The subscription fell more than ${this.options.queueLimit} events behind and was ended`, 'LIMIT_EXCEEDED'));
      return;
    }
    this.pending.push({ event });
    this.startResolutions();
    if (!this.delivering) void this.deliver();
  }

  remove(sink: Sink<ExecutionResult>): void {
    this.sinks.delete(sink);
    if (this.sinks.size === 0) {
      this.pending.length = 0;
      this.onIdle(this);
    }
  }

  endAll(last?: ExecutionResult): void {
    this.pending.length = 0;
    for (const sink of [...this.sinks]) sink.end(last);
  }

  private startResolutions(): void {
    const window = this.pending.slice(0, this.options.concurrency);
    for (const entry of window) entry.result ??= this.resolve(entry.event);
  }

  private async resolve(event: BusEvent): Promise<ExecutionResult> {
    if (this.spec.expiresAt && this.spec.expiresAt.getTime() <= Date.now()) {
      return errorResult('The token has expired: subscribe again with a new one', 'UNAUTHENTICATED');
    }
    this.onResolve();
    try {
      return await this.spec.resolve(event);
    } catch (err) {
      console.error('A subscription event could not be resolved', err);
      return errorResult('The event could not be resolved', 'INTERNAL_SERVER_ERROR');
    }
  }

  private async deliver(): Promise<void> {
    this.delivering = true;
    try {
      while (this.pending.length > 0 && this.sinks.size > 0) {
        const head = this.pending[0];
        const result = await (head.result ??= this.resolve(head.event));
        if (this.pending[0] !== head) continue; // the group was ended or emptied meanwhile
        this.pending.shift();
        this.startResolutions();
        if (unauthenticated(result)) {
          this.endAll(result);
          return;
        }
        for (const sink of [...this.sinks]) sink.push(result);
      }
    } finally {
      this.delivering = false;
    }
  }
}

export class SubscriptionHub {
  private readonly groups = new Map<string, Group>();
  private readonly byAccount = new Map<string, Set<Group>>();
  private readonly recent = new Set<string>();
  private stopListening: (() => void) | null = null;
  private subscriptions = 0;
  private resolutions = 0;

  constructor(private readonly bus: EventBus, private readonly options: HubOptions) {}

  /** A new subscriber of `spec`'s group; iterate it for payloads, `return()` it to unsubscribe. */
  subscribe(spec: GroupSpec): AsyncIterableIterator<ExecutionResult> {
    let group = this.groups.get(spec.key);
    if (!group) {
      group = new Group(spec, this.options, (idle) => this.release(idle), () => { this.resolutions += 1; });
      this.groups.set(spec.key, group);
      const accountGroups = this.byAccount.get(spec.accountId) ?? new Set<Group>();
      accountGroups.add(group);
      this.byAccount.set(spec.accountId, accountGroups);
    }
    const owner = group;
    // counted as open (stats, GET /health) once the bus delivers it everything published from then on
    let counted = false;
    const sink: Sink<ExecutionResult> = new Sink<ExecutionResult>(
      this.options.bufferLimit,
      () => {
        if (counted) this.subscriptions -= 1;
        owner.remove(sink);
      },
      () => errorResult(`The subscriber fell more than ${this.options.bufferLimit} events behind and was ended`, 'LIMIT_EXCEEDED'),
    );
    group.sinks.add(sink);
    if (!this.stopListening) this.stopListening = this.bus.listen((event) => this.dispatch(event));
    void this.bus.listening().then(() => {
      if (sink.closed) return;
      counted = true;
      this.subscriptions += 1;
    });
    return sink;
  }

  stats(): HubStats {
    return { subscriptions: this.subscriptions, groups: this.groups.size, busListeners: this.stopListening ? 1 : 0, resolutions: this.resolutions };
  }

  /** Completes every subscription (the gateway is stopping). */
  close(): void {
    for (const group of [...this.groups.values()]) group.endAll();
  }

  private dispatch(event: BusEvent): void {
    if (this.recent.has(event.eventId)) return;
    this.recent.add(event.eventId);
    // a Set iterates in insertion order: the first entry is the oldest
    if (this.recent.size > this.options.dedupeWindow) this.recent.delete(this.recent.values().next().value as string);
    for (const group of this.byAccount.get(event.accountId) ?? []) group.offer(event);
  }

  private release(group: Group): void {
    if (this.groups.get(group.spec.key) !== group) return;
    this.groups.delete(group.spec.key);
    const accountGroups = this.byAccount.get(group.spec.accountId);
    accountGroups?.delete(group);
    if (accountGroups?.size === 0) this.byAccount.delete(group.spec.accountId);
    if (this.groups.size === 0 && this.stopListening) {
      this.stopListening();
      this.stopListening = null;
    }
  }
}
