import { Redis } from 'ioredis';
import type { BaseLogger } from 'pino';

/**
 * Opens a Redis connection for counters that may be skipped when Redis is down (rate limits,
 * failed-attempt blocking): one retry per command, no offline queue (a command fails at once while
 * disconnected instead of piling up), reconnecting in the background. Logs the first failure of each
 * outage at `warn` and the recovery at `info`, never the URL (it may hold a password).
 */
export function createRedisClient(
  url: string,
  options: { logger: Pick<BaseLogger, 'warn' | 'info'>; purpose: string },
): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  let available = true;
  client.on('error', (error: Error) => {
    if (available) {
      available = false;
      options.logger.warn(
        { err: error, purpose: options.purpose },
        'Redis unavailable; its counters are skipped until it is back',
      );
    }
  });
  client.on('ready', () => {
    if (!available) {
      available = true;
      options.logger.info({ purpose: options.purpose }, 'Redis reachable again');
    }
  });
  return client;
}

/**
 * Resolves once `client` is connected, or after its first error or `timeoutMs`, whichever comes first
 * (never rejects): start-up waits briefly so the first requests are counted, but does not depend on Redis.
 */
export async function waitForRedis(client: Redis, timeoutMs = 3_000): Promise<boolean> {
  if (client.status === 'ready') {
    return true;
  }
  return new Promise((resolve) => {
    const finish = (ready: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('error', onError);
      resolve(ready);
    };
    const onReady = () => {
      finish(true);
    };
    const onError = () => {
      finish(false);
    };
    const timer = setTimeout(onError, timeoutMs);
    client.once('ready', onReady);
    client.once('error', onError);
  });
}

/** Closes `client` politely when connected, and stops its reconnection attempts in any case. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    await client.quit().catch(() => undefined);
  }
  client.disconnect();
}
