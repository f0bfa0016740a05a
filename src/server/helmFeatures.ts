import path from 'node:path';
import { CompletionItemKind, type CompletionItem, type Diagnostic, type Hover, type Location, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chartOfValuesFile, chartRootOf, isChartTemplate, loadChart, readFromDisk, type HelmChart, type ReadText } from '../core/helm/chart';
import { templateDefinition, templateHover, templateProblems, valuesCompletion, valuesReferences } from '../core/helm/templateFeatures';
import { LineIndex } from '../core/text/lineIndex';
import { fileUriOf, filePathOf, lspSeverity } from './lsp';

/**
 * The editor features of a Helm chart's templates (`templates/**` of a folder with `Chart.yaml`): `.Values` hover,
 * go to definition and completion, named templates' definition, and a diagnostic for an `include` of an unknown
 * name. The YAML around the actions is served like any manifest (ManifestFeatures: hovers on keys).
 */
export class HelmFeatures {
  /** `openText(path)` is the editor's text of an open file: what the user sees wins over the disk. */
  constructor(private readonly openText: (file: string) => string | undefined) {}

  private readonly read: ReadText = (file) => this.openText(file) ?? readFromDisk(file);

  /** The chart of a template document, read now (charts are small; what is open in the editor is read from there). */
  private chartOf(document: TextDocument): HelmChart | undefined {
    const root = templateChartRoot(document);
    return root ? loadChart(root, this.read) : undefined;
  }

  /** Whether a document is a template of a chart: a YAML file or a `.tpl` under a chart's `templates/`. */
  handles(document: TextDocument): boolean {
    return isChartTemplate(filePathOf(document.uri));
  }

  hover(document: TextDocument, position: Position): Hover | undefined {
    const chart = this.chartOf(document);
    if (!chart) return undefined;
    const hover = templateHover(chart, document.getText(), document.offsetAt(position));
    return hover && { contents: { kind: 'markdown', value: hover.markdown }, range: { start: document.positionAt(hover.span.start), end: document.positionAt(hover.span.end) } };
  }

  definition(document: TextDocument, position: Position): Location | undefined {
    const chart = this.chartOf(document);
    const target = chart && templateDefinition(chart, document.getText(), document.offsetAt(position));
    if (!target) return undefined;
    return { uri: fileUriOf(target.path), range: new LineIndex(target.text).rangeOf(target.span.start, target.span.end) };
  }

  completion(document: TextDocument, position: Position): CompletionItem[] | undefined {
    const chart = this.chartOf(document);
    const items = chart && valuesCompletion(chart, document.getText(), document.offsetAt(position));
    if (!items) return undefined;
    return items.map((item) => ({
      label: item.label, kind: CompletionItemKind.Field, detail: item.detail,
      documentation: item.documentation,
      textEdit: { range: { start: document.positionAt(item.replace.start), end: document.positionAt(item.replace.end) }, newText: item.label },
    }));
  }

  /** In a chart's values.yaml: the templates that use the value under the cursor. */
  references(document: TextDocument, position: Position): Location[] | undefined {
    const file = filePathOf(document.uri);
    const root = file && chartOfValuesFile(file);
    if (!root) return undefined;
    const chart = loadChart(root, this.read);
    const lines = new Map<string, LineIndex>();
    return valuesReferences(chart, document.offsetAt(position)).map((reference) => {
      let index = lines.get(reference.path);
      if (!index) lines.set(reference.path, index = new LineIndex(reference.text));
      return { uri: fileUriOf(reference.path), range: index.rangeOf(reference.span.start, reference.span.end) };
    });
  }

  /** Problems only the chart shows (a named template no file defines); the template's own syntax is parseYaml's. */
  diagnostics(document: TextDocument): Diagnostic[] {
    const chart = this.chartOf(document);
    if (!chart) return [];
    return templateProblems(chart, document.getText()).map((p) => ({
      range: { start: document.positionAt(p.span.start), end: document.positionAt(p.span.end) },
      severity: lspSeverity(p.severity),
      source: 'cnc', code: 'helm-template', message: p.message,
    }));
  }
}

function templateChartRoot(document: TextDocument): string | undefined {
  const file = filePathOf(document.uri);
  return file && /\.(ya?ml|tpl)$/.test(file) ? chartRootOf(file) : undefined;
}

/** The open documents' texts by absolute path. */
export function openTextOf(documents: { all(): TextDocument[] }): (file: string) => string | undefined {
  return (file) => {
    const wanted = path.resolve(file);
    for (const document of documents.all()) {
      const own = filePathOf(document.uri);
      if (own && path.resolve(own) === wanted) return document.getText();
    }
    return undefined;
  };
}
