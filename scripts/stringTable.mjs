// A table of distinct strings for the generated data files: a text that repeats (the apiVersion/kind/metadata
// descriptions, hundreds of times) is stored once and referred to by its index.
export function stringTable() {
  const strings = [];
  const index = new Map();
  /** The index of `s` in the table (added if new); -1 for an empty or missing text. */
  const str = (s) => {
    if (!s) return -1;
    let i = index.get(s);
    if (i === undefined) { i = strings.length; strings.push(s); index.set(s, i); }
    return i;
  };
  return { strings, str };
}
