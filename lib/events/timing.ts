/** Waiting helpers of the bus loops and the relay: retry delays and sleeps that can be cut short. */

/** Bounded exponential backoff: `min`, `2*min`, ... up to `max`, back to `min` after `reset()`. */
export class Backoff {
  private failures = 0;

  constructor(private readonly min = 100, private readonly max = 5000) {}

  /** The delay before the next attempt (and counts one more failure). */
  next(): number {
    const ms = Math.min(this.max, this.min * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return ms;
  }

  reset(): void {
    this.failures = 0;
  }
}

/**
 * One sleeper per loop: `sleep` waits for `ms`, or until `wake()` when it is wakeable, or until `interrupt()`.
 * Signals that come while the loop is not sleeping are remembered: after a `wake()` the next wakeable sleep
 * returns at once (nothing signalled between two sleeps is missed), after an `interrupt()` every sleep does
 * until `reset()` (a loop told to stop in the middle of its work does not go to sleep afterwards).
 */
export class Alarm {
  private woken = false;
  private interrupted = false;
  private current?: { end: () => void; wakeable: boolean };

  sleep(ms: number, { wakeable = true } = {}): Promise<void> {
    if (this.interrupted) return Promise.resolve();
    if (wakeable && this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        if (this.current?.end === end) this.current = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.current = { end, wakeable };
    });
  }

  /** Ends the current sleep if it is wakeable; otherwise the next wakeable sleep returns at once. */
  wake(): void {
    if (this.current?.wakeable) {
      this.woken = false;
      this.current.end();
    } else {
      this.woken = true;
    }
  }

  /** Ends the current sleep whatever it is, and every later one: the loop is stopping. */
  interrupt(): void {
    this.interrupted = true;
    this.current?.end();
  }

  /** Sleeps last again (the loop starts anew). */
  reset(): void {
    this.interrupted = false;
    this.woken = false;
  }
}

/** What `Abandon.race` rejects with once the loop gave up on the work. */
export class AbandonedError extends Error {
  constructor() {
    super('Given up: stopping');
  }
}

/**
 * Lets a stop give up on Redis commands that cannot complete. ioredis keeps a command queued while it
 * reconnects, and after a `disconnect()` in the middle of reconnecting it never settles it: awaiting
 * `race(command)` instead of the command itself rejects with AbandonedError at `abort()`.
 */
export class Abandon {
  private aborted = false;
  private readonly waiting = new Set<(err: Error) => void>();

  race<T>(work: Promise<T>): Promise<T> {
    if (this.aborted) {
      work.catch(() => undefined);
      return Promise.reject(new AbandonedError());
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      void work.then(resolve, reject).finally(() => this.waiting.delete(reject));
    });
  }

  abort(): void {
    this.aborted = true;
    for (const reject of this.waiting) reject(new AbandonedError());
    this.waiting.clear();
  }
}
