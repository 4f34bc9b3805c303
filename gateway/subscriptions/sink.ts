/**
 * One subscriber's stream: an async iterator fed by pushes. A subscriber that does not keep up (more than
 * `limit` payloads waiting) is ended with an error rather than allowed to hold memory or slow anyone else.
 */
export class Sink<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private failure: unknown = null;
  private done = false;

  constructor(private readonly limit: number, private readonly onClose: () => void, private readonly overflow: () => T) {}

  /** Queues a value for the subscriber; false once the sink is closed. */
  push(value: T): boolean {
    if (this.done) return false;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return true;
    }
    if (this.buffer.length >= this.limit) {
      // the subscriber gets the overflow payload (an error) after what it has already been sent, then the end
      this.buffer.push(this.overflow());
      this.finish();
      return false;
    }
    this.buffer.push(value);
    return true;
  }

  /** Ends the stream after what is queued (with a last value, e.g. an error payload, when given). */
  end(last?: T): void {
    if (this.done) return;
    if (last !== undefined) this.push(last);
    this.finish();
  }

  get closed(): boolean {
    return this.done;
  }

  async next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) return { value: this.buffer.shift() as T, done: false };
    if (this.failure) throw this.failure;
    if (this.done) return { value: undefined, done: true };
    return new Promise((resolve) => { this.waiting = resolve; });
  }

  async return(): Promise<IteratorResult<T>> {
    this.buffer.length = 0;
    this.finish();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    this.failure = error;
    this.finish();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(this.buffer.length > 0 ? { value: this.buffer.shift() as T, done: false } : { value: undefined, done: true });
    }
    this.onClose();
  }
}
