import type { Severity } from '../../core/rules/rule';
import type { Range } from '../../core/text/lineIndex';

/** One linted file as every output format sees it (positions 1-based only when printed as text). */
export interface FileReport {
  path: string;
  language: string;
  skipped?: string;
  findings: ReportedFinding[];
}

export interface ReportedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  object?: { address: string; kind?: string; name?: string; namespace?: string };
  concept?: string;
}
