import { BadUserInputError } from '../../../lib/errors';
import { findByIdOrFail } from '../../../lib/find';
import type { Em } from '../../../lib/orm';
import type { License } from '../entities/License';
import { LicenseFieldPolicy } from '../entities/LicenseFieldPolicy';
import { LicenseFieldPolicyField } from '../entities/LicenseFieldPolicyField';
import type { LicenseBulkUpdateInput, LicenseInput } from '../generated/graphql';
import { RECORD_FIELDS } from './license-input';

/** `InvoiceReference` (seed 003's spelling) -> `invoiceReference`, when it names a license record field. */
export function licenseFieldOf(name: string): (typeof RECORD_FIELDS)[number] | null {
  const wanted = name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return RECORD_FIELDS.find((f) => f.toLowerCase() === wanted) ?? null;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

type Mode = 'create' | 'replace' | 'update';

function checkField(rule: LicenseFieldPolicyField, input: LicenseInput | LicenseBulkUpdateInput, existing: License | null, mode: Mode): void {
  const field = licenseFieldOf(rule.name);
  if (!field) return;
  const given = (input as Record<string, unknown>)[field];
  const path = ['input', field];
  const missing = mode === 'update' ? given !== undefined && isBlank(given) : isBlank(given);
  if (rule.isRequired && missing) throw new BadUserInputError(`${field} is required by the license policy`, path);
  if (rule.isComboBox && !isBlank(given) && !rule.listItems.includes(String(given))) {
    throw new BadUserInputError(`${field} must be one of ${rule.listItems.map((i) => JSON.stringify(i)).join(', ')}`, path);
  }
  const before = existing?.[field];
  const changes = given !== undefined && String(given ?? '') !== String(before ?? '');
  if (!rule.isEditingAllowed && existing && !isBlank(before) && changes) {
    throw new BadUserInputError(`${field} cannot be edited under the license policy`, path);
  }
}

/** Every field rule of the account's license policies, in the order they are checked. */
export function fieldPolicyRules(em: Em): Promise<LicenseFieldPolicyField[]> {
  return em.find(LicenseFieldPolicyField, {}, { orderBy: { name: 'asc' } });
}

/** Checks a create, replace or update against rules read once (a bulk update checks every license against the same). */
export function checkFieldPolicies(rules: readonly LicenseFieldPolicyField[], input: LicenseInput | LicenseBulkUpdateInput, existing: License | null, mode: Mode): void {
  for (const rule of rules) checkField(rule, input, existing, mode);
}

/** Enforces every field rule of the account's license policies on a create, replace or update. */
export async function enforceFieldPolicies(em: Em, input: LicenseInput, existing: License | null, mode: Mode = 'create'): Promise<void> {
  checkFieldPolicies(await fieldPolicyRules(em), input, existing, mode);
}

export interface FieldPolicyInput {
  name: string;
  description?: string | null;
  fields: Array<{ name: string; description?: string | null; isRequired?: boolean | null; isComboBox?: boolean | null; isEditingAllowed?: boolean | null; listItems?: string[] | null }>;
}

/** A license policy with its field rules; every rule must name a license record field. */
export async function createFieldPolicy(em: Em, accountId: string, input: FieldPolicyInput): Promise<LicenseFieldPolicy> {
  const policy = Object.assign(new LicenseFieldPolicy(), { accountId, name: input.name, description: input.description ?? null });
  const seen = new Set<string>();
  for (const [i, f] of input.fields.entries()) {
    const field = licenseFieldOf(f.name);
    if (!field) throw new BadUserInputError(`${JSON.stringify(f.name)} is not a license field`, ['input', 'fields', i, 'name']);
    if (seen.has(field)) throw new BadUserInputError(`${f.name} has two rules`, ['input', 'fields', i, 'name']);
    if (f.isComboBox && !f.listItems?.length) throw new BadUserInputError('a combo box needs listItems', ['input', 'fields', i, 'listItems']);
    seen.add(field);
    em.persist(Object.assign(new LicenseFieldPolicyField(), {
      accountId, policyId: policy.id, name: f.name, description: f.description ?? null, isRequired: f.isRequired ?? false,
      isComboBox: f.isComboBox ?? false, isEditingAllowed: f.isEditingAllowed ?? true, listItems: f.listItems ?? [],
    }));
  }
  em.persist(policy);
  return policy;
}

export async function deleteFieldPolicy(em: Em, id: string): Promise<LicenseFieldPolicy> {
  const policy = await findByIdOrFail(em, LicenseFieldPolicy, id, 'LicenseFieldPolicy');
  await em.nativeDelete(LicenseFieldPolicyField, { policyId: policy.id, accountId: policy.accountId });
  em.remove(policy);
  return policy;
}
