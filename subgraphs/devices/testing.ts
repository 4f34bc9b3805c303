/** Selections and documents of the devices subgraph's HTTP tests (not part of the running subgraph). */

export const DEVICE_FIELDS = `
  id fingerprint productId serialNumber udi { productId serialNumber udi } hostname platform cores isVirtual
  hostDeviceId datacenterId bootLevel throughput { level allowedLevels } eulaAccepted eulaAcceptedAt eulaUri
`;

export const LINE_FIELDS = `
  id deviceId licenseId index feature version licenseType startDate endDate licenseState evaluationPeriod
  evaluationPeriodLeft evaluationPeriodUsed evaluationExpiryDate lockType vendorInfo { productId serialNumber udi }
  licenseAddition licenseGenerationVersion licenseCount licensePriority storeIndex storageName
`;

export const REGISTER = `mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { ${DEVICE_FIELDS} } }`;
