import type { Severity } from '../../core/rules/rule';
import { relativePath, syntaxErrorFingerprint, type FileReport } from './report';

const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical'> = { hint: 'info', info: 'minor', warning: 'major', error: 'critical' };

/**
 * GitLab code quality report (a subset of the Code Climate issue format): a JSON array of issues with a description,
 * check name, fingerprint (the baseline fingerprint, so GitLab tells new findings from old ones in merge requests),
 * severity and path + line relative to the project directory.
 */
export function formatGitlab(reports: FileReport[], cwd: string): string {
  const issues = reports.flatMap((report) => {
    const path = relativePath(report.path, cwd);
    return [
      ...report.errors.map((e) => ({
        description: `Syntax error (file not checked): ${e.message}`, check_name: 'syntax-error',
        fingerprint: syntaxErrorFingerprint(path, e.message),
        severity: 'blocker', location: { path, lines: { begin: e.range.start.line + 1, end: e.range.end.line + 1 } },
      })),
      ...report.findings.map((f) => ({
        description: `${f.message} (${f.container ? `${f.object.address}, container ${f.container}` : f.object.address})`,
        check_name: f.ruleId, fingerprint: f.fingerprint, severity: SEVERITY[f.severity],
        location: { path, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
      })),
    ];
  });
  return JSON.stringify(issues, null, 2);
}
