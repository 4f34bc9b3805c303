/**
 * Types of `graphql-ws/use/ws` for TypeScript's `node` (node10) module resolution, which ignores package `exports`.
 * Not a tsconfig `paths` entry: tsx applies `paths` at run time too, and would load a declaration file as the module.
 */
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
