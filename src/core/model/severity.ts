/** How loudly a finding is reported (the LSP's four levels); rules, config and every output format share it. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
