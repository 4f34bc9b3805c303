/** Helpers of this subgraph's HTTP tests: License representations as the gateway sends them. */
import { randomUUID } from 'node:crypto';
import type { TestClient } from '../../test/testkit/graphql';

export const uuid = (): string => randomUUID();

export interface LicenseRepresentation {
  id: string;
  quantity?: number | null;
  applicationId?: string | null;
  hasVmUseRights?: boolean | null;
  numberOfSupportedVirtualMachines?: number | null;
  assignmentTypeId?: string | null;
}

/** Reads `fields` of one License the way the gateway does: `_entities` with the `@requires` fields. */
export async function readLicense(api: TestClient, license: LicenseRepresentation, fields: string) {
  const { _entities } = await api.ok(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on License { ${fields} } } }`,
    { r: [{ __typename: 'License', ...license }] },
  );
  return _entities[0];
}

/** Reads `fields` of one entity of this subgraph by its key. */
export async function readEntity(api: TestClient, typename: string, id: string, fields: string) {
  const { _entities } = await api.ok(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${fields} } } }`,
    { r: [{ __typename: typename, id }] },
  );
  return _entities[0];
}

export const COMPUTER_FIELDS = 'id licenseId computerId quantity virtualMachines invalidAssignmentReasons applicationId hasVmUseRights numberOfSupportedVirtualMachines';
