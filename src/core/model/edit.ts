import type { MapNode, ScalarNode, Span } from './tree';

/** Replace the text of `span` with `newText`: what every fix (YAML or HCL) comes down to. */
export interface TextEdit { span: Span; newText: string }

/**
 * Thrown by an editor when an edit cannot be written at that place (a node reached through an alias, a synthetic
 * node, a map without source): the fix is then simply not offered. Anything else a fix throws is a bug and is
 * reported (see lint/fixes.ts).
 */
export class EditUnsupported extends Error {
  override readonly name = 'EditUnsupported';
}

/**
 * Language-neutral edits for fixes. Paths and keys are Kubernetes field names (camelCase); the YAML editor writes
 * YAML keeping indentation, comments and style, the HCL editor writes blocks/attributes keeping formatting.
 * Values are plain JSON values (string, number, boolean, arrays, objects).
 */
export interface ManifestEditor {
  /** Replaces a scalar's value, keeping its quoting; an optional comment is appended on its line. */
  setScalar(node: ScalarNode, value: string | number | boolean, comment?: string): TextEdit[];
  /**
   * Sets `path` (one or more keys) under `map` to `value`, creating missing intermediate maps. An existing value is
   * replaced, with two refinements so edits stay small: an object written onto an existing map is merged key by key
   * (keys not named are kept), and a list written onto an existing list that only adds items at the end, or only
   * drops some items, appends or removes just those items. `comment` (e.g. `TODO: size from measurements`) goes on
   * the line of each written value.
   */
  setIn(map: MapNode, path: string[], value: unknown, comment?: string): TextEdit[];
  /** Removes the entry `key` from `map`. */
  deleteKey(map: MapNode, key: string): TextEdit[];
}
