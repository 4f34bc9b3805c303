import { filterField, type FilterFields } from '../../../lib/filter';
import type { RowField } from '../domain/row-filter';
import type { LicenseCostRow } from '../domain/costs';
import type { LicenseEntitlementSummary } from '../domain/license-entitlements';

const { text, uuid, num, bool, date } = filterField;

/** Fields of `applications(filter:)`. */
export const APPLICATION_FILTER_FIELDS: FilterFields = {
  id: uuid('id'), name: text('name'), vendor: text('vendor'), version: text('version'), edition: text('edition'),
  createdDate: date('created_at'), updatedDate: date('updated_at'),
};

/** Fields of `maintenancePeriods(filter:)`, the seed's period properties. */
export const MAINTENANCE_PERIOD_FILTER_FIELDS: FilterFields = {
  id: uuid('id'), licenseId: uuid('license_id'), agreementPeriodId: uuid('agreement_period_id'),
  validFrom: date('valid_from'), validTo: date('valid_to'), hasUpgradeRights: bool('has_upgrade_rights'),
  invoiceReference: text('invoice_reference'), notes: text('notes'),
  maintenanceCost: num('maintenance_cost'), supportCost: num('support_cost'), purchaseCurrency: text('purchase_currency'),
  createdDate: date('created_at'), updatedDate: date('updated_at'),
};

/** Fields of `License.upgrades(filter:)`. */
export const LICENSE_UPGRADE_FILTER_FIELDS: FilterFields = {
  id: uuid('id'), upgradedLicenseId: uuid('upgraded_license_id'), quantity: num('quantity'),
  upgradedQuantity: num('upgraded_quantity'), createdDate: date('created_at'),
};

/** Fields of `extendedCoverageTypes(filter:)`. */
export const EXTENDED_COVERAGE_TYPE_FILTER_FIELDS: FilterFields = { id: uuid('id'), name: text('name') };

/** Fields of `extendedCoverages(filter:)`, the seed's coverage properties. */
export const EXTENDED_COVERAGE_FILTER_FIELDS: FilterFields = {
  id: uuid('id'), parentComputerId: uuid('parent_computer_id'), isParentComputerDatacenter: bool('is_parent_computer_datacenter'),
  extendedComputerId: uuid('extended_computer_id'), applicationId: uuid('application_id'),
  coveredApplicationId: uuid('covered_application_id'), reason: text('reason'), reasonDescription: text('reason_description'),
};

/** Fields of the tracking reads, the seed's tracking properties. */
export const TRACKING_FILTER_FIELDS: FilterFields = {
  id: uuid('id'), metricId: uuid('metric_id'), applicationId: uuid('application_id'), computerId: uuid('computer_id'),
  userId: uuid('user_id'), licenseId: uuid('license_id'), organizationId: uuid('organization_id'),
  coverageTrait: num('coverage_trait'), initialRequirement: num('initial_requirement'), requirement: num('requirement'),
  receivedCoverage: num('received_coverage'),
};

const money = (get: (row: LicenseCostRow) => string): RowField<LicenseCostRow> => ({ type: 'decimal', get });

/** Fields of `License.costs(filter:)`: the rows are computed, so the filter runs in memory. */
export const LICENSE_COST_FILTER_FIELDS: Record<string, RowField<LicenseCostRow>> = {
  organizationId: { type: 'uuid', get: (r) => r.organizationId },
  licenseQuantity: { type: 'number', get: (r) => r.licenseQuantity },
  licensePurchaseCost: money((r) => r.licensePurchaseCost),
  currentMaintenanceCost: money((r) => r.currentMaintenanceCost),
  accumulatedMaintenanceCost: money((r) => r.accumulatedMaintenanceCost),
  currentSupportCost: money((r) => r.currentSupportCost),
  accumulatedSupportCost: money((r) => r.accumulatedSupportCost),
  totalCost: money((r) => r.totalCost),
  currency: { type: 'string', get: (r) => r.currency },
};

/** Fields of `licenseEntitlementSummaries(filter:)`: the rows are computed, so the filter runs in memory. */
export const LICENSE_ENTITLEMENT_FILTER_FIELDS: Record<string, RowField<LicenseEntitlementSummary>> = {
  applicationId: { type: 'uuid', get: (r) => r.applicationId },
  organizationId: { type: 'uuid', get: (r) => r.organizationId },
  metricId: { type: 'uuid', get: (r) => r.metricId },
  assignmentType: { type: 'string', get: (r) => r.assignmentType },
  quantity: { type: 'number', get: (r) => r.quantity },
};

/** Fields of the transfer reads, the seed's transfer properties (each read has its own kind's ID too). */
export const TRANSFER_FILTER_FIELDS: FilterFields = {
  id: uuid('id'), metricId: uuid('metric_id'), fromApplicationId: uuid('from_application_id'), toApplicationId: uuid('to_application_id'),
  computerId: uuid('computer_id'), userId: uuid('user_id'), customCompareValueId: uuid('custom_compare_value_id'),
  licenseId: uuid('license_id'), organizationId: uuid('organization_id'),
  isUpgrade: bool('is_upgrade'), isDowngrade: bool('is_downgrade'), isCrossEdition: bool('is_cross_edition'),
  isCrossPlatform: bool('is_cross_platform'), quantity: num('quantity'),
};
