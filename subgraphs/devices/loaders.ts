import type { Em } from '../../lib/orm';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createLoaders(_em: Em) {
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;
