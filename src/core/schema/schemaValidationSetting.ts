/** `cnc.schemaValidation`: whether our server publishes schema diagnostics for Kubernetes YAML. */
export type SchemaValidationSetting = 'auto' | 'on' | 'off';

/** Red Hat's YAML extension, which validates YAML against schemas the user associates with files. */
export const RED_HAT_YAML_EXTENSION = 'redhat.vscode-yaml';

/** What the client can read of the Red Hat extension's state: whether it is active, and its `yaml.*` settings. */
export interface RedHatYamlState {
  active: boolean;
  /** `yaml.validate` (true when unset). */
  validate?: boolean;
  /** `yaml.schemas`: schema URL or name → glob(s). Red Hat validates Kubernetes files only when one maps `kubernetes`. */
  schemas?: Record<string, string | string[]>;
}

/**
 * True when Red Hat's extension already validates Kubernetes manifests: it is active, validation is on, and a
 * schema association names its built-in `kubernetes` schema (or a Kubernetes JSON schema URL). Without such an
 * association it validates Kubernetes files against nothing, and ours is the only schema check.
 */
export function redHatValidatesKubernetes(state: RedHatYamlState): boolean {
  if (!state.active || state.validate === false) return false;
  return Object.keys(state.schemas ?? {}).some((schema) => schema === 'kubernetes' || /kubernetes[-_/]?(json-)?schema|yannh\/kubernetes|instrumenta\/kubernetes/i.test(schema));
}

/** Whether to publish schema diagnostics, given the setting and what the client saw of Red Hat's extension. */
export function schemaDiagnosticsEnabled(setting: SchemaValidationSetting | undefined, redHatValidates: boolean): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return !redHatValidates;
}
