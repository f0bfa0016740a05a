import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A lock older than this is left over from a process that died while holding it: a history write takes milliseconds. */
const STALE_AFTER_MS = 15_000;

/**
 * An exclusive lock between processes on one machine: a lock file holding the owner's pid. The owner is written
 * into a private temporary file first, which is then hard-linked to the lock's name (a link fails if the name
 * exists), so the lock file never exists without its owner: a crash cannot leave an empty lock behind. A lock that
 * is empty or unreadable (left by an older version), whose owner is gone, or that is older than any write could
 * take, is taken over. Returns the release function.
 */
export async function acquireFileLock(lockPath: string, timeoutMs = 5_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  const token = `${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
  for (;;) {
    if (await createWithOwner(lockPath, token)) {
      await removeStrays(lockPath);
      return async () => {
        // Only remove the lock if it is still ours (it may have been taken over after a very long pause).
        try { if ((await fs.readFile(lockPath, 'utf8')) === token) await fs.rm(lockPath, { force: true }); } catch { /* already gone */ }
      };
    }
    const stale = await staleOwner(lockPath);
    if (stale !== undefined) {
      await takeAway(lockPath, stale);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another process holds ${lockPath}`);
    await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 30));
  }
}

/** Creates the lock file with `token` already in it; false when another lock file is in the way. */
async function createWithOwner(lockPath: string, token: string): Promise<boolean> {
  const temp = `${lockPath}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await fs.writeFile(temp, token, { flag: 'wx' });
  try {
    await fs.link(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (some network shares, FAT): exclusive create, then write. The lock is empty
    // for an instant there, so a crash at that instant leaves an empty lock, which the next process takes over at once.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') return await createThenWrite(lockPath, token);
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

async function createThenWrite(lockPath: string, token: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try { handle = await fs.open(lockPath, 'wx'); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try { await handle.writeFile(token); } finally { await handle.close(); }
  return true;
}

/** Owner files and set-aside locks that a process killed mid-step left beside the lock (their pid is gone). */
async function removeStrays(lockPath: string): Promise<void> {
  const dir = path.dirname(lockPath);
  const base = path.basename(lockPath);
  let names: string[];
  try { names = await fs.readdir(dir); } catch { return; }
  for (const name of names) {
    if (!name.startsWith(`${base}.`)) continue;
    const pid = /^(?:stale-)?(\d+)-[a-z0-9]+$/.exec(name.slice(base.length + 1))?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isAlive(Number(pid))) await fs.rm(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (error) { return (error as NodeJS.ErrnoException).code !== 'ESRCH'; }
}

/** The text of a lock that may be taken over (its owner is gone, unknown, or it is too old), else undefined. */
async function staleOwner(lockPath: string): Promise<string | undefined> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
  } catch {
    return undefined; // gone already: the next attempt creates it
  }
  if (Date.now() - mtimeMs > STALE_AFTER_MS) return text;
  const pid = Number(text.split(':')[0]);
  // Every lock this version writes names its owner, so one without a pid was left by a crash.
  if (!Number.isInteger(pid) || pid <= 0) return text;
  if (pid === process.pid) return undefined; // another store in this process holds it
  return isAlive(pid) ? undefined : text;
}

/**
 * Removes a stale lock. Renaming it aside first means only one waiter takes it away; the others find it gone and
 * retry. If what was moved is not the stale lock that was judged (a new owner took over in between), it is put back.
 */
async function takeAway(lockPath: string, judged: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try { await fs.rename(lockPath, aside); } catch { return; /* someone else took it */ }
  try {
    if ((await fs.readFile(aside, 'utf8')) !== judged) await fs.link(aside, lockPath).catch(() => undefined);
  } finally {
    await fs.rm(aside, { force: true });
  }
}
