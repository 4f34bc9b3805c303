import { BadUserInputError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import type { License } from '../entities/License';
import { LicenseFieldPolicyField } from '../entities/LicenseFieldPolicyField';
import type { LicenseInput } from '../generated/graphql';
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

function checkField(rule: LicenseFieldPolicyField, input: LicenseInput, existing: License | null, mode: Mode): void {
  const field = licenseFieldOf(rule.name);
  if (!field) return;
  const given = input[field];
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

/** Enforces every field rule of the account's license policies on a create, replace or update. */
export async function enforceFieldPolicies(em: Em, input: LicenseInput, existing: License | null, mode: Mode = 'create'): Promise<void> {
  const rules = await em.find(LicenseFieldPolicyField, {}, { orderBy: { name: 'asc' } });
  for (const rule of rules) checkField(rule, input, existing, mode);
}
