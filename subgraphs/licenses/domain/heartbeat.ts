/** Machine heartbeats (API.md "machines": `Machine.heartbeatStatus`). */

export type HeartbeatStatus = 'NOT_STARTED' | 'ALIVE' | 'DEAD';

/** The heartbeat duration to pass when the policy does not set one: 10 minutes. */
export const DEFAULT_HEARTBEAT_DURATION_SECONDS = 600;

/**
 * NOT_STARTED before the first ping; ALIVE until `lastHeartbeat + duration` (that instant included);
 * DEAD strictly after it.
 */
export function heartbeatStatus(lastHeartbeat: Date | null, heartbeatDurationSeconds: number, now: Date): HeartbeatStatus {
  if (lastHeartbeat === null) return 'NOT_STARTED';
  const deadline = lastHeartbeat.getTime() + heartbeatDurationSeconds * 1000;
  return now.getTime() > deadline ? 'DEAD' : 'ALIVE';
}
