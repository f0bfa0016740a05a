import fs from 'node:fs';
import path from 'node:path';
import { analyse, languageOfPath } from '../core/analysis/analyse';
import { CONFIG_FILE_NAME, type ConfigProblem } from '../core/config/config';
import { configRelativePath, effectiveConfig, type LoadedConfig } from '../core/config/loadConfig';
import type { LintOptions } from '../core/lint/lint';
import { configurableIds } from '../core/lint/ruleSettings';
import { diskReader, isKustomization, isNamedAsPatch, kustomizationOnDisk } from '../core/lint/kustomize';
import type { K8sObject } from '../core/model/k8sObject';
import { ALL_RULES } from '../core/rules';

/** Sibling files larger than this, or more of them than this, are not read for cross-object checks. */
const MAX_SIBLING_BYTES = 2 * 1024 * 1024;
const MAX_SIBLINGS = 200;

import type { LintSettings } from './protocol';

/**
 * What a file is linted with in the editor, exactly as `cnc lint` does it: the nearest `.cnc.yaml` (up to the
 * workspace folder) with the user's VS Code settings over it, and the objects of the other manifests in the same
 * directory (open documents' unsaved text wins), so cross-object checks see a Service and its Deployment in two files.
 */
export class LintContext {
  private settings: LintSettings = {};
  private workspaceFolders: string[] = [];
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly siblings = new Map<string, { mtimeMs: number; objects: K8sObject[] }>();
  private readonly ruleIds = configurableIds(ALL_RULES);

  setWorkspaceFolders(folders: string[]): void { this.workspaceFolders = folders.map((f) => path.resolve(f)); this.configs.clear(); }
  setSettings(settings: LintSettings): void { this.settings = settings ?? {}; this.configs.clear(); }
  /** A `.cnc.yaml` changed on disk or in the editor. */
  configChanged(): void { this.configs.clear(); }

  /** The loaded config for a directory (cached until a config or a setting changes). */
  configFor(dir: string): LoadedConfig {
    let loaded = this.configs.get(dir);
    if (!loaded) {
      const stopDir = this.workspaceFolders.find((f) => dir === f || dir.startsWith(f + path.sep));
      const settings = { rules: this.settings.rules, kubernetesVersion: this.settings.kubernetesVersion };
      // Untrusted workspace: the user's settings only, never a config file from the workspace.
      loaded = this.settings.useConfigFiles === false
        ? effectiveConfig(dir, this.ruleIds, { stopDir: dir, settings, ignoreFiles: true })
        : effectiveConfig(dir, this.ruleIds, { stopDir, settings });
      this.configs.set(dir, loaded);
    }
    return loaded;
  }

  /** Every config file in use with its problems (settings problems have no file: reported with `file` undefined). */
  configProblems(): { file?: string; problems: ConfigProblem[] }[] {
    const byFile = new Map<string | undefined, ConfigProblem[]>();
    for (const loaded of this.configs.values()) {
      for (const problem of loaded.problems) {
        const file = problem.span.end > problem.span.start || loaded.path ? loaded.path : undefined;
        const list = byFile.get(file) ?? [];
        if (!list.some((p) => p.message === problem.message)) list.push(problem);
        byFile.set(file, list);
      }
    }
    return [...byFile].map(([file, problems]) => ({ file, problems }));
  }

  /** Lint options for a file on disk; `openTexts` gives the editor's text of open files (by absolute path). */
  optionsFor(file: string, openTexts: Map<string, string>): Omit<LintOptions, 'rules' | 'allRules'> {
    const dir = path.dirname(path.resolve(file));
    const loaded = this.configFor(dir);
    // A Kustomize patch (named by a kustomization here or above, up to the workspace folder, or by an open one) is partial.
    const stopAt = this.workspaceFolders.find((f) => dir === f || dir.startsWith(f + path.sep));
    const read = diskReader(openTexts);
    const patch = isNamedAsPatch(file, read, { stopAt, alsoNamedBy: [...openTexts.keys()].filter(isKustomization) });
    const kustomization = isKustomization(file) ? kustomizationOnDisk(file, read) : undefined;
    return { config: loaded.config, path: configRelativePath(loaded, file), workspaceObjects: this.siblingObjects(file, openTexts), patch, kustomization };
  }

  private siblingObjects(file: string, openTexts: Map<string, string>): K8sObject[] {
    const self = path.resolve(file);
    const dir = path.dirname(self);
    let names: string[];
    try { names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n) && n !== CONFIG_FILE_NAME).slice(0, MAX_SIBLINGS); } catch { return []; }
    const objects: K8sObject[] = [];
    for (const name of names) {
      const sibling = path.join(dir, name);
      if (sibling === self) continue;
      const open = openTexts.get(sibling);
      if (open !== undefined) { objects.push(...objectsOf(open, sibling)); continue; }
      let stat: fs.Stats;
      try { stat = fs.statSync(sibling); } catch { continue; }
      if (!stat.isFile() || stat.size > MAX_SIBLING_BYTES) continue;
      const cached = this.siblings.get(sibling);
      if (cached?.mtimeMs === stat.mtimeMs) { objects.push(...cached.objects); continue; }
      let text: string;
      try { text = fs.readFileSync(sibling, 'utf8'); } catch { continue; }
      const found = objectsOf(text, sibling);
      this.siblings.set(sibling, { mtimeMs: stat.mtimeMs, objects: found });
      objects.push(...found);
    }
    return objects;
  }
}

function objectsOf(text: string, file: string): K8sObject[] {
  // Only the objects are needed: parse without running any rule.
  return analyse(text, languageOfPath(file), []).file?.objects ?? [];
}
