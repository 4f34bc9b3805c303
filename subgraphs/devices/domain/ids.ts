const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a GraphQL `ID` can name a row: PostgreSQL refuses a non-UUID literal for a uuid column
 * with an error, so such IDs are answered as "not found" before they reach SQL.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
