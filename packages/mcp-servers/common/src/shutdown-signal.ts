/** Settles with the first of SIGINT or SIGTERM received by this process (listeners removed after). */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
    const onSignal = (signal: NodeJS.Signals) => {
      for (const name of signals) {
        process.off(name, onSignal);
      }
      resolve(signal);
    };
    for (const name of signals) {
      process.once(name, onSignal);
    }
  });
}
