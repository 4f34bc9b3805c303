/** A reference to a user of the licenses subgraph (not a table here). */
export class User {
  id!: string;
}
