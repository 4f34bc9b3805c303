import type { TestSubgraph } from '../../test/testkit/subgraph';

/** The event types in the subgraph's outbox, oldest first: every mutation must have added its own. */
export async function outboxTypes(t: TestSubgraph): Promise<string[]> {
  const rows = await t.subgraph.orm.em.fork().getConnection().execute<{ type: string }[]>('select type from compliance_outbox order by seq');
  return rows.map((row) => row.type);
}
