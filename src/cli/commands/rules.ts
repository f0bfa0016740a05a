import { parseArgs } from 'node:util';
import { ALL_RULES } from '../../core/rules';
import { EXIT, UsageError, type Command } from '../cli';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the checks, with their concept and equivalents in other tools',
  help: 'Usage: cnc rules [--json]\n\nLists every rule: id, severity, on/off by default, title, concept note, rationale, remediation and equivalent ids.',
  run(args) {
    let parsed;
    try { parsed = parseArgs({ args, options: { json: { type: 'boolean', default: false } } }); } catch (error) { throw new UsageError((error as Error).message); }
    const rules = ALL_RULES.map(({ id, title, severity, enabledByDefault, concept, rationale, remediation, equivalents, fix }) =>
      ({ id, title, severity, enabledByDefault, concept, rationale, remediation, equivalents, hasFix: Boolean(fix) }));
    if (parsed.values.json) console.log(JSON.stringify(rules, null, 2));
    else for (const r of rules) console.log(`${r.id.padEnd(28)} ${r.severity.padEnd(8)} ${r.enabledByDefault ? 'on ' : 'off'} ${r.hasFix ? 'fix' : '   '}  ${r.title}`);
    return EXIT.ok;
  },
};
