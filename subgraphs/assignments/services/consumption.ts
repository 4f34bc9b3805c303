import type DataLoader from 'dataloader';
import type { ComputerAssignment } from '../entities/ComputerAssignment';
import type { DatacenterAssignment } from '../entities/DatacenterAssignment';
import type { UserAssignment } from '../entities/UserAssignment';
import type { ConsumingKind, Consumption } from './over-assignment';

/** The per-license loaders of the assignments that consume a license's quantity. */
export interface ConsumingLoaders {
  computersByLicense: DataLoader<string, ComputerAssignment[]>;
  datacentersByLicense: DataLoader<string, DatacenterAssignment[]>;
  usersByLicense: DataLoader<string, UserAssignment[]>;
}

function asConsumption(kind: ConsumingKind, a: ComputerAssignment | DatacenterAssignment | UserAssignment): Consumption {
  return { id: a.id, kind, quantity: a.quantity, createdAt: a.createdAt, batchPosition: a.batchPosition };
}

/** The computer, datacenter and user assignments of a license (batched per tick by the loaders). */
export async function consumptionOf(loaders: ConsumingLoaders, licenseId: string): Promise<Consumption[]> {
  const [computers, datacenters, users] = await Promise.all([
    loaders.computersByLicense.load(licenseId),
    loaders.datacentersByLicense.load(licenseId),
    loaders.usersByLicense.load(licenseId),
  ]);
  return [
    ...computers.map((a) => asConsumption('computer', a)),
    ...datacenters.map((a) => asConsumption('datacenter', a)),
    ...users.map((a) => asConsumption('user', a)),
  ];
}
