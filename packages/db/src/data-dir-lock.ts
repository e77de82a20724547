import { randomUUID } from 'node:crypto';
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * An exclusive lock on a PGlite data folder (#10.5): PGlite has no lock of its own, and a second
 * process opening the same folder (the `aim analyst` CLI next to a running server, or a second
 * server) loses acknowledged writes and can leave the folder unopenable (`RuntimeError: Aborted()`).
 *
 * The design is PostgreSQL's postmaster.pid: a file `aim.lock` in the folder, created with the
 * exclusive flag, holding the owner's PID. A lock whose PID is no longer alive is stale and is
 * taken over. Why a PID file and not an mtime-heartbeat library such as proper-lockfile: with a
 * heartbeat, a server killed with kill -9 blocks the next start until the lock's mtime is N
 * seconds old, and a long synchronous step (PGlite's WASM initdb or a big migration blocks the
 * event loop) stops the heartbeat, so the lock looks "compromised" and is taken from a live owner.
 * A PID answers "is the owner still running?" exactly, at once, whatever the owner is busy with.
 */
export const LOCK_FILE_NAME = 'aim.lock';

/** What the lock file holds (one JSON object). */
interface LockContent {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Tells this open apart from an earlier one in a process that had the same PID. */
  token: string;
}

/** A second opener of a data folder that is in use: the message says what to do. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    options: { lockFile: string; host?: string; thisProcess?: boolean },
  ) {
    const owner = options.thisProcess
      ? `this process (PID ${pid}), which has it open already`
      : `another AIM process (PID ${pid || 'unknown'}${options.host && options.host !== hostname() ? ` on host ${options.host}` : ''})`;
    super(
      `The data folder ${dataDir} is in use by ${owner}. Stop that server first, or point DATA_DIR at another folder. ` +
        `If no AIM process is running, delete ${options.lockFile}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly lockFile: string;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): Promise<void>;
}

// The tokens of the locks this process holds: a lock file with our PID is ours only if its token
// is here; otherwise an earlier process had our PID (a container restarts its server as PID 1).
const heldTokens = new Set<string>();

/**
 * Takes the lock on `dataDir` (which must exist) or throws `DataDirInUseError`.
 * A stale lock (its process is gone) is removed and taken, once: if the exclusive create then
 * fails again, another process won the race and we refuse.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const folder = resolve(dataDir);
  const lockFile = join(folder, LOCK_FILE_NAME);
  const content: LockContent = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), token: randomUUID() };

  let tookOverStale = false;
  for (let attempt = 0; !(await createExclusive(lockFile, content)); attempt++) {
    const { raw, owner } = await readLock(lockFile);
    if (raw === undefined && attempt < 5) continue; // released in between: try again
    if (owner && (await isHeldBy(owner))) {
      throw new DataDirInUseError(folder, owner.pid, { lockFile, host: owner.hostname, thisProcess: owner.pid === process.pid });
    }
    if (tookOverStale || raw === undefined) {
      // We removed a stale lock and another process created its own before us (or locks come and go).
      throw new DataDirInUseError(folder, owner?.pid ?? 0, { lockFile, host: owner?.hostname });
    }
    // Stale: remove it, but only if it is still the file we judged (not a new owner's lock).
    if ((await readRaw(lockFile)) === raw) await unlink(lockFile).catch(ignoreMissing);
    tookOverStale = true;
  }

  heldTokens.add(content.token);
  let released = false;
  return {
    dataDir: folder,
    lockFile,
    async release() {
      if (released) return;
      released = true;
      heldTokens.delete(content.token);
      const current = parseLock(await readRaw(lockFile));
      if (current?.pid === process.pid && current.token === content.token) await unlink(lockFile).catch(ignoreMissing);
    },
  };
}

/** Whether the lock's owner is a live process (and, if it is us, a lock this process really holds). */
async function isHeldBy(owner: LockContent): Promise<boolean> {
  if (owner.pid === process.pid) return heldTokens.has(owner.token);
  try {
    process.kill(owner.pid, 0); // signal 0: only asks whether the process exists
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
  return !(await isZombie(owner.pid));
}

/**
 * A process killed with kill -9 stays a zombie until its parent reaps it, and signal 0 still
 * reaches a zombie; it holds no files and runs nothing, so it owns no lock. Linux only (/proc).
 */
async function isZombie(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ...": the command may hold spaces and parentheses, so read after the last ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false; // no /proc (not Linux): trust signal 0
  }
}

async function createExclusive(lockFile: string, content: LockContent): Promise<boolean> {
  let file;
  try {
    file = await open(lockFile, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await file.writeFile(`${JSON.stringify(content)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  return true;
}

/**
 * Reads the lock file. An empty or half-written file may be a lock its owner is writing right
 * now (between the exclusive create and the write), so it is read again for up to a second
 * before it counts as stale (its writer died in between).
 */
async function readLock(lockFile: string): Promise<{ raw?: string; owner?: LockContent }> {
  let raw: string | undefined;
  for (let tries = 0; tries < 20; tries++) {
    raw = await readRaw(lockFile);
    if (raw === undefined) return {};
    const owner = parseLock(raw);
    if (owner) return { raw, owner };
    await sleep(50);
  }
  return { raw };
}

async function readRaw(lockFile: string): Promise<string | undefined> {
  try {
    return await readFile(lockFile, 'utf8');
  } catch (error) {
    ignoreMissing(error);
    return undefined;
  }
}

function parseLock(raw: string | undefined): LockContent | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<LockContent>;
    // A PID must be a positive integer: process.kill(0) or a negative PID would signal a process group.
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 0) return undefined;
    return {
      pid: value.pid as number,
      hostname: String(value.hostname ?? ''),
      startedAt: String(value.startedAt ?? ''),
      token: String(value.token ?? ''),
    };
  } catch {
    return undefined;
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
