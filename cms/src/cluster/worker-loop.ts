/**
 * A background worker: runs `step` again at once while it says more is waiting or something woke
 * it meanwhile, otherwise after the interval. The wait is created inside the loop, so work after
 * a wake runs in the loop's own context, never in the transaction of a request that woke it.
 */
export class WorkerLoop {
  private stopped = false;
  private woken = false;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly intervalMs: () => number,
    private readonly step: () => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops after the step under way, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      const more = await this.step().catch((error: unknown) => {
        this.onError(error);
        return false;
      });
      if (this.stopped) return;
      if (more || this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.intervalMs());
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }
}
