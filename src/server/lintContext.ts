import path from 'node:path';
import type { ConfigProblem } from '../core/config/config';
import { configRelativePath, effectiveConfig, type LoadedConfig } from '../core/config/loadConfig';
import type { LintOptions } from '../core/lint/lint';
import { configurableIds } from '../core/lint/ruleSettings';
import { diskReader, isKustomization, isNamedAsPatch, kustomizationOnDisk } from '../core/lint/kustomize';
import { ALL_RULES } from '../core/rules';
import type { LintSettings } from './protocol';
import { WorkspaceIndex } from './workspaceIndex';

/** How long a first analysis waits for its directory to be indexed before it goes on with what is known. */
const NEIGHBOURS_WAIT_MS = 300;

/**
 * What a file is linted with in the editor, exactly as `cnc lint` does it: the nearest `.cnc.yaml` (up to the
 * workspace folder) with the user's VS Code settings over it, and the objects of the other manifests in the same
 * directory (open documents' unsaved text wins), so cross-object checks see a Service and its Deployment in two files.
 * The neighbours come from a WorkspaceIndex filled in the background: never read while a request waits.
 */
export class LintContext {
  private settings: LintSettings = {};
  private workspaceFolders: string[] = [];
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly ruleIds = configurableIds(ALL_RULES);
  private readonly index: WorkspaceIndex;

  /** `onNeighboursChanged` gets the files whose neighbours' objects changed since they were last linted. */
  constructor(onNeighboursChanged: (files: string[]) => void = () => {}) {
    this.index = new WorkspaceIndex(onNeighboursChanged);
  }

  /** Waits (briefly, yielding) for the file's directory to be indexed, so a first analysis sees its neighbours. */
  neighboursReady(file: string): Promise<void> {
    return this.index.whenIndexed(path.dirname(path.resolve(file)), NEIGHBOURS_WAIT_MS);
  }

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
    return { config: loaded.config, path: configRelativePath(loaded, file), workspaceObjects: this.index.objectsBeside(file, openTexts), patch, kustomization };
  }
}
