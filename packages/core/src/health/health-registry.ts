/** Result of one component check. */
export interface ComponentHealth {
  status: 'up' | 'down';
  latencyMs: number;
  /** Whether the component being down makes the whole service not ready. */
  critical: boolean;
  /** Why it is down; a short, log-safe message. */
  error?: string;
  /** Non-secret facts (driver, version). */
  details?: Record<string, string | number | boolean>;
}

/** A check resolves with optional details when healthy and rejects when not. */
export type HealthCheck = (
  signal: AbortSignal,
) => Promise<Record<string, string | number | boolean> | undefined>;

/** The readiness report of every registered component. */
export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  components: Record<string, ComponentHealth>;
}

interface RegisteredCheck {
  check: HealthCheck;
  critical: boolean;
}

/**
 * Where components (database, vector store, LLM, MCP servers, queue) register their readiness checks.
 * Checks run in parallel, each under a time limit.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, RegisteredCheck>();

  constructor(private readonly options: { timeoutMs: number; now?: () => number }) {}

  /** Registers (or replaces) the check of `name`. Non-critical components are reported but never fail readiness. */
  register(name: string, check: HealthCheck, options: { critical?: boolean } = {}): void {
    this.checks.set(name, { check, critical: options.critical ?? true });
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  async check(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks.entries()].map(
        async ([name, registered]) => [name, await this.runOne(registered)] as const,
      ),
    );
    const components = Object.fromEntries(entries);
    const ready = entries.every(([, health]) => health.status === 'up' || !health.critical);
    return { status: ready ? 'ready' : 'not-ready', components };
  }

  private async runOne(registered: RegisteredCheck): Promise<ComponentHealth> {
    const now = this.options.now ?? (() => performance.now());
    const started = now();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Reject first: an aborted check may reject synchronously and would otherwise win the race.
        reject(new Error(`timed out after ${this.options.timeoutMs} ms`));
        controller.abort();
      }, this.options.timeoutMs);
    });
    try {
      const details = await Promise.race([registered.check(controller.signal), timeout]);
      return {
        status: 'up',
        critical: registered.critical,
        latencyMs: Math.round((now() - started) * 10) / 10,
        ...(details ? { details } : {}),
      };
    } catch (error) {
      return {
        status: 'down',
        critical: registered.critical,
        latencyMs: Math.round((now() - started) * 10) / 10,
        error: error instanceof Error ? error.message : String(error),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
