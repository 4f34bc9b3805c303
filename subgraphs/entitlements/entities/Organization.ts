/** Not a table: `Organization` is owned by the licenses subgraph; here only its key is known. */
export interface Organization {
  id: string;
}
