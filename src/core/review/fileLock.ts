import { promises as fs } from 'node:fs';

/** A lock older than this is left over from a process that died while holding it: a history write takes milliseconds. */
const STALE_AFTER_MS = 15_000;

/**
 * An exclusive lock between processes on one machine: a lock file created with O_EXCL, holding the owner's pid.
 * A lock whose owner is gone, or that is older than any write could take, is taken over. Returns the release function.
 */
export async function acquireFileLock(lockPath: string, timeoutMs = 5_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  const token = `${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      try { await handle.writeFile(token); } finally { await handle.close(); }
      return async () => {
        // Only remove the lock if it is still ours (it may have been taken over after a very long pause).
        try { if ((await fs.readFile(lockPath, 'utf8')) === token) await fs.rm(lockPath, { force: true }); } catch { /* already gone */ }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath)) {
      // Renaming first means only one waiter takes a stale lock away; the others find it gone and retry.
      const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
      try { await fs.rename(lockPath, aside); await fs.rm(aside, { force: true }); } catch { /* someone else took it */ }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another process holds ${lockPath}`);
    await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 30));
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    if (Date.now() - stat.mtimeMs > STALE_AFTER_MS) return true;
    const pid = Number(text.split(':')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
    try { process.kill(pid, 0); return false; } catch (error) { return (error as NodeJS.ErrnoException).code === 'ESRCH'; }
  } catch {
    return false;
  }
}
