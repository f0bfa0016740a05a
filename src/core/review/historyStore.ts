import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryEntry } from './historyEntries';
import { parseHistory, serializeHistory, type HistoryDamage } from './historyFile';
import { mergeLogs } from './historyLog';
import { acquireFileLock } from './fileLock';

export type StoreReport =
  /** The history file could not be trusted: it was renamed to `backup` and its readable entries were kept. */
  | { kind: 'damaged'; file: string; backup: string; damage: HistoryDamage }
  /** A write was interrupted (the window closed or crashed mid-write): its reviews were read back from `from`. */
  | { kind: 'recovered'; from: string; entries: number };

export interface HistoryStoreOptions {
  onReport?: (report: StoreReport) => void;
  /** Runs after the temporary file is written and flushed, just before it replaces the history (tests use it to crash there). */
  beforeRename?: (tempPath: string) => void | Promise<void>;
  lockTimeoutMs?: number;
}

/** Raised when reviews could not be saved; they stay in memory and go out with the next successful write. */
export class HistoryWriteError extends Error {
  constructor(message: string, override readonly cause: unknown) { super(message); }
}

interface DiskState { entries: HistoryEntry[]; leftovers: string[]; mustWrite: boolean }

/**
 * The review history on disk, for one or several processes at once (two VS Code windows share one global storage
 * folder). Every change is read-merge-write under a lock file: read what is on disk, merge it with what this process
 * holds, write the union to a temporary file, flush it, and rename it over the history. A reader therefore sees
 * either the old file or the new one, and nobody's reviews are dropped. Damage is never papered over: a file that
 * cannot be trusted is set aside under a dated name and reported, and leftovers of an interrupted write are read back.
 */
export class HistoryStore {
  private entries: HistoryEntry[] = [];
  private loaded = false;
  private unsaved = false;

  constructor(readonly file: string, private readonly options: HistoryStoreOptions = {}) {}

  /** The merged log as this process knows it (load or refresh first). */
  get log(): readonly HistoryEntry[] { return this.entries; }

  /** True while some entries exist only in memory because a write failed. */
  get hasUnsavedEntries(): boolean { return this.unsaved; }

  /** Reads the file (and anything an interrupted write left behind) and merges it into memory. */
  async refresh(): Promise<readonly HistoryEntry[]> {
    const release = await acquireFileLock(`${this.file}.lock`, this.options.lockTimeoutMs);
    try {
      const disk = await this.readDisk();
      const merged = mergeLogs(disk.entries, this.entries);
      this.entries = merged;
      this.loaded = true;
      if (disk.mustWrite || this.unsaved || !sameIds(merged, disk.entries)) await this.write(merged, disk.leftovers);
      return this.entries;
    } finally {
      await release();
    }
  }

  /**
   * Adds the entries `build` makes from the current log (read fresh from disk under the lock, so an answer given in
   * another window is taken into account). If the lock or the write fails, the entries are still kept in memory and
   * a HistoryWriteError says they are not on disk yet.
   */
  async append(build: (log: readonly HistoryEntry[]) => HistoryEntry[]): Promise<HistoryEntry[]> {
    let release: (() => Promise<void>) | undefined;
    let lockError: unknown;
    try { release = await acquireFileLock(`${this.file}.lock`, this.options.lockTimeoutMs); } catch (error) { lockError = error; }
    try {
      let leftovers: string[] = [];
      if (release) {
        const disk = await this.readDisk();
        this.entries = mergeLogs(disk.entries, this.entries);
        leftovers = disk.leftovers;
        this.loaded = true;
      }
      const added = build(this.entries);
      this.entries = mergeLogs(this.entries, added);
      this.unsaved = true;
      if (!release) throw new HistoryWriteError(`The review history is busy (${String((lockError as Error)?.message ?? lockError)}); your answers are kept and will be saved with the next one.`, lockError);
      try {
        await this.write(this.entries, leftovers);
      } catch (error) {
        throw new HistoryWriteError(`Could not save the review history to ${this.file}: ${(error as Error).message}. Your answers are kept and will be saved with the next one.`, error);
      }
      return added;
    } finally {
      await release?.();
    }
  }

  /** Loads once; later calls return what is in memory. */
  async ensureLoaded(): Promise<readonly HistoryEntry[]> {
    return this.loaded ? this.entries : this.refresh();
  }

  private async readDisk(): Promise<DiskState> {
    let entries: HistoryEntry[] = [];
    let mustWrite = false;
    let text: string | undefined;
    try { text = await fs.readFile(this.file, 'utf8'); } catch (error) { if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; }
    if (text !== undefined) {
      const parsed = parseHistory(text);
      entries = parsed.entries;
      if (parsed.damage) {
        const backup = await this.setAside();
        mustWrite = true;
        this.options.onReport?.({ kind: 'damaged', file: this.file, backup, damage: parsed.damage });
      }
    }
    const leftovers = await this.leftoverTempFiles();
    for (const temp of leftovers) {
      let recovered: HistoryEntry[] = [];
      try { recovered = parseHistory(await fs.readFile(temp, 'utf8')).entries; } catch { /* unreadable: nothing to recover */ }
      const known = new Set(entries.map((e) => e.id));
      const fresh = recovered.filter((e) => !known.has(e.id));
      if (fresh.length) {
        entries = mergeLogs(entries, fresh);
        this.options.onReport?.({ kind: 'recovered', from: temp, entries: fresh.length });
      }
      mustWrite = true;
    }
    return { entries, leftovers, mustWrite };
  }

  /** Keeps the damaged file under a dated name beside the history. */
  private async setAside(): Promise<string> {
    const { dir, name, ext } = path.parse(this.file);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let backup = path.join(dir, `${name}.damaged-${stamp}${ext}`);
    for (let i = 1; await exists(backup); i++) backup = path.join(dir, `${name}.damaged-${stamp}-${i}${ext}`);
    await fs.rename(this.file, backup);
    return backup;
  }

  /** Temporary files of writes that never reached their rename (we hold the lock, so none is in progress). */
  private async leftoverTempFiles(): Promise<string[]> {
    const dir = path.dirname(this.file);
    const prefix = `${path.basename(this.file)}.tmp-`;
    try {
      return (await fs.readdir(dir)).filter((n) => n.startsWith(prefix)).map((n) => path.join(dir, n));
    } catch {
      return [];
    }
  }

  private async write(entries: readonly HistoryEntry[], leftovers: readonly string[]): Promise<void> {
    await writeFileAtomically(this.file, serializeHistory(entries), this.options.beforeRename);
    this.unsaved = false;
    await Promise.all(leftovers.map((f) => fs.rm(f, { force: true })));
  }
}

/**
 * Writes `text` to a temporary file beside `file`, flushes it to disk, and renames it over `file`: the rename is
 * atomic, so `file` is never seen half-written. The folder is flushed too where the platform allows it.
 */
export async function writeFileAtomically(file: string, text: string, beforeRename?: (tempPath: string) => void | Promise<void>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await beforeRename?.(temp);
  await fs.rename(temp, file);
  try {
    const dir = await fs.open(path.dirname(file), 'r');
    try { await dir.sync(); } finally { await dir.close(); }
  } catch { /* Windows cannot open a folder for flushing; the rename is still atomic there. */ }
}

function sameIds(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((e) => e.id));
  return b.every((e) => ids.has(e.id));
}

async function exists(file: string): Promise<boolean> {
  try { await fs.access(file); return true; } catch { return false; }
}
