/** The message of something thrown: an Error's message, or the value itself in words. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
