import type { ManifestEditor } from '../rules/editor';
import type { ParsedYamlFile } from './parseYaml';
import { replaceScalar } from './yamlScalarEdits';

/** YAML implementation of the fix editor. setIn/deleteKey edit through the yaml CST (see issue 5's rules). */
export function yamlEditor(file: ParsedYamlFile): ManifestEditor {
  return {
    setScalar: (node, value, comment) => replaceScalar(file.text, node, String(value), comment),
    setIn: () => { throw new Error('setIn is not implemented for YAML yet'); },
    deleteKey: () => { throw new Error('deleteKey is not implemented for YAML yet'); },
  };
}
