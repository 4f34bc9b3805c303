import { byIdLoader, byParentLoader, filteredByParentLoaders } from '../../lib/loaders';
import type { Em } from '../../lib/orm';
import { License } from './entities/License';
import { LicenseMetadata } from './entities/LicenseMetadata';
import { Machine } from './entities/Machine';
import { MeterAttribute } from './entities/MeterAttribute';
import { Organization } from './entities/Organization';
import { Policy } from './entities/Policy';
import { Product } from './entities/Product';
import { Reseller } from './entities/Reseller';
import { User } from './entities/User';
import { WebhookEndpoint } from './entities/WebhookEndpoint';
import { LicenseFieldPolicy } from './entities/LicenseFieldPolicy';
import { LicenseFieldPolicyField } from './entities/LicenseFieldPolicyField';
import { FIELD_POLICY_FIELD_FILTER, LICENSE_FILTER_FIELDS } from './services/license-filter';

/** The request-scoped loaders of the licenses subgraph (made by createContext, once per request). */
export function createLoaders(em: Em) {
  return {
    license: byIdLoader(em, License),
    policy: byIdLoader(em, Policy),
    product: byIdLoader(em, Product),
    organization: byIdLoader(em, Organization),
    user: byIdLoader(em, User),
    reseller: byIdLoader(em, Reseller),
    machine: byIdLoader(em, Machine),
    meterAttribute: byIdLoader(em, MeterAttribute),
    webhookEndpoint: byIdLoader(em, WebhookEndpoint),
    fieldPolicy: byIdLoader(em, LicenseFieldPolicy),
    machinesByLicense: byParentLoader(em, Machine, 'licenseId', { createdAt: 'asc', id: 'asc' }),
    machinesByFingerprint: byParentLoader(em, Machine, 'fingerprint', { createdAt: 'asc', id: 'asc' }),
    metadataByLicense: byParentLoader(em, LicenseMetadata, 'licenseId', { key: 'asc' }),
    meterAttributesByLicense: byParentLoader(em, MeterAttribute, 'licenseId', { name: 'asc' }),
    licensesByOrganization: filteredByParentLoaders(em, License, 'organizationId', { createdAt: 'asc', id: 'asc' }, LICENSE_FILTER_FIELDS),
    usersByOrganization: byParentLoader(em, User, 'organizationId', { email: 'asc', id: 'asc' }),
    policiesByProduct: byParentLoader(em, Policy, 'productId', { name: 'asc', id: 'asc' }),
    fieldsByFieldPolicy: filteredByParentLoaders(em, LicenseFieldPolicyField, 'policyId', { name: 'asc', id: 'asc' }, FIELD_POLICY_FIELD_FILTER),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
