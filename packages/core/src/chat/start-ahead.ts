/**
 * Starts a run's `events` while `store` (storing the user's message) runs, so the model request
 * goes out before the store is done. The first two events are pulled at once — `run-start`, then
 * the one that waits for the model's first part — and held back until the store succeeds: the
 * returned events then start with them. When the store fails, `cancel` is aborted (the run stops
 * its model request), the run is drained in the background and the store's error is thrown.
 */
export async function startAhead<T, E>(
  events: AsyncGenerator<E>,
  store: () => Promise<T>,
  cancel: AbortController,
): Promise<{ stored: T; events: AsyncGenerator<E> }> {
  const first = events.next();
  const second = first.then((result) => (result.done === true ? result : events.next()));
  // Failures of the held pulls are seen when the events are read (or dropped after a failed store).
  second.catch(() => undefined);
  let stored: T;
  try {
    // The request is written once the pending microtasks and ticks have run; only then store, so
    // that the statement (which embedded PGlite runs in this thread) overlaps the model server's
    // work instead of delaying the request.
    await new Promise<void>((resolve) => {
      setImmediate(resolve);
    });
    stored = await store();
  } catch (error) {
    cancel.abort(error);
    void second
      .catch(() => undefined)
      .then(() => events.return(undefined))
      .catch(() => undefined);
    throw error;
  }
  return { stored, events: resume([first, second], events) };
}

async function* resume<E>(held: Promise<IteratorResult<E>>[], events: AsyncGenerator<E>): AsyncGenerator<E> {
  let finished = false;
  try {
    for (const pull of held) {
      const result = await pull;
      if (result.done === true) {
        finished = true;
        return;
      }
      yield result.value;
    }
    yield* events;
    finished = true;
  } finally {
    if (!finished) {
      // The consumer stopped early (or a pull failed): end the run, which cancels its work.
      await events.return(undefined);
    }
  }
}
