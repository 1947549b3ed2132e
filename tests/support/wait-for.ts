/** Reads until `done` holds or `ms` pass; returns the last value read (the test's assertions then say what was wrong). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 120_000, everyMs = 200): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
