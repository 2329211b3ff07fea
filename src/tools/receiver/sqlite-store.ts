import { reportsSchema, toStored, type ReportRow as Row } from './stored-row';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Report } from '../../reports/report';
import type { InsertResult, ReportStore } from './report-store';

const SCHEMA = reportsSchema('INTEGER PRIMARY KEY AUTOINCREMENT');


/**
 * Opens (or creates) the SQLite database. WAL lets the review CLI read while the receiver writes;
 * synchronous=FULL because a report, once acknowledged, must survive a power cut.
 */
export async function openSqliteStore(file: string): Promise<ReportStore> {
  // Loaded on demand: the native module is only needed by the receiver and the reports commands.
  const { default: Database } = await import('better-sqlite3');
  const db: SqliteDatabase = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const byKey = db.prepare<[string], { id: number; body_hash: string }>('SELECT id, body_hash FROM reports WHERE idempotency_key = ?');
  const add = db.prepare(
    'INSERT INTO reports (idempotency_key, body_hash, received_at, kind, category, url, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insert = db.transaction((report: Report, hash: string, receivedAt: string): InsertResult => {
    const existing = byKey.get(report.idempotencyKey);
    if (existing) return { kind: existing.body_hash === hash ? 'duplicate' : 'conflict', id: String(existing.id) };
    const info = add.run(report.idempotencyKey, hash, receivedAt, report.kind, report.category, report.evidence.url, JSON.stringify(report));
    return { kind: 'inserted', id: String(info.lastInsertRowid) };
  });
  return {
    description: `sqlite:${file}`,
    insert: async (report, hash, receivedAt) => insert(report, hash, receivedAt),
    get: async (id) => {
      const row = db.prepare<[string], Row>('SELECT * FROM reports WHERE id = ?').get(id);
      return row ? toStored(row) : null;
    },
    list: async (filter = {}) => {
      const rows = filter.status
        ? db.prepare<[string], Row>('SELECT * FROM reports WHERE status = ? ORDER BY id').all(filter.status)
        : db.prepare<[], Row>('SELECT * FROM reports ORDER BY id').all();
      return rows.map(toStored);
    },
    review: async (id, status, note, at) =>
      db.prepare('UPDATE reports SET status = ?, review_note = ?, reviewed_at = ? WHERE id = ?').run(status, note, at, id).changes > 0,
    ping: async () => void db.prepare('SELECT 1').get(),
    close: async () => void db.close(),
  };
}
