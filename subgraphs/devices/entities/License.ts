/**
 * A License of the licenses subgraph as this subgraph knows it: only its key. It maps the GraphQL
 * type `License` for codegen; it has no EntitySchema, so no table (the licenses subgraph owns it).
 */
export class License {
  id!: string;
}
