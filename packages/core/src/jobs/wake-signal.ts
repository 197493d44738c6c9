/**
 * A sleep that can be cut short. `wake()` ends the current `wait()`, or the next one when nobody is
 * waiting, so a wake-up that arrives between two waits is never lost.
 */
export class WakeSignal {
  private pending = false;
  private endWait: (() => void) | undefined;

  /** Resolves after `ms`, or as soon as `wake()` is called. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        if (this.endWait === end) {
          this.endWait = undefined;
        }
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.endWait = end;
    });
  }

  wake(): void {
    if (this.endWait) {
      this.endWait();
    } else {
      this.pending = true;
    }
  }
}
