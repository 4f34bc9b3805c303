import { owned } from '../../../lib/entity';
import { ConflictError, BadUserInputError } from '../../../lib/errors';
import { isUuid, requireUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { checkOrderLines } from '../domain/orders';
import { Entitlement } from '../entities/Entitlement';
import { EntitlementLicense } from '../entities/EntitlementLicense';
import { LicenseOrder } from '../entities/LicenseOrder';
import { LicenseOrderLine } from '../entities/LicenseOrderLine';
import { LicensedItem } from '../entities/LicensedItem';
import { SeatCountCredit } from '../entities/SeatCountCredit';
import { UseCountCredit } from '../entities/UseCountCredit';
import { UseTimeCredit } from '../entities/UseTimeCredit';
import type { LicenseCredit } from '../entities/credit';
import type { LicenseOrderInput, LicenseOrderLineInput } from '../generated/graphql';
import { findOrFail } from './common';
import { recordEntitlementEvent } from './events';

/**
 * The lines with their IDs in one form: the license and product (other subgraphs' rows) must be UUIDs;
 * the rows of this subgraph are lower-cased for lookup (a malformed one is simply not found below).
 */
function normalizedLines(lines: ReadonlyArray<LicenseOrderLineInput>): LicenseOrderLineInput[] {
  return lines.map((line, i) => ({
    ...line,
    licenseId: requireUuid(line.licenseId, ['input', 'lines', i, 'licenseId']),
    productId: line.productId ? requireUuid(line.productId, ['input', 'lines', i, 'productId']) : null,
    licensedItemId: line.licensedItemId.toLowerCase(),
    entitlementId: line.entitlementId?.toLowerCase() ?? null,
  }));
}

/** The rows the lines refer to, each kind fetched in one query whatever the number of lines. */
async function referencedRows(em: Em, lines: LicenseOrderLineInput[]) {
  const ids = (pick: (l: LicenseOrderLineInput) => string | null | undefined) => [...new Set(lines.map(pick).filter((v): v is string => !!v && isUuid(v)))];
  // one after the other: a transaction's connection runs one statement at a time
  const items = await em.find(LicensedItem, { id: { $in: ids((l) => l.licensedItemId) } });
  const entitlements = await em.find(Entitlement, { id: { $in: ids((l) => l.entitlementId) } });
  const bindings = await em.find(EntitlementLicense, { licenseId: { $in: ids((l) => l.licenseId) } });
  return {
    items: new Map(items.map((i) => [i.id, i])),
    entitlements: new Map(entitlements.map((e) => [e.id, e])),
    bindings: new Map(bindings.map((b) => [b.licenseId, b])),
  };
}

type Rows = Awaited<ReturnType<typeof referencedRows>>;

/** A line must name rows of this subgraph that agree with each other and with the order's organization. */
function checkLineReferences(line: LicenseOrderLineInput, i: number, organizationId: string, rows: Rows): void {
  const path = ['input', 'lines', i];
  if (!rows.items.has(line.licensedItemId)) throw new BadUserInputError(`Licensed item ${JSON.stringify(line.licensedItemId)} was not found`, [...path, 'licensedItemId']);
  const binding = rows.bindings.get(line.licenseId);
  if (binding && binding.licensedItemId !== line.licensedItemId) {
    throw new BadUserInputError(`License ${JSON.stringify(line.licenseId)} grants licensed item ${JSON.stringify(binding.licensedItemId)}`, [...path, 'licensedItemId']);
  }
  if (!line.entitlementId) return;
  const entitlement = rows.entitlements.get(line.entitlementId);
  if (!entitlement) throw new BadUserInputError(`Entitlement ${JSON.stringify(line.entitlementId)} was not found`, [...path, 'entitlementId']);
  if (entitlement.organizationId !== organizationId) {
    throw new BadUserInputError('The entitlement belongs to another organization than the order', [...path, 'entitlementId']);
  }
  if (binding?.entitlementId !== line.entitlementId) {
    throw new BadUserInputError(`License ${JSON.stringify(line.licenseId)} is not in entitlement ${JSON.stringify(line.entitlementId)}`, [...path, 'entitlementId']);
  }
}

/** The credit a line grants: its type, quantity, validity and allowed versions, for its license. */
function creditOf(line: LicenseOrderLine, input: LicenseOrderLineInput): LicenseCredit {
  const credit = line.creditType === 'SEAT_COUNT' ? Object.assign(new SeatCountCredit(), { seatCount: line.quantity })
    : line.creditType === 'USE_COUNT' ? Object.assign(new UseCountCredit(), { useCount: line.quantity })
      : Object.assign(new UseTimeCredit(), { useTime: line.quantity });
  return Object.assign(credit, {
    accountId: line.accountId, licenseId: line.licenseId, licenseOrderLineId: line.id,
    validFrom: line.orderValidFrom, validUntil: line.orderValidUntil,
    allowedVersions: input.allowedVersions ?? null, allowedVersionsDescription: input.allowedVersionsDescription ?? null,
  });
}

function lineOf(order: LicenseOrder, input: LicenseOrderLineInput, position: number): LicenseOrderLine {
  return Object.assign(new LicenseOrderLine(), {
    accountId: order.accountId, licenseOrderId: order.id, position,
    lineNumber: input.lineNumber ?? null, productId: input.productId ?? null, productCode: input.productCode ?? null,
    licenseId: input.licenseId, entitlementId: input.entitlementId ?? null, licensedItemId: input.licensedItemId,
    creditType: input.creditType, quantity: input.quantity,
    orderValidFrom: input.orderValidFrom ?? null, orderValidUntil: input.orderValidUntil ?? null, metadata: input.metadata ?? null,
  });
}

/** Places an order: each line grants one credit to its license, in the same transaction. */
export async function placeLicenseOrder(em: Em, caller: Caller, input: LicenseOrderInput): Promise<LicenseOrder> {
  checkOrderLines(input);
  const organizationId = requireUuid(input.organizationId, ['input', 'organizationId']);
  const inputLines = normalizedLines(input.lines);
  const rows = await referencedRows(em, inputLines);
  inputLines.forEach((line, i) => checkLineReferences(line, i, organizationId, rows));
  const order = owned(Object.assign(new LicenseOrder(), {
    organizationId, orderNumber: input.orderNumber ?? null,
    orderDate: input.orderDate ?? null, metadata: input.metadata ?? null,
  }), caller);
  em.persist(order);
  const lines = inputLines.map((line, i) => lineOf(order, line, i));
  lines.forEach((line, i) => em.persist([line, creditOf(line, inputLines[i])]));
  recordEntitlementEvent(em, 'license-order.placed', 'LicenseOrder', order, {
    lines: lines.map((l) => ({ id: l.id, licenseId: l.licenseId, creditType: l.creditType, quantity: l.quantity })),
  });
  return order;
}

/**
 * Cancels an order and removes the credits it granted. The conditional UPDATE makes two
 * concurrent cancellations of one order fail the second with CONFLICT instead of both passing.
 */
export async function cancelLicenseOrder(em: Em, caller: Caller, id: string): Promise<LicenseOrder> {
  const order = await findOrFail(em, LicenseOrder, 'LicenseOrder', id);
  const changed = await em.nativeUpdate(LicenseOrder, { id: order.id, accountId: caller.accountId, canceled: false }, { canceled: true, updatedAt: new Date() });
  if (changed === 0) throw new ConflictError(`License order ${JSON.stringify(id)} is already canceled`);
  const lineIds = (await em.find(LicenseOrderLine, { licenseOrderId: order.id }, { fields: ['id'] })).map((l) => l.id);
  const removed = { accountId: caller.accountId, licenseOrderLineId: { $in: lineIds } };
  let creditsRemoved = 0;
  for (const credit of [SeatCountCredit, UseCountCredit, UseTimeCredit]) creditsRemoved += await em.nativeDelete(credit, removed);
  order.canceled = true;
  recordEntitlementEvent(em, 'license-order.canceled', 'LicenseOrder', order, { creditsRemoved });
  return order;
}
