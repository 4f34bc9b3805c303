/**
 * A reference to a license of the licenses subgraph (not a table here). The gateway sends the
 * fields named in `@requires` with the reference; a field is undefined when it was not sent.
 */
export class License {
  id!: string;
  quantity?: number | null;
  applicationId?: string | null;
  hasVmUseRights?: boolean | null;
  numberOfSupportedVirtualMachines?: number | null;
  assignmentTypeId?: string | null;
}
