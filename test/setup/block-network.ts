import net from 'node:net';

/**
 * Every test tier blocks outbound network: a socket may connect to loopback or a unix path, and any
 * other destination fails at once with a clear error (the msw `onUnhandledRequest: "error"` idea).
 */
const loopback = /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|\[::1\])$/i;

type ConnectArguments = Parameters<net.Socket['connect']>;

function destination(args: unknown[]): { host?: string; path?: string } {
  const first = args[0];
  if (Array.isArray(first)) {
    return destination(first);
  }
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return { host: options.host, path: options.path };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) {
    return { path: first };
  }
  return { host: typeof args[1] === 'string' ? args[1] : undefined };
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply below
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const target = destination(args);
  if (target.path === undefined && target.host !== undefined && !loopback.test(target.host)) {
    const error = new Error(`Outbound network is blocked in tests (attempted connection to ${target.host})`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return originalConnect.apply(this, args as ConnectArguments);
};
