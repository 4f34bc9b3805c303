/**
 * Demo data of the compliance subgraph: three applications and two metrics (the IDs of ids.ts),
 * maintenance and support periods and an upgrade between demo licenses of the licenses subgraph,
 * the two extended coverage types of seed 003 with a coverage each on demo devices, license tracking rows
 * that later compliance computation reads, and license transfers of a computer, a user and a custom value.
 * The tracking rows of the demo call-home report (scripts/seed/devices.ts) are not written here: the compliance
 * consumer makes them from the report's event, as it does for any report.
 */
import type { Em } from '../../lib/orm';
import { Application } from '../../subgraphs/compliance/entities/Application';
import { ExtendedCoverage } from '../../subgraphs/compliance/entities/ExtendedCoverage';
import { ExtendedCoverageType } from '../../subgraphs/compliance/entities/ExtendedCoverageType';
import { LicenseTracking } from '../../subgraphs/compliance/entities/LicenseTracking';
import { LicenseUpgrade } from '../../subgraphs/compliance/entities/LicenseUpgrade';
import { MaintenancePeriod } from '../../subgraphs/compliance/entities/MaintenancePeriod';
import { Metric } from '../../subgraphs/compliance/entities/Metric';
import { addComputerLicenseTransfer, addCustomValueLicenseTransfer, addUserLicenseTransfer } from '../../subgraphs/compliance/services/transfers';
import { actAsDemoAdmin } from './demo-admin';
import { DEMO } from './ids';

const { accountId, applications: A, metrics: M, licenses: L, devices: D, datacenters: DC, organizations: O, users: U } = DEMO;
/** IDs of the rows below: groups 0x203-0x208, next to the applications (0x201) and metrics (0x202) of ids.ts. */
const id = (group: number, n: number) => `00000000-0000-4000-8${group.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

const APPLICATIONS: Array<Partial<Application>> = [
  { id: A[0], name: 'Visio', vendor: 'Microsoft', version: '2021', edition: 'Professional', description: 'Diagramming' },
  { id: A[1], name: 'Acrobat', vendor: 'Adobe', version: 'DC', edition: 'Pro' },
  { id: A[2], name: 'SQL Server', vendor: 'Microsoft', version: '2022', edition: 'Standard' },
  { id: A[3], name: 'Visio', vendor: 'Microsoft', version: '2019', edition: 'Standard', description: 'Diagramming (earlier version)' },
];

const METRICS: Array<Partial<Metric>> = [
  { id: M[0], name: 'Installations', description: 'One license per computer the application is installed on.' },
  { id: M[1], name: 'Users', description: 'One license per named user of the application.' },
];

const PERIODS: Array<Partial<MaintenancePeriod>> = [
  { id: id(0x203, 1), licenseId: L[0], validFrom: at('2023-01-01'), validTo: at('2025-01-01'), maintenanceCost: '1200', supportCost: '300', invoiceReference: 'INV-2023-001', purchaseCurrency: 'USD' },
  { id: id(0x203, 2), licenseId: L[0], validFrom: at('2025-01-01'), validTo: at('2030-01-01'), maintenanceCost: '1250.5', supportCost: '310', hasUpgradeRights: true, invoiceReference: 'INV-2025-014', purchaseCurrency: 'USD' },
  { id: id(0x203, 3), licenseId: L[1], validFrom: at('2025-01-01'), validTo: at('2030-01-01'), maintenanceCost: '480', notes: 'Maintenance only' },
  { id: id(0x203, 4), licenseId: L[2], validFrom: at('2022-06-01'), validTo: at('2024-06-01'), supportCost: '99.99' },
  { id: id(0x203, 5), licenseId: L[2], validFrom: at('2030-06-01'), validTo: at('2032-06-01'), supportCost: '120', notes: 'Renewal, prepaid' },
];

const TYPES: Array<Partial<ExtendedCoverageType>> = [{ id: id(0x205, 1), name: 'Passive' }, { id: id(0x205, 2), name: 'Disaster' }];

const COVERAGES: Array<Partial<ExtendedCoverage>> = [
  { id: id(0x206, 1), parentComputerId: D[6], extendedComputerId: D[7], applicationId: A[2], coveredApplicationId: A[2], reason: 'Passive', reasonDescription: 'Passive failover instance' },
  { id: id(0x206, 2), parentComputerId: DC[1], isParentComputerDatacenter: true, extendedComputerId: D[6], applicationId: A[2], coveredApplicationId: A[2], reason: 'Disaster', reasonDescription: 'The recovery reason description' },
];

const computer = (n: number, applicationId: string, licenseId: string, computerId: string): Partial<LicenseTracking> => ({
  id: id(0x207, n), applicationId, metricId: M[0], computerId, licenseId, organizationId: O[0],
  coverageTrait: 1, initialRequirement: 1, requirement: 1, receivedCoverage: 1, primaryUseRights: ['NamedComputer'], fullUseRights: ['NamedComputer'],
});
const user = (n: number, userId: string): Partial<LicenseTracking> => ({
  id: id(0x207, n), applicationId: A[1], metricId: M[1], userId, licenseId: L[1], organizationId: O[0],
  coverageTrait: 1, initialRequirement: 1, requirement: 1, receivedCoverage: 1, primaryUseRights: ['NamedUser'], fullUseRights: ['NamedUser', 'UpgradeRights'],
});
const TRACKING: Array<Partial<LicenseTracking>> = [
  computer(1, A[0], L[0], D[5]), computer(2, A[2], L[2], D[6]), user(3, U[0][0]), user(4, U[0][1]),
];

/** The custom compare value a demo transfer is for (group 0x208): e.g. a cost center of the customer's inventory tool. */
export const DEMO_CUSTOM_COMPARE_VALUE_ID = id(0x208, 1);

/**
 * Visio 2021 Professional licenses of Acme Corp cover Visio 2019 Standard by downgrade and cross-edition rights: on
 * the finance workstation, for Acme's first user and for a custom compare value. Through the mutations' service, which
 * checks them and records their events.
 */
async function transfers(em: Em): Promise<void> {
  const caller = actAsDemoAdmin(em);
  const common = { fromApplicationId: A[0], toApplicationId: A[3], organizationId: O[0], isDowngrade: true, isCrossEdition: true };
  await addComputerLicenseTransfer(em, caller, { ...common, metricId: M[0], licenseId: L[0], computerId: D[5] });
  await addUserLicenseTransfer(em, caller, { ...common, metricId: M[1], licenseId: L[3], userId: U[0][0] });
  await addCustomValueLicenseTransfer(em, caller, { ...common, metricId: M[0], licenseId: L[0], customCompareValueId: DEMO_CUSTOM_COMPARE_VALUE_ID, quantity: 2, useRights: ['Standard'] });
}

export async function seed(em: Em): Promise<void> {
  const rows: Array<[new () => object, Array<object>]> = [
    [Application, APPLICATIONS], [Metric, METRICS], [MaintenancePeriod, PERIODS], [ExtendedCoverageType, TYPES],
    [ExtendedCoverage, COVERAGES], [LicenseTracking, TRACKING],
  ];
  for (const [Entity, list] of rows) for (const row of list) em.persist(Object.assign(new Entity(), row, { accountId }));
  em.persist(Object.assign(new LicenseUpgrade(), { id: id(0x204, 1), accountId, licenseId: L[1], upgradedLicenseId: L[0], quantity: 5, upgradedQuantity: 5 }));
  await em.flush();
  await transfers(em);
  await em.flush();
}
