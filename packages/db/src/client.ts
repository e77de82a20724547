import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The drizzle database, whichever engine is underneath: code above this package never knows. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction offers the same queries as the database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseOptions =
  /** A PostgreSQL server (postgres.js). */
  | { databaseUrl: string; maxConnections?: number }
  /** Embedded PGlite, persisted in `dataDir`; in memory when it is omitted. */
  | { databaseUrl?: undefined; dataDir?: string; loadDataDir?: Blob };

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

// Any fixed number: every API process takes this lock so only one applies migrations at a time.
const MIGRATION_LOCK_ID = 7_601_103_000;

/** Opens the database and applies pending migrations (they run at every start). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== undefined) {
    await migratePostgresServer(options.databaseUrl);
    const client = postgres(options.databaseUrl, { max: options.maxConnections ?? 10, onnotice: () => {} });
    return {
      db: drizzlePostgres({ client, schema }) as unknown as Database,
      engine: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
  }
  // Only a folder on disk can be opened twice; in memory (and a loaded dump) it is this process's alone (#10.5).
  let lock: DataDirLock | undefined;
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    lock = await acquireDataDirLock(options.dataDir);
  }
  let client: PGlite | undefined;
  try {
    client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    const opened = client;
    return {
      db: db as unknown as Database,
      engine: 'pglite',
      close: async () => {
        try {
          await opened.close();
        } finally {
          await lock?.release();
        }
      },
    };
  } catch (error) {
    // A failed start leaves no lock behind (it would be stale once we exit, but be clean).
    await client?.close().catch(() => {});
    await lock?.release().catch(() => {});
    throw error;
  }
}

async function migratePostgresServer(databaseUrl: string): Promise<void> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
