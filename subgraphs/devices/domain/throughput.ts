import { BadUserInputError } from '../../../lib/errors';

/** The throughput levels a device accepts, in Mbps (seed 004: "Values: 10, 100, 1000, 25 250, 50, 500"). */
export const THROUGHPUT_LEVELS: readonly number[] = [10, 25, 50, 100, 250, 500, 1000];

export function isThroughputLevel(level: number): boolean {
  return THROUGHPUT_LEVELS.includes(level);
}

/** Refuses any level the seed does not list, naming the argument that holds it. */
export function checkThroughputLevel(level: number, argumentPath: ReadonlyArray<string | number>): number {
  if (!isThroughputLevel(level)) {
    throw new BadUserInputError(`Throughput level must be one of ${THROUGHPUT_LEVELS.join(', ')} (Mbps), got ${level}`, argumentPath);
  }
  return level;
}
