/** Retries `check` until it passes or `timeoutMs` runs out (then its last failure is thrown). */
export async function waitFor(
  check: () => void,
  timeoutMs = 5_000,
  intervalMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise(r => setTimeout(r, intervalMs));
    }
  }
}
