import type { ReportStore } from './report-store';

/** The database used when --db is not given: a file in the current directory. */
export const DEFAULT_DB_FILE = 'liangzhao-reports.sqlite';

/**
 * Opens the store named by --db: a postgres:// (or postgresql://) URL opens PostgreSQL, anything
 * else is a SQLite file path.
 */
export async function openStore(db: string = DEFAULT_DB_FILE): Promise<ReportStore> {
  if (/^postgres(?:ql)?:\/\//i.test(db)) {
    const { openPostgresStore } = await import('./postgres-store');
    return openPostgresStore(db);
  }
  const { openSqliteStore } = await import('./sqlite-store');
  return openSqliteStore(db);
}
