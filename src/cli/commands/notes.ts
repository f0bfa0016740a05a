import path from 'node:path';
import { KnowledgeBase } from '../../core/knowledge/knowledgeBase';
import { readNotesFolder } from '../../core/knowledge/loadNotes';
import { MAX_RELEASES_BEHIND, noteFreshnessProblems } from '../../core/knowledge/noteChecks';
import { formatProblem } from '../../core/knowledge/problems';
import { builtInData } from '../../core/schema/builtInData';
import { EXIT, UsageError, packageRoot, type Command } from '../cli';
import { terminalText } from '../../core/text/escape';

export const notesCommand: Command = {
  name: 'notes',
  summary: 'validate notes folders (front matter, cards, links)',
  help: [
    'Usage: cnc notes check [DIRS...]',
    '',
    'Validates notes the way the extension loads them: front matter, card syntax, duplicate ids and cards, and',
    '[[links]] that point to no note. Without DIRS, checks the bundled notes. Links may point into the bundled notes.',
    `Warns when a note's \`kubernetesVersion\` is more than ${MAX_RELEASES_BEHIND} releases behind the shipped API data, and`,
    'when a note names a Kubernetes release but cites no source (a URL in `sources:`/`docs:` or in the text).',
    'Exit 1 when any error is found.',
  ].join('\n'),
  run(args) {
    const [sub, ...dirs] = args;
    if (sub !== 'check') throw new UsageError(sub ? `unknown notes subcommand "${sub}"` : 'give a subcommand: check');
    const bundledDir = path.join(packageRoot(), 'knowledge');
    const targets = dirs.length ? dirs.map((d) => path.resolve(d)) : [bundledDir];
    const parsed = targets.flatMap((dir) => readNotesFolder(dir, dir));
    // User notes may link to bundled ones, so the bundled notes are loaded too (their problems are not reported).
    const extra = targets.includes(bundledDir) ? [] : readNotesFolder(bundledDir, 'bundled').map((p) => ({ ...p, problems: [] }));
    const kb = KnowledgeBase.fromParsed([...parsed, ...extra]);
    const checked = parsed.flatMap((p) => (p.note && kb.note(p.note.id) === p.note ? [p.note] : []));
    const problems = [...kb.problems, ...noteFreshnessProblems(checked, builtInData().kubernetesVersion)];
    const inTargets = problems.filter((p) => targets.some((t) => path.resolve(p.path).startsWith(t)));
    for (const problem of inTargets) console.log(terminalText(formatProblem({ ...problem, path: path.relative(process.cwd(), problem.path) })));
    const errors = inTargets.filter((p) => p.severity === 'error').length;
    const noteCount = parsed.filter((p) => p.note).length;
    const cardCount = parsed.reduce((n, p) => n + p.cards.length, 0);
    console.log(`${noteCount} notes, ${cardCount} cards, ${errors} error(s), ${inTargets.length - errors} warning(s).`);
    return errors ? EXIT.findings : EXIT.ok;
  },
};
