import { owned } from '../../../lib/entity';
import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { findReferencedOrFail } from '../../../lib/find';
import { requireUuid } from '../../../lib/ids';
import { requiredText } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { Application } from '../entities/Application';
import { ExtendedCoverage } from '../entities/ExtendedCoverage';
import { ExtendedCoverageType } from '../entities/ExtendedCoverageType';
import { Metric } from '../entities/Metric';
import type { ApplicationInput, ExtendedCoverageInput, ExtendedCoverageTypeInput, MetricInput } from '../generated/graphql';
import { recordComplianceEvent } from './events';
import { checkOptionalText } from './input-checks';

export async function createApplication(em: Em, caller: Caller, input: ApplicationInput): Promise<Application> {
  const application = owned(Object.assign(new Application(), {
    name: requiredText(input.name, ['input', 'name']),
    vendor: checkOptionalText(input.vendor, ['input', 'vendor']),
    version: checkOptionalText(input.version, ['input', 'version'], 100),
    edition: checkOptionalText(input.edition, ['input', 'edition'], 100),
    description: checkOptionalText(input.description, ['input', 'description'], 4000),
  }), caller);
  const { name, vendor, version, edition } = application;
  // the same name, vendor, version and edition would make two applications that compliance cannot tell apart
  if (await em.count(Application, { name, vendor, version, edition })) {
    throw new ConflictError('An application with this name, vendor, version and edition exists', { argumentPath: ['input', 'name'] });
  }
  em.persist(application);
  recordComplianceEvent(em, 'application.created', 'Application', application);
  return application;
}

export async function createMetric(em: Em, caller: Caller, input: MetricInput): Promise<Metric> {
  const name = requiredText(input.name, ['input', 'name']);
  if (await em.count(Metric, { name })) throw new ConflictError('A metric with this name exists', { argumentPath: ['input', 'name'] });
  const metric = owned(Object.assign(new Metric(), {
    name, description: checkOptionalText(input.description, ['input', 'description'], 4000),
  }), caller);
  em.persist(metric);
  recordComplianceEvent(em, 'metric.created', 'Metric', metric);
  return metric;
}

export async function createExtendedCoverageType(em: Em, caller: Caller, input: ExtendedCoverageTypeInput): Promise<ExtendedCoverageType> {
  const name = requiredText(input.name, ['input', 'name']);
  if (await em.count(ExtendedCoverageType, { name })) {
    throw new ConflictError('An extended coverage type with this name exists', { argumentPath: ['input', 'name'] });
  }
  const type = owned(Object.assign(new ExtendedCoverageType(), { name }), caller);
  em.persist(type);
  recordComplianceEvent(em, 'extended-coverage-type.created', 'ExtendedCoverageType', type);
  return type;
}

async function checkApplication(em: Em, id: string, path: string[]): Promise<string> {
  return (await findReferencedOrFail(em, Application, id, 'Application', path)).id;
}

export async function createExtendedCoverage(em: Em, caller: Caller, input: ExtendedCoverageInput): Promise<ExtendedCoverage> {
  const parentComputerId = requireUuid(input.parentComputerId, ['input', 'parentComputerId']);
  const extendedComputerId = requireUuid(input.extendedComputerId, ['input', 'extendedComputerId']);
  const isParentComputerDatacenter = input.isParentComputerDatacenter ?? false;
  if (!isParentComputerDatacenter && parentComputerId === extendedComputerId) {
    throw new BadUserInputError('A computer cannot extend its own coverage', ['input', 'extendedComputerId']);
  }
  const reason = requiredText(input.reason, ['input', 'reason']);
  if (!(await em.count(ExtendedCoverageType, { name: reason }))) {
    throw new BadUserInputError(`${JSON.stringify(reason)} is not an extended coverage type`, ['input', 'reason']);
  }
  const coverage = owned(Object.assign(new ExtendedCoverage(), {
    parentComputerId, isParentComputerDatacenter, extendedComputerId, reason,
    applicationId: await checkApplication(em, input.applicationId, ['input', 'applicationId']),
    coveredApplicationId: await checkApplication(em, input.coveredApplicationId, ['input', 'coveredApplicationId']),
    reasonDescription: checkOptionalText(input.reasonDescription, ['input', 'reasonDescription'], 4000),
  }), caller);
  em.persist(coverage);
  recordComplianceEvent(em, 'extended-coverage.created', 'ExtendedCoverage', coverage);
  return coverage;
}
