// Group commit: many chargers' messages written by one statement. A batch is
// started at once when a writer slot is free, so a quiet server adds no delay;
// under load, messages gather while earlier batches run. Every caller waits
// for the commit of the batch holding its item, so answers still follow writes.
// If a batch fails, its items are retried one by one: one bad message must not
// fail a hundred good ones. With lingerMs, a batch smaller than maxBatch waits
// that long for company first: each statement and commit has a fixed cost, so
// at moderate rates a few milliseconds buy much larger batches.
export class GroupCommit<I, R> {
  private queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private lingering?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly write: (items: I[]) => Promise<R[]>,
    private readonly options: { maxBatch?: number; concurrency?: number; lingerMs?: number } = {},
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Resolves when nothing is queued or being written. */
  drain(): Promise<void> {
    if (!this.queue.length && !this.inFlight) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  private pump(lingered = false) {
    const max = this.options.maxBatch ?? 500;
    const linger = this.options.lingerMs ?? 0;
    while (this.queue.length && this.inFlight < (this.options.concurrency ?? 2)) {
      if (linger > 0 && !lingered && this.queue.length < max) {
        this.lingering ??= setTimeout(() => {
          this.lingering = undefined;
          this.pump(true);
        }, linger);
        return;
      }
      lingered = false;
      const batch = this.queue.splice(0, max);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
        if (!this.queue.length && !this.inFlight) this.idle.splice(0).forEach((r) => r());
      });
    }
  }

  private async run(batch: typeof this.queue) {
    try {
      const results = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      for (const b of batch) {
        try {
          b.resolve((await this.write([b.item]))[0]);
        } catch (e) {
          b.reject(e);
        }
      }
    }
  }
}
