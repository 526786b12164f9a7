// Debounced, latest-wins runs per key (a pack root): while the user types, only the last
// scheduled check publishes; a check that a newer one overtook (or a cancel) is dropped, even
// when it finishes later. No vscode import: unit-tested with out-of-order completions.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class LatestRun<K, R> {
  private readonly versions = new Map<K, number>();
  private readonly timers = new Map<K, unknown>();

  constructor(
    private readonly run: (key: K) => Promise<R>,
    private readonly publish: (key: K, result: R) => void,
    private readonly clock: Timers = realTimers,
  ) {}

  private bump(key: K): number {
    const v = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, v);
    return v;
  }

  /** Runs after `delay` ms of quiet; any run in flight for the key is now stale. */
  schedule(key: K, delay: number): void {
    this.clearTimer(key);
    this.bump(key);
    this.timers.set(
      key,
      this.clock.set(() => {
        this.timers.delete(key);
        void this.now(key);
      }, delay),
    );
  }

  /** Runs at once; resolves with the result, or undefined when a newer run overtook it. */
  async now(key: K): Promise<R | undefined> {
    const version = this.bump(key);
    const result = await this.run(key);
    if (this.versions.get(key) !== version) return undefined;
    this.publish(key, result);
    return result;
  }

  /** Drops the pending and in-flight runs of a key (the pack went away). */
  cancel(key: K): void {
    this.clearTimer(key);
    this.bump(key);
  }

  cancelAll(): void {
    for (const key of new Set([...this.timers.keys(), ...this.versions.keys()])) this.cancel(key);
  }

  private clearTimer(key: K): void {
    const t = this.timers.get(key);
    if (t !== undefined) this.clock.clear(t);
    this.timers.delete(key);
  }
}
