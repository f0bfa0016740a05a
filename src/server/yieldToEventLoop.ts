/**
 * Lets the event loop run once: I/O is read and the requests it brings are answered before the caller goes on.
 * A timer, not setImmediate: the JSON-RPC layer handles incoming messages in its own setImmediate callbacks, which
 * would otherwise queue behind ours.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
