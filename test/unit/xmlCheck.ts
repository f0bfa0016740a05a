import { createRequire } from 'node:module';

/** Parses XML with sax in strict mode (throws on anything not well-formed) and returns the element names seen. */
export function wellFormedXmlElements(text: string): string[] {
  // sax comes with @vscode/vsce (through xml2js); it has no type declarations, so it is typed here.
  const sax = createRequire(__filename)('sax') as {
    parser(strict: boolean): { onerror: (e: Error) => void; onopentag: (node: { name: string }) => void; write(text: string): { close(): void } };
  };
  const names: string[] = [];
  const parser = sax.parser(true);
  parser.onerror = (error) => { throw error; };
  parser.onopentag = (node) => { names.push(node.name); };
  parser.write(text).close();
  return names;
}
