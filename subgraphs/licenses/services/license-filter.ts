import { filterField, type FilterFields } from '../../../lib/filter';

const { text, uuid, num, bool, date } = filterField;

/**
 * Fields of `licenses(filter:)`. `status` is the record status of seed 003 ("Active"/"Archived"),
 * the field that seed's example filter (`status -eq "active"`) names.
 */
export const LICENSE_FILTER_FIELDS: FilterFields = {
  id: uuid('id'),
  key: text('key'),
  name: text('name'),
  status: { column: 'record_status', type: 'enum', enumValues: { active: 'ACTIVE', archived: 'ARCHIVED' } },
  productId: uuid('product_id'),
  policyId: uuid('policy_id'),
  organizationId: uuid('organization_id'),
  userId: uuid('user_id'),
  applicationId: uuid('application_id'),
  metricId: uuid('metric_id'),
  assignmentTypeId: uuid('assignment_type_id'),
  quantity: num('quantity'),
  uses: num('uses'),
  suspended: bool('suspended'),
  revoked: bool('revoked'),
  expiry: date('expiry'),
  purchaseDate: date('purchase_date'),
  purchaseCurrency: text('purchase_currency'),
  vendor: text('vendor'),
  sku: text('sku'),
  invoiceReference: text('invoice_reference'),
  externalId: text('external_id'),
  productDescription: text('product_description'),
  isSubscription: bool('is_subscription'),
  isUpgrade: bool('is_upgrade'),
  isDowngrade: bool('is_downgrade'),
  subscriptionValidFrom: date('subscription_valid_from'),
  subscriptionValidTo: date('subscription_valid_to'),
  createdDate: date('created_at'),
  updatedDate: date('updated_at'),
  archivedDate: date('archived_date'),
};

/** Fields of `licenseFieldPolicies(filter:)`. */
export const FIELD_POLICY_FILTER: FilterFields = {
  id: uuid('id'),
  name: text('name'),
  description: text('description'),
};

/** Fields of `LicenseFieldPolicy.fields(filter:)` (seed 003 "license policy fields"). */
export const FIELD_POLICY_FIELD_FILTER: FilterFields = {
  id: uuid('id'),
  name: text('name'),
  description: text('description'),
  isRequired: bool('is_required'),
  isComboBox: bool('is_combo_box'),
  isEditingAllowed: bool('is_editing_allowed'),
};
