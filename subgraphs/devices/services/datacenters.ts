import { owned } from '../../../lib/entity';
import { BadUserInputError } from '../../../lib/errors';
import { requiredText } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { Datacenter } from '../entities/Datacenter';
import type { CreateDatacenterInput } from '../generated/graphql';
import { recordDatacenterEvent } from './events';

const MAX_TEXT = 255;

export function createDatacenter(em: Em, caller: Caller, input: CreateDatacenterInput): Datacenter {
  const name = requiredText(input.name, ['input', 'name'], MAX_TEXT);
  if (input.location && input.location.length > MAX_TEXT) {
    throw new BadUserInputError(`location has at most ${MAX_TEXT} characters`, ['input', 'location']);
  }
  const datacenter = owned(Object.assign(new Datacenter(), { name, location: input.location ?? null }), caller);
  em.persist(datacenter);
  recordDatacenterEvent(em, 'datacenter.created', datacenter);
  return datacenter;
}
