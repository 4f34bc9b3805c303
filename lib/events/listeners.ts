import type { BusEvent, LiveListener } from './bus';

/**
 * The live listeners of one bus instance (both implementations). Each `add` is one listener, even of a function
 * added twice, and its remover removes just that one; a listener that throws is logged and the others still run.
 */
export class LiveListeners {
  private readonly entries = new Set<LiveListener>();

  get size(): number {
    return this.entries.size;
  }

  /** Adds a listener; the returned function removes it (true the first time, false after). */
  add(listener: LiveListener): () => boolean {
    const entry: LiveListener = (event) => listener(event);
    this.entries.add(entry);
    return () => this.entries.delete(entry);
  }

  dispatch(event: BusEvent): void {
    for (const listener of [...this.entries]) {
      try {
        listener(event);
      } catch (err) {
        console.error('An event listener failed', err);
      }
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
