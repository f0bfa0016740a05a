import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_ANALYSED_BYTES } from '../core/analysis/analyse';
import { parseYaml, type ParsedYamlFile } from '../core/yaml/parseYaml';

/**
 * The size limits every feature of the server honours, in one place: what analysis skips, hover and completion skip
 * too (without parsing anything).
 */
export function tooLargeToAnalyse(text: string): boolean {
  return text.length > MAX_ANALYSED_BYTES;
}

/**
 * One stable parse per YAML document version, for requests (hover, completion) that arrive before that version's
 * analysis: the parser re-parses only the edited `---` document, and every request on the version shares the result.
 * The analysis, once done, hands its parse over, so the text is never parsed twice for the same version.
 */
export class DocumentParses {
  private readonly parses = new Map<string, { version: number; file: ParsedYamlFile }>();

  /** The parse of the document's current version; undefined when the document is over the size limit. */
  yamlOf(document: TextDocument): ParsedYamlFile | undefined {
    const cached = this.parses.get(document.uri);
    if (cached?.version === document.version) return cached.file;
    const text = document.getText();
    if (tooLargeToAnalyse(text)) return undefined;
    const file = parseYaml(text);
    this.parses.set(document.uri, { version: document.version, file });
    return file;
  }

  /** The analysis parsed this version already. */
  offer(uri: string, version: number, file: ParsedYamlFile): void {
    const cached = this.parses.get(uri);
    if (!cached || cached.version <= version) this.parses.set(uri, { version, file });
  }

  forget(uri: string): void { this.parses.delete(uri); }
}
