import type Redis from 'ioredis';

/**
 * Deletes every key under `prefix` (a test's or a benchmark's event stream and its consumer groups), so runs
 * sharing one Redis server leave nothing behind. Answers how many keys were deleted.
 */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
    const batch = keys as string[];
    if (batch.length > 0) deleted += await redis.del(...batch);
  }
  return deleted;
}
