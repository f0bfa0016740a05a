import { parseArgs } from 'node:util';
import { ALL_RULES } from '../../core/rules';
import { ruleMetadata } from '../../core/rules/rule';
import { EXIT, UsageError, type Command } from '../cli';
import { terminalLine } from '../../core/text/escape';
import { messageOf } from '../../core/util/errors';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the checks, with their concept and equivalents in other tools',
  help: 'Usage: cnc rules [--json]\n\nLists every rule: id, severity, on/off by default, title, concept note, rationale, remediation, equivalent ids and known differences from those tools.',
  run(args) {
    let parsed;
    try { parsed = parseArgs({ args, options: { json: { type: 'boolean', default: false } } }); } catch (error) { throw new UsageError(messageOf(error)); }
    const rules = ALL_RULES.map((rule) => ({ ...ruleMetadata(rule), hasFix: Boolean(rule.fix) }));
    if (parsed.values.json) {
      console.log(JSON.stringify(rules, null, 2));
      return EXIT.ok;
    }
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) console.log(terminalLine(`${r.id.padEnd(width)} ${r.severity.padEnd(8)} ${r.enabledByDefault ? 'on ' : 'off'} ${r.hasFix ? 'fix' : '   '}  ${r.title}`));
    return EXIT.ok;
  },
};
