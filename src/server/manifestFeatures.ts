import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CodeActionParams, type Diagnostic, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import path from 'node:path';
import { analyse, languageOfId, type AnalysedFile, type Analysis } from '../core/analysis/analyse';
import { explainManifest } from '../core/explain/explainManifest';
import { explanationMarkdown } from '../core/explain/renderExplanation';
import { yamlHover } from '../core/hover/hover';
import { terraformHover } from '../core/hover/terraformHover';
import { releaseTerraformFile } from '../core/terraform/parseTerraform';
import { isChartTemplate } from '../core/helm/chart';
import type { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { fileFixes, type LintOptions } from '../core/lint/lint';
import { suppressionEdit } from '../core/lint/suppression';
import { ALL_RULES } from '../core/rules';
import type { Finding } from '../core/rules/rule';
import { COMMANDS } from '../core/commands';
import { DocumentParses } from './documentParses';
import { filePathOf, fileUriOf, lspSeverity } from './lsp';

/**
 * Kubernetes YAML and Terraform documents: one analysis per document version, shared by every feature. Requests never
 * run an analysis: hover reads the parse of the current version (DocumentParses), code actions the last analysis.
 */
export class ManifestFeatures {
  private readonly analyses = new Map<string, AnalysisEntry>();
  /** Parses of YAML versions not analysed yet, for hover and completion. */
  readonly parses = new DocumentParses();
  /** Bumped when something outside the document changes its findings (config, settings, a sibling file). */
  private generation = 0;
  /** When HashiCorp's Terraform extension is installed it reports HCL syntax errors; we do not repeat them. */
  terraformSyntaxElsewhere = false;
  /** What other features find in the document (a Helm template's unknown named templates), published with ours. */
  extraDiagnostics: (document: TextDocument) => Diagnostic[] = () => [];

  constructor(
    private readonly knowledge: () => KnowledgeBase,
    /** Config and neighbouring objects for a document (see LintContext). */
    private readonly lintOptionsFor: (document: TextDocument) => LintContextOptions,
    private readonly packageRoot: string,
  ) {}

  /**
   * Findings may have changed (config, settings, a neighbouring file): analyse again on next use — the given
   * documents only, or every document. The old analysis stays as the base of an incremental Terraform re-parse.
   */
  invalidate(uris?: Iterable<string>): void {
    if (!uris) { this.generation++; return; }
    for (const uri of uris) { const cached = this.analyses.get(uri); if (cached) cached.generation = -1; }
  }

  static handles(document: TextDocument): boolean {
    return languageOfId(document.languageId) !== 'other';
  }

  /** A Kustomize patch (named as one, or carrying `$patch`): its objects leave out what their base has. */
  isPatch(document: TextDocument): boolean {
    return this.entryOf(document).lint.patch === true || document.getText().includes('$patch');
  }

  analysisOf(document: TextDocument): Analysis {
    return this.entryOf(document).analysis;
  }

  /**
   * The analysis of the document's current version in its current context, made now if it is not cached: the same
   * object until the version or the context changes (the scheduler publishes each such object once).
   */
  entryOf(document: TextDocument): AnalysisEntry {
    const cached = this.analyses.get(document.uri);
    if (cached?.version === document.version && cached.generation === this.generation) return cached;
    const lint = this.lintOptionsFor(document);
    // Terraform re-parses incrementally from the previous version's syntax tree (which that consumes).
    const analysis = analyse(document.getText(), languageOfId(document.languageId), ALL_RULES, { incremental: true, previous: cached?.analysis.file, lint, chartTemplate: isChartTemplate(filePathOf(document.uri)) });
    const entry = { version: document.version, generation: this.generation, analysis, lint };
    this.analyses.set(document.uri, entry);
    if (analysis.file?.language === 'yaml') this.parses.offer(document.uri, document.version, analysis.file);
    return entry;
  }

  forget(uri: string): void {
    this.parses.forget(uri);
    const file = this.analyses.get(uri)?.analysis.file;
    if (file?.language === 'terraform') releaseTerraformFile(file); // its tree lives in WebAssembly memory
    this.analyses.delete(uri);
  }

  diagnostics(document: TextDocument): Diagnostic[] {
    const analysis = this.analysisOf(document);
    const diagnostics: Diagnostic[] = [];
    if (analysis.skipped) {
      diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'cnc', message: analysis.skipped });
    }
    const file = analysis.file;
    if (!file) return diagnostics;
    const syntaxProblems = file.language === 'terraform' && this.terraformSyntaxElsewhere ? [] : file.problems;
    for (const problem of syntaxProblems) {
      diagnostics.push({ range: file.lines.rangeOf(problem.span.start, problem.span.end), severity: lspSeverity(problem.severity), source: 'cnc', code: `${file.language}-syntax`, message: problem.message });
    }
    for (const finding of analysis.findings) diagnostics.push(this.toDiagnostic(finding, analysis));
    diagnostics.push(...this.extraDiagnostics(document));
    return diagnostics;
  }

  private toDiagnostic(finding: Finding, analysis: Analysis): Diagnostic {
    const rule = ALL_RULES.find((r) => r.id === finding.ruleId);
    const note = rule ? this.knowledge().note(rule.concept) : undefined;
    return {
      range: analysis.file!.lines.rangeOf(finding.span.start, finding.span.end),
      severity: lspSeverity(finding.severity),
      source: 'cnc',
      code: finding.ruleId,
      // The rule's documentation (generated docs/rules.md, shipped in the extension), anchored by rule id.
      codeDescription: { href: `${fileUriOf(path.join(this.packageRoot, 'docs', 'rules.md'))}#${finding.ruleId}` },
      message: finding.message,
      relatedInformation: note ? [{
        location: { uri: fileUriOf(note.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: `Concept: ${note.title} — ${note.summary}`,
      }] : undefined,
      data: { ruleId: finding.ruleId, start: finding.span.start, end: finding.span.end, concept: rule?.concept },
    };
  }

  hover(document: TextDocument, params: HoverParams): Hover | null {
    const offset = document.offsetAt(params.position);
    const parse = this.parseForRequest(document, offset);
    if (!parse) return null;
    const { file, start, line } = parse;
    const hover = file.language === 'yaml'
      ? yamlHover(file, offset - start, this.knowledge(), { fileName: filePathOf(document.uri) })
      : terraformHover(file, offset, this.knowledge());
    if (!hover) return null;
    const range = file.lines.rangeOf(hover.span.start, hover.span.end);
    return { contents: { kind: 'markdown', value: hover.markdown }, range: { start: { line: range.start.line + line, character: range.start.character }, end: { line: range.end.line + line, character: range.end.character } } };
  }

  /**
   * The parse a request at `offset` needs, never an analysis of YAML: the current version's analysis when there is
   * one, else DocumentParses. Terraform's parse is incremental and belongs to the analysis, made here if needed
   * (Terraform files are small).
   */
  private parseForRequest(document: TextDocument, offset: number): { file: AnalysedFile; start: number; line: number } | undefined {
    const cached = this.analyses.get(document.uri);
    if (cached?.version === document.version && cached.analysis.file) return { file: cached.analysis.file, start: 0, line: 0 };
    if (languageOfId(document.languageId) === 'yaml') return this.parses.parseAt(document, offset, filePathOf(document.uri));
    const file = this.analysisOf(document).file;
    return file && { file, start: 0, line: 0 };
  }

  /** "Explain this manifest": its objects, how they connect, what is missing, as Markdown. */
  explain(document: TextDocument): string | undefined {
    const analysis = this.analysisOf(document);
    if (analysis.file?.language !== 'yaml') return undefined;
    const fileName = filePathOf(document.uri);
    const explanation = explainManifest(analysis.file, { kb: this.knowledge(), fileName, findings: analysis.findings, rules: ALL_RULES });
    return explanationMarkdown(explanation, analysis.file.lines, fileName ? path.basename(fileName) : document.uri);
  }

  /**
   * From the last analysis, even of an older version (requests never wait for one): its concept actions still hold,
   * but its edits were computed on older text, so fixes and suppressions are offered only when it is current.
   */
  codeActions(document: TextDocument, params: CodeActionParams): CodeAction[] {
    const entry = this.analyses.get(document.uri);
    if (!entry?.analysis.file) return [];
    const { analysis, lint } = entry;
    const file = entry.analysis.file;
    const current = entry.version === document.version;
    const actions: CodeAction[] = [];
    const suppressions: CodeAction[] = [];
    const explained = new Set<string>();
    const fixesOf = fileFixes(file, ALL_RULES, lint);
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'cnc') continue;
      const data = diagnostic.data as { ruleId?: string; start?: number; end?: number } | undefined;
      const finding = analysis.findings.find((f) => f.ruleId === data?.ruleId && f.span.start === data?.start && f.span.end === data?.end);
      if (!finding) continue;
      if (current) {
        const { fixes, failure } = fixesOf(finding);
        // A fix that throws is a bug in the rule: said in the menu (greyed out) rather than hidden.
        if (failure) actions.push({ title: `Fix for ${finding.ruleId} failed`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: failure } });
        for (const fix of fixes) {
          actions.push({
            title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.isPreferred, diagnostics: [diagnostic],
            edit: { changes: { [document.uri]: fix.edits.map((e) => ({ range: file.lines.rangeOf(e.span.start, e.span.end), newText: e.newText })) } },
          });
        }
        const suppress = suppressionEdit(finding, file.text, file.lines);
        suppressions.push({
          title: `Suppress ${finding.ruleId} on this line (with a reason)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [{ range: file.lines.rangeOf(suppress.span.start, suppress.span.end), newText: suppress.newText }] } },
        });
      }
      const rule = ALL_RULES.find((r) => r.id === finding.ruleId);
      const note = rule ? this.knowledge().note(rule.concept) : undefined;
      if (note && !explained.has(note.id)) {
        explained.add(note.id);
        actions.push({ title: `Explain ${note.title}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Explain ${note.title}`, command: COMMANDS.openNote, arguments: [note.id] } });
        if (this.knowledge().cardsOf(note.id).length) {
          actions.push({ title: `Review cards for ${note.title}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Review cards for ${note.title}`, command: COMMANDS.reviewCards, arguments: [{ noteId: note.id }] } });
        }
      }
    }
    return [...actions, ...suppressions];
  }
}

export type LintContextOptions = Omit<LintOptions, 'rules' | 'allRules'>;
interface AnalysisEntry { version: number; generation: number; analysis: Analysis; lint: LintContextOptions }
