import type { RequestContext } from '../../lib/context';
import type { Loaders } from './loaders';

export type Context = RequestContext<Loaders>;
