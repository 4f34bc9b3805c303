/**
 * Not a table: a license is owned by the licenses subgraph. This is what the compliance subgraph
 * holds of one (the codegen mapper of GraphQL `License`): its key, and the facts that fields
 * declared with @requires receive from the gateway in the representation.
 */
export class License {
  id!: string;
  quantity?: number | null;
  purchaseValue?: string | number | null;
  purchaseCurrency?: string | null;
  organizationId?: string | null;
}
