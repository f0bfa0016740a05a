import type { TextDocument } from 'vscode-languageserver-textdocument';
import { byteSize, EDITOR_LIMITS } from '../core/model/limits';
import { isKustomizationFile } from '../core/model/kustomization';
import { ChunkCache } from '../core/yaml/chunkCache';
import { splitDocuments } from '../core/yaml/documentChunks';
import { parseYaml, type ParsedYamlFile } from '../core/yaml/parseYaml';

/** Files up to this size are parsed whole for a hover (cheap); larger ones only in the `---` document hovered. */
const WHOLE_PARSE_CHARS = 256 * 1024;
/** Hovered documents parsed on their own, kept by text (they seldom change between two versions). */
const DOCUMENT_CACHE_CHARS = 4_000_000;

/**
 * A parse that holds the `---` document a request is in: the current text's offset `o` is `o - start` in `file`, and
 * `file`'s line `l` is line `l + line` of the current text.
 */
interface DocumentParse { file: ParsedYamlFile; start: number; line: number }

/**
 * The size limits every feature of the server honours, in one place: what analysis skips, hover and completion skip
 * too (without parsing anything).
 */
export function tooLargeToAnalyse(text: string): boolean {
  // Cheap first: UTF-8 takes at least one byte per UTF-16 unit, at most three.
  if (text.length > EDITOR_LIMITS.parsedBytes) return true;
  return text.length * 3 > EDITOR_LIMITS.parsedBytes && byteSize(text) > EDITOR_LIMITS.parsedBytes;
}

/**
 * One stable parse per YAML document version, for requests (hover, completion) that arrive before that version's
 * analysis: the parser re-parses only the edited `---` document, and every request on the version shares the result.
 * The analysis, once done, hands its parse over, so the text is never parsed twice for the same version.
 */
export class DocumentParses {
  private readonly parses = new Map<string, { version: number; file: ParsedYamlFile }>();
  private readonly documentsByText = new ChunkCache<ParsedYamlFile>(DOCUMENT_CACHE_CHARS);

  /**
   * What a hover needs: the parse of the version if there is one (or the file is small), else the `---` document at
   * `offset` from an older version's parse when its text is unchanged (the usual case while typing elsewhere), else
   * parsed alone, so a hover in a large file after an edit never waits for the whole file to be parsed.
   * A kustomization file is parsed whole: its first document may stand for an implied Kustomization.
   */
  parseAt(document: TextDocument, offset: number, fileName?: string): DocumentParse | undefined {
    const cached = this.parses.get(document.uri);
    const text = document.getText();
    if (cached?.version === document.version || text.length <= WHOLE_PARSE_CHARS || isKustomizationFile(fileName)) {
      const file = this.yamlOf(document);
      return file && { file, start: 0, line: 0 };
    }
    if (tooLargeToAnalyse(text)) return undefined;
    const chunk = splitDocuments(text).find((c) => offset >= c.start && (offset < c.end || c.end === text.length));
    if (!chunk) return undefined;
    const earlier = cached && sameChunkIn(cached.file, chunk.text);
    if (earlier !== undefined) {
      return { file: cached!.file, start: chunk.start - earlier, line: chunk.line - cached!.file.lines.positionAt(earlier).line };
    }
    let file = this.documentsByText.get(chunk.text);
    if (!file) { file = parseYaml(chunk.text); this.documentsByText.set(chunk.text, file); }
    return { file, start: chunk.start, line: chunk.line };
  }

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

/** Where `file` (an older version's parse) has a `---` document of exactly this text, if it has one. */
function sameChunkIn(file: ParsedYamlFile, chunkText: string): number | undefined {
  const starts = [...new Set(file.documents.map((d) => d.offset))];
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1] ?? file.text.length;
    if (end - start === chunkText.length && file.text.startsWith(chunkText, start)) return start;
  }
  return undefined;
}
