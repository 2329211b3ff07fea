import { reportsSchema, toStored, type ReportRow as Row } from './stored-row';

import type { ReportStore } from './report-store';

const SCHEMA = reportsSchema('BIGSERIAL PRIMARY KEY');

/** Hides the password when the connection string is shown in logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'postgres://(unparsable)';
  }
}

/**
 * PostgreSQL store (same table as SQLite, the same columns). Deduplication is one
 * `INSERT … ON CONFLICT DO NOTHING`, so concurrent receivers sharing the database still keep one
 * row per idempotency key.
 */
export async function openPostgresStore(connectionString: string): Promise<ReportStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: 5, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle connection dropped by the server must not crash the receiver; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query(SCHEMA);
  } catch (error) {
    await pool.end();
    throw new Error(`cannot open PostgreSQL ${redact(connectionString)}: ${(error as Error).message}`);
  }
  return {
    description: redact(connectionString),
    async insert(report, hash, receivedAt) {
      const inserted = await pool.query<{ id: string }>(
        `INSERT INTO reports (idempotency_key, body_hash, received_at, kind, category, url, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [report.idempotencyKey, hash, receivedAt, report.kind, report.category, report.evidence.url, JSON.stringify(report)],
      );
      if (inserted.rows[0]) return { kind: 'inserted', id: String(inserted.rows[0].id) };
      const existing = await pool.query<{ id: string; body_hash: string }>('SELECT id, body_hash FROM reports WHERE idempotency_key = $1', [
        report.idempotencyKey,
      ]);
      const row = existing.rows[0];
      if (!row) throw new Error('report vanished between insert and select');
      return { kind: row.body_hash === hash ? 'duplicate' : 'conflict', id: String(row.id) };
    },
    async get(id) {
      if (!/^\d+$/.test(id)) return null;
      const result = await pool.query<Row>('SELECT * FROM reports WHERE id = $1', [id]);
      return result.rows[0] ? toStored(result.rows[0]) : null;
    },
    async list(filter = {}) {
      const result = filter.status
        ? await pool.query<Row>('SELECT * FROM reports WHERE status = $1 ORDER BY id', [filter.status])
        : await pool.query<Row>('SELECT * FROM reports ORDER BY id');
      return result.rows.map(toStored);
    },
    async review(id, status, note, at) {
      if (!/^\d+$/.test(id)) return false;
      const result = await pool.query('UPDATE reports SET status = $1, review_note = $2, reviewed_at = $3 WHERE id = $4', [status, note, at, id]);
      return (result.rowCount ?? 0) > 0;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
