import { defineSubgraph } from '../../lib/subgraph';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { signingKeyWorkers } from './services/signing-keys';

/** The devices subgraph: devices, datacenters, device license lines, UDI, EULA, license installation, boot level, throughput, Smart Licensing, call-home settings, profiles and reports. */
export const devicesSubgraph = defineSubgraph('devices', __dirname, { migrations, createLoaders, workers: [signingKeyWorkers] });
