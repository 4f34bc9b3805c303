import type { BusEvent } from './events/bus';
import type { Em } from './orm';
import type { Caller } from './tenancy';
import { TENANT_FILTER } from './tenancy';

/** What every resolver receives: made once per request, never shared between requests. */
export interface RequestContext<Loaders> {
  /** Forked for this request, with the tenant filter set to the caller's account. */
  em: Em;
  caller: Caller;
  /** Request-scoped DataLoaders: they batch within and cache only for this request. */
  loaders: Loaders;
  /** The event a subscription payload is resolved for (sent by the gateway with the subscription's fetch). */
  event?: BusEvent;
}

export type LoaderFactory<Loaders> = (em: Em, caller: Caller) => Loaders;

/** The one constructor of request contexts (subgraph HTTP requests and tests alike). */
export function createContext<Loaders>(
  rootEm: Em, caller: Caller, createLoaders: LoaderFactory<Loaders>, event?: BusEvent,
): RequestContext<Loaders> {
  const em = rootEm.fork({ clear: true });
  em.setFilterParams(TENANT_FILTER, { accountId: caller.accountId });
  return { em, caller, loaders: createLoaders(em, caller), event };
}
