import type { CncConfig } from '../config/config';
import type { Rule, Severity } from '../rules/rule';
import { LINT_NOTICES } from './notices';

export interface ActiveRule { rule: Rule; severity: Severity }

/**
 * Which rules run and at what severity. The config decides first (`off`, `on`, or a severity, which turns a rule on);
 * otherwise a rule runs when it is on by default, or when `allRules` asks for every rule. A rule the config turns
 * off stays off even with `allRules`.
 */
export function activeRules(rules: readonly Rule[], config: CncConfig, allRules: boolean): ActiveRule[] {
  return rules.flatMap((rule) => {
    const setting = config.rules[rule.id];
    if (setting === 'off') return [];
    if (setting === undefined && !rule.enabledByDefault && !allRules) return [];
    return [{ rule, severity: setting === undefined || setting === 'on' ? rule.severity : setting }];
  });
}

/** Severity of an engine notice, or undefined when the config turns it off. */
export function noticeSeverity(id: string, config: CncConfig): Severity | undefined {
  const notice = LINT_NOTICES.find((n) => n.id === id);
  const setting = config.rules[id];
  if (!notice || setting === 'off') return undefined;
  return setting === undefined || setting === 'on' ? notice.severity : setting;
}

/** Every id the config may name: the rules given and the engine's notices. */
export function configurableIds(rules: readonly Rule[]): string[] {
  return [...rules.map((r) => r.id), ...LINT_NOTICES.map((n) => n.id)];
}
