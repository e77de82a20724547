import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client.js';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE_NAME } from './data-dir-lock.js';

const OPEN_TIMEOUT = 30_000;

/** The PID of a process that has exited: nothing lives under it (until the PID is reused). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (!child.pid) throw new Error('could not spawn node');
  return child.pid;
}

function lockContent(pid: number, token = 'someone-else'): string {
  return `${JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString(), token })}\n`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function selectOne(handle: DatabaseHandle): Promise<unknown> {
  const result = (await handle.db.execute(sql`select 1 as one`)) as unknown as { rows: { one: number }[] };
  return result.rows[0]?.one;
}

const folders: string[] = [];
async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'aim-lock-test-'));
  folders.push(folder);
  return folder;
}
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('the PGlite data folder lock (#10.5)', () => {
  // One folder for the whole file: the first open runs initdb (~4 s), later opens are quicker.
  let dataDir: string;
  let lockFile: string;
  let first: DatabaseHandle | undefined;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = await tempFolder();
    lockFile = join(dataDir, LOCK_FILE_NAME);
  });
  afterEach(async () => {
    await first?.close();
    first = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    child = undefined;
  });

  it(
    'refuses a second open of a folder that an open handle holds, naming the folder and the PID, and writes nothing (#10.5)',
    async () => {
      first = await openDatabase({ dataDir });
      const lockBefore = await readFile(lockFile, 'utf8');
      const filesBefore = (await readdir(dataDir, { recursive: true })).sort();
      expect(JSON.parse(lockBefore)).toMatchObject({ pid: process.pid, hostname: hostname() });

      const second = openDatabase({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
      const error = (await second.catch((e: unknown) => e)) as DataDirInUseError;
      expect(error.dataDir).toBe(dataDir);
      expect(error.pid).toBe(process.pid);
      expect(error.message).toContain(dataDir);
      expect(error.message).toContain(`PID ${process.pid}`);
      expect(error.message).toContain(lockFile);

      expect(await readFile(lockFile, 'utf8')).toBe(lockBefore);
      expect((await readdir(dataDir, { recursive: true })).sort()).toEqual(filesBefore);
      expect(await selectOne(first)).toBe(1);
    },
    OPEN_TIMEOUT,
  );

  it(
    'opens the folder again after close(), which removes the lock file (#10.5)',
    async () => {
      expect(await exists(lockFile)).toBe(false);
      first = await openDatabase({ dataDir });
      expect(await selectOne(first)).toBe(1);
      await first.close();
      first = undefined;
      expect(await exists(lockFile)).toBe(false);
    },
    OPEN_TIMEOUT,
  );

  it(
    'takes over a lock left by a process that is gone (kill -9 must not block a restart) (#10.5)',
    async () => {
      await writeFile(lockFile, lockContent(deadPid()));
      first = await openDatabase({ dataDir });
      expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
      expect(await selectOne(first)).toBe(1);
    },
    OPEN_TIMEOUT,
  );

  it(
    'refuses while another live process holds the lock, and opens once it is killed (#10.5)',
    async () => {
      child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      await once(child, 'spawn');
      const childPid = child.pid as number;
      await writeFile(lockFile, lockContent(childPid));

      const refused = (await openDatabase({ dataDir }).catch((e: unknown) => e)) as DataDirInUseError;
      expect(refused).toBeInstanceOf(DataDirInUseError);
      expect(refused.pid).toBe(childPid);
      expect(refused.message).toContain(`another AIM process (PID ${childPid})`);
      expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: childPid });

      child.kill('SIGKILL');
      await once(child, 'exit');
      first = await openDatabase({ dataDir });
      expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
      expect(await selectOne(first)).toBe(1);
    },
    OPEN_TIMEOUT,
  );
});

describe('acquireDataDirLock (#10.5)', () => {
  it('refuses a lock held by a live process, also one of another user (EPERM counts as alive)', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, LOCK_FILE_NAME), lockContent(1)); // PID 1 always lives
    await expect(acquireDataDirLock(folder)).rejects.toMatchObject({ name: 'DataDirInUseError', pid: 1 });
  });

  it('takes over a lock with our own PID that this process does not hold (a restarted container)', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, LOCK_FILE_NAME), lockContent(process.pid, 'an-earlier-life'));
    const lock = await acquireDataDirLock(folder);
    await expect(acquireDataDirLock(folder)).rejects.toBeInstanceOf(DataDirInUseError);
    await lock.release();
    expect(await exists(join(folder, LOCK_FILE_NAME))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('takes over a lock of a killed process that is not reaped yet (a zombie)', async () => {
    // sh starts a child that exits at once, then becomes `sleep`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const [line] = (await once(parent.stdout, 'data')) as [Buffer];
      const zombie = Number(line.toString().trim());
      await expect.poll(async () => (await readFile(`/proc/${zombie}/stat`, 'utf8')).split(') ')[1]?.[0]).toBe('Z');
      const folder = await tempFolder();
      await writeFile(join(folder, LOCK_FILE_NAME), lockContent(zombie));
      const lock = await acquireDataDirLock(folder);
      expect(JSON.parse(await readFile(lock.lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
      await lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('takes over a lock file that is not a lock (garbage or empty)', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, LOCK_FILE_NAME), 'not json');
    const lock = await acquireDataDirLock(folder);
    expect(JSON.parse(await readFile(lock.lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('release removes the lock file only while it still holds our lock', async () => {
    const folder = await tempFolder();
    const lock = await acquireDataDirLock(folder);
    const otherPid = deadPid();
    await writeFile(lock.lockFile, lockContent(otherPid));
    await lock.release();
    expect(JSON.parse(await readFile(lock.lockFile, 'utf8'))).toMatchObject({ pid: otherPid });
  });
});
