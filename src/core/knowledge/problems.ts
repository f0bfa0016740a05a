import type { NoteProblem } from './note';

/** `path:line: severity: message`, the form editors and terminals turn into links. */
export function formatProblem(problem: NoteProblem): string {
  return `${problem.path}:${problem.line + 1}: ${problem.severity}: ${problem.message}`;
}
