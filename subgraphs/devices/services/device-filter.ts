import { filterField, type FilterFields } from '../../../lib/filter';

const { text, uuid, num, bool, date } = filterField;

/** Fields of `devices(filter:)` (and `Datacenter.devices(filter:)`), e.g. `platform -eq "CSR1000V" -and isVirtual -eq true`. */
export const DEVICE_FILTER_FIELDS: FilterFields = {
  id: uuid('id'),
  hostname: text('hostname'),
  platform: text('platform'),
  fingerprint: text('fingerprint'),
  serialNumber: text('serial_number'),
  productId: text('product_id'),
  datacenterId: uuid('datacenter_id'),
  hostDeviceId: uuid('host_device_id'),
  bootLevel: { column: 'boot_level', type: 'enum', enumValues: { standard: 'STANDARD', advanced: 'ADVANCED', premium: 'PREMIUM' } },
  throughput: num('throughput'),
  cores: num('cores'),
  isVirtual: bool('is_virtual'),
  eulaAccepted: bool('eula_accepted'),
  createdDate: date('created_at'),
  updatedDate: date('updated_at'),
};
