import fs from 'node:fs';
import path from 'node:path';
import { analyse, languageOfPath } from '../core/analysis/analyse';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { detachedObject, type K8sObject } from '../core/model/k8sObject';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Sibling files larger than this, or more of them than this, are not read for cross-object checks. */
export const MAX_SIBLING_BYTES = 2 * 1024 * 1024;
export const MAX_SIBLINGS = 200;

interface IndexedFile { mtimeMs: number; size: number; objects: K8sObject[] }
interface DirectoryState {
  /** The manifests of the directory, as last listed (undefined until the first listing is done). */
  names?: string[];
  /** Bumped whenever the objects of the directory change. */
  version: number;
  /** The directory version each file was last given its neighbours at. */
  seen: Map<string, number>;
  /** The refresh under way, if any; `again` asks it to run once more when it ends (something asked meanwhile). */
  refreshing?: Promise<void>;
  again: boolean;
}

/**
 * Per file on disk, the Kubernetes objects it holds, cached by mtime and size: what cross-object checks see of the
 * other files of a directory. It is filled in the background, one file at a time with a yield to the event loop
 * between files, so reading twenty large neighbours never delays a request; the server analyses with what is known
 * and is told (`onChanged`) when a directory's objects changed, to analyse its open documents again.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly directories = new Map<string, DirectoryState>();

  /** `onChanged` gets the files given neighbours that are now out of date (to analyse again if open). */
  constructor(private readonly onChanged: (files: string[]) => void = () => {}) {}

  /**
   * The objects of the other manifests of `file`'s directory known now (the editor's text of open files wins). Starts
   * a background refresh, which reports what changed through `onChanged`.
   */
  objectsBeside(file: string, openTexts: ReadonlyMap<string, string>): K8sObject[] {
    const self = path.resolve(file);
    const dir = path.dirname(self);
    const state = this.stateOf(dir);
    void this.refresh(dir);
    const objects: K8sObject[] = [];
    for (const name of state.names ?? []) {
      const sibling = path.join(dir, name);
      if (sibling === self) continue;
      const open = openTexts.get(sibling);
      if (open !== undefined) objects.push(...objectsOf(open, sibling));
      else objects.push(...this.files.get(sibling)?.objects ?? []);
    }
    state.seen.set(self, state.version);
    return objects;
  }

  /** Resolves once the directory has been indexed, or after `timeoutMs`, whichever comes first. */
  async whenIndexed(dir: string, timeoutMs: number): Promise<void> {
    const state = this.stateOf(path.resolve(dir));
    if (state.names) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.refresh(path.resolve(dir)), new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); })]);
    clearTimeout(timer);
  }

  /** Re-reads the directory's changed files in the background (coalesced: one refresh per directory at a time). */
  refresh(dir: string): Promise<void> {
    const state = this.stateOf(dir);
    if (state.refreshing) { state.again = true; return state.refreshing; }
    state.refreshing = (async () => {
      try {
        do {
          state.again = false;
          const changed = await this.readDirectory(dir, state);
          if (!changed.length) continue;
          state.version++;
          // A file is not its own neighbour: a save of the open file alone does not make its findings stale.
          const stale = [...state.seen].filter(([file, seenAt]) => seenAt < state.version && !(changed.length === 1 && changed[0] === file)).map(([file]) => file);
          if (stale.length) this.onChanged(stale);
        } while (state.again);
      } finally { state.refreshing = undefined; }
    })();
    return state.refreshing;
  }

  private stateOf(dir: string): DirectoryState {
    let state = this.directories.get(dir);
    if (!state) { state = { again: false, version: 0, seen: new Map() }; this.directories.set(dir, state); }
    return state;
  }

  /** One pass over the directory: the files whose objects changed since the last pass. */
  private async readDirectory(dir: string, state: DirectoryState): Promise<string[]> {
    let names: string[];
    try {
      names = (await fs.promises.readdir(dir)).filter((n) => /\.ya?ml$/i.test(n) && n !== CONFIG_FILE_NAME).sort().slice(0, MAX_SIBLINGS);
    } catch { names = []; }
    const changed = new Set((state.names ?? []).filter((n) => !names.includes(n)).map((n) => path.join(dir, n)));
    for (const name of names) {
      const file = path.join(dir, name);
      const stat = await fs.promises.stat(file).catch(() => undefined);
      const cached = this.files.get(file);
      if (!stat?.isFile() || stat.size > MAX_SIBLING_BYTES) {
        if (cached) { this.files.delete(file); changed.add(file); }
        continue;
      }
      if (cached?.mtimeMs === stat.mtimeMs && cached.size === stat.size) continue;
      const text = await fs.promises.readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      // Parsing is the one synchronous step: one file, then the event loop answers what waits before the next.
      await yieldToEventLoop();
      const objects = indexedObjectsOf(text, file);
      this.files.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, objects });
      // A new file without objects (a values file) changes nothing for its neighbours.
      if (cached || objects.length) changed.add(file);
    }
    for (const file of this.files.keys()) if (path.dirname(file) === dir && !names.includes(path.basename(file))) this.files.delete(file);
    state.names = names;
    return [...changed];
  }
}

function objectsOf(text: string, file: string): K8sObject[] {
  // Only the objects are needed: parse without running any rule.
  return analyse(text, languageOfPath(file), []).file?.objects ?? [];
}

/** A file on disk's objects as the index keeps them: detached (no edit is ever made to a neighbour). */
function indexedObjectsOf(text: string, file: string): K8sObject[] {
  return objectsOf(text, file).map(detachedObject);
}
