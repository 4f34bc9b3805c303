import { DEFAULT_HEARTBEAT_DURATION_SECONDS, heartbeatStatus } from './heartbeat';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const ago = (ms: number): Date => new Date(NOW.getTime() - ms);

describe('heartbeatStatus', () => {
  it('has a default duration of 600 seconds', () => {
    expect(DEFAULT_HEARTBEAT_DURATION_SECONDS).toBe(600);
  });

  it('NOT_STARTED before the first heartbeat', () => {
    expect(heartbeatStatus(null, DEFAULT_HEARTBEAT_DURATION_SECONDS, NOW)).toBe('NOT_STARTED');
  });

  it('ALIVE right after a heartbeat', () => {
    expect(heartbeatStatus(NOW, DEFAULT_HEARTBEAT_DURATION_SECONDS, NOW)).toBe('ALIVE');
    expect(heartbeatStatus(ago(1000), DEFAULT_HEARTBEAT_DURATION_SECONDS, NOW)).toBe('ALIVE');
  });

  it('ALIVE at exactly last + duration', () => {
    expect(heartbeatStatus(ago(600_000), DEFAULT_HEARTBEAT_DURATION_SECONDS, NOW)).toBe('ALIVE');
  });

  it('DEAD one millisecond after last + duration', () => {
    expect(heartbeatStatus(ago(600_001), DEFAULT_HEARTBEAT_DURATION_SECONDS, NOW)).toBe('DEAD');
  });

  it('uses the duration given', () => {
    expect(heartbeatStatus(ago(60_000), 60, NOW)).toBe('ALIVE');
    expect(heartbeatStatus(ago(60_001), 60, NOW)).toBe('DEAD');
    expect(heartbeatStatus(ago(3_600_000), 7200, NOW)).toBe('ALIVE');
  });
});
