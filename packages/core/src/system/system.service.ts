import { randomUUID } from 'node:crypto';

/** What {@link SystemService} needs to store installation facts. */
export interface InstallationStore {
  getOrCreate(key: string, value: string): Promise<string>;
}

/** Facts about the running installation. */
export interface SystemInfo {
  name: 'YouWorker';
  version: string;
  instanceId: string;
  mode: 'embedded' | 'production';
  environment: 'development' | 'production';
  startedAt: Date;
}

/** Owns the installation's identity: a stable instance id created on the first start. */
export class SystemService {
  private instanceId: string | undefined;
  private readonly startedAt: Date;

  constructor(
    private readonly deps: {
      store: InstallationStore;
      version: string;
      mode: SystemInfo['mode'];
      environment: SystemInfo['environment'];
      now?: () => Date;
      generateId?: () => string;
    },
  ) {
    this.startedAt = (deps.now ?? (() => new Date()))();
  }

  /** Creates the instance id on the very first start; later starts read the stored one. */
  async initialize(): Promise<string> {
    this.instanceId ??= await this.deps.store.getOrCreate(
      'instance_id',
      (this.deps.generateId ?? randomUUID)(),
    );
    return this.instanceId;
  }

  async getInfo(): Promise<SystemInfo> {
    return {
      name: 'YouWorker',
      version: this.deps.version,
      instanceId: await this.initialize(),
      mode: this.deps.mode,
      environment: this.deps.environment,
      startedAt: this.startedAt,
    };
  }
}
