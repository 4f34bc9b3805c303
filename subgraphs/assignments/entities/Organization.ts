/** A reference to an organization of the licenses subgraph (not a table here). */
export class Organization {
  id!: string;
}
