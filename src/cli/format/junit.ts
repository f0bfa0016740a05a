import { relativePath, type FileReport } from './report';

/**
 * JUnit XML, which CI systems show as a test report (GitLab's `artifacts:reports:junit`, Jenkins, Azure DevOps): one
 * test suite per file, one failing test case per finding (classname = file, name = rule and object), a syntax error
 * as an erroring case, a skipped file as a skipped case, and a file without findings as one passing case.
 */
export function formatJunit(reports: FileReport[], cwd: string): string {
  const suites: string[] = [];
  let tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const report of reports) {
    const file = relativePath(report.path, cwd);
    const cases: string[] = [];
    let suiteFailures = 0;
    const line = (range: FileReport['errors'][number]['range']) => `${file}:${range.start.line + 1}:${range.start.character + 1}`;
    if (report.skipped) cases.push(testCase(file, 'cnc lint', `<skipped message="${xml(report.skipped)}"/>`));
    for (const e of report.errors) {
      cases.push(testCase(file, `syntax error at line ${e.range.start.line + 1}`, `<error type="syntax-error" message="${xml(e.message)}">${xml(`${line(e.range)}: ${e.message} (the file was not checked)`)}</error>`));
    }
    for (const f of report.findings) {
      suiteFailures++;
      const object = f.container ? `${f.object.address}, container ${f.container}` : f.object.address;
      const body = `${line(f.range)}: ${f.severity}: ${f.message}\nrule: ${f.ruleId}\nobject: ${object}${f.concept ? `\nconcept: ${f.concept}` : ''}`;
      cases.push(testCase(file, `${f.ruleId} ${object} (line ${f.range.start.line + 1})`, `<failure type="${xml(f.ruleId)}" message="${xml(`${f.severity}: ${f.message}`)}">${xml(body)}</failure>`));
    }
    if (cases.length === 0) cases.push(testCase(file, 'cnc lint', ''));
    tests += cases.length; failures += suiteFailures; errors += report.errors.length; skipped += report.skipped ? 1 : 0;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="${report.errors.length}" skipped="${report.skipped ? 1 : 0}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cnc lint" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}

function testCase(classname: string, name: string, content: string): string {
  const open = `    <testcase classname="${xml(classname)}" name="${xml(name)}"`;
  return content ? `${open}>\n      ${content}\n    </testcase>` : `${open}/>`;
}

/**
 * Text for XML content and attribute values: markup characters as entities, and characters XML 1.0 cannot hold at
 * all (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF) as a visible `\uXXXX`, so the report stays
 * well-formed whatever a manifest contains.
 */
export function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold are exactly what this replaces
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    // Newlines in attribute values would be normalised to spaces by parsers; as references they survive.
    .replace(/\r/g, '&#13;');
}
