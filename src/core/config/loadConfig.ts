import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, mergeConfig, parseConfig, settingsToConfig, type CncConfig, type ConfigProblem } from './config';
import { messageOf } from '../util/errors';

export interface LoadedConfig {
  /** Absolute path of the config file, when one was found. */
  path?: string;
  /** Folder that `files` globs and reported paths are relative to (the config file's folder). */
  root?: string;
  config: CncConfig;
  problems: ConfigProblem[];
}

/** Finds `.cnc.yaml` in `startDir` or the nearest parent (stopping at `stopDir` when given, inclusive). */
export function findConfigFile(startDir: string, stopDir?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopDir ? path.resolve(stopDir) : undefined;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; an unreadable file is a problem, never an exception. */
export function loadConfigFile(file: string, knownRuleIds: readonly string[]): LoadedConfig {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    return { path: absolute, root: path.dirname(absolute), config: EMPTY_CONFIG, problems: [{ message: `Cannot read ${absolute}: ${messageOf(error)}`, severity: 'error', span: { start: 0, end: 0 } }] };
  }
  const { config, problems } = parseConfig(text, knownRuleIds);
  return { path: absolute, root: path.dirname(absolute), config, problems };
}

/** The config that applies to files under `dir`: the nearest `.cnc.yaml`, or the empty config. */
export function loadConfigFor(dir: string, knownRuleIds: readonly string[], stopDir?: string): LoadedConfig {
  const file = findConfigFile(dir, stopDir);
  return file ? loadConfigFile(file, knownRuleIds) : { config: EMPTY_CONFIG, problems: [] };
}

/**
 * What the editor needs for one file: the nearest `.cnc.yaml` (not above `stopDir`, the workspace folder) with the
 * user's settings laid over it. Problems of both are returned for display; the valid parts always apply.
 */
export function effectiveConfig(dir: string, knownRuleIds: readonly string[], options: { stopDir?: string; settings?: { rules?: unknown; kubernetesVersion?: unknown }; ignoreFiles?: boolean } = {}): LoadedConfig {
  const loaded: LoadedConfig = options.ignoreFiles ? { config: EMPTY_CONFIG, problems: [] } : loadConfigFor(dir, knownRuleIds, options.stopDir);
  if (!options.settings) return loaded;
  const { config, problems } = settingsToConfig(options.settings, knownRuleIds);
  return { ...loaded, config: mergeConfig(loaded.config, config), problems: [...loaded.problems, ...problems] };
}

/** A file's path relative to the config file's folder, with `/` (what `ignore.files` globs match). */
export function configRelativePath(loaded: LoadedConfig, file: string): string | undefined {
  return loaded.root ? path.relative(loaded.root, path.resolve(file)).split(path.sep).join('/') : undefined;
}
