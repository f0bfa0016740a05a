// What the integration tests share.

/** Polls `probe` until it returns something truthy (the extension host works asynchronously). */
async function until(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A diagnostic's code: VS Code gives `{ value, target }` when the server links the code to its documentation. */
const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);

/** All the Markdown of a list of hovers, as one string. */
const hoverText = (hovers) => hovers.flatMap((h) => h.contents).map((c) => c.value ?? String(c)).join('\n');

module.exports = { until, codeOf, hoverText };
