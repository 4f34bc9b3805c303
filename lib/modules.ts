import fs from 'node:fs';
import path from 'node:path';
import { EntitySchema } from '@mikro-orm/core';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * The resolver map of a subgraph from the files on disk: `resolvers/<Type>.ts` exports `<Type>`.
 * A new type's resolver is picked up by adding its file; nothing to register by hand.
 */
export function loadResolvers(dir: string): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const file of sourceFiles(dir)) {
    const typeName = path.basename(file).replace(/\.(ts|js)$/, '');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovery by file name, typed per file by codegen
    const mod = require(file) as Record<string, unknown>;
    if (!(typeName in mod)) throw new Error(`${file} must export ${typeName}`);
    map[typeName] = mod[typeName];
  }
  return map;
}

/** Every EntitySchema exported by the files of an `entities/` folder. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemas of different entity types
export function loadEntitySchemas(dir: string): EntitySchema<any, any>[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const schemas: EntitySchema<any, any>[] = [];
  for (const file of sourceFiles(dir)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (value instanceof EntitySchema) schemas.push(value);
  }
  return schemas;
}
