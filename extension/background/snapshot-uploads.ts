import type { SnapshotPart } from '../../src/scan/locator';
import { MAX_SNAPSHOT_CHARS } from '../protocol/messages';

/** Uploads a tab may have under way; a newer one drops the oldest. */
const UPLOADS_PER_TAB = 2;
/** An upload not finished by a checkPage within this time is dropped. */
const STALE_MS = 60_000;

type Field = 'head' | 'body' | 'html';

interface Upload {
  tabId: number;
  started: number;
  chars: number;
  /** part → field → pieces in order. */
  fields: Map<number, Map<Field, string[]>>;
}

/**
 * A large page snapshot arrives in pieces (uploadPiece), each in a task of its own on the page, so
 * that no single message costs the page's main thread more than about 15 ms to serialize; the
 * checkPage that follows names the upload and its parts arrive empty. Pieces live in the worker's
 * memory only: a worker restarted mid-way has none, the scan is refused and the page sends again.
 */
export class SnapshotUploads {
  private readonly uploads = new Map<string, Upload>();

  add(tabId: number, id: string, part: number, field: Field, text: string): number {
    this.dropStale();
    let upload = this.uploads.get(id);
    if (upload && upload.tabId !== tabId) throw new Error('upload of another tab');
    if (!upload) {
      const mine = [...this.uploads].filter(([, u]) => u.tabId === tabId);
      for (const [old] of mine.slice(0, Math.max(0, mine.length - UPLOADS_PER_TAB + 1))) this.uploads.delete(old);
      upload = { tabId, started: Date.now(), chars: 0, fields: new Map() };
      this.uploads.set(id, upload);
    }
    if (upload.chars + text.length > MAX_SNAPSHOT_CHARS) {
      this.uploads.delete(id);
      throw new Error(`upload larger than ${MAX_SNAPSHOT_CHARS} characters`);
    }
    upload.chars += text.length;
    let fields = upload.fields.get(part);
    if (!fields) upload.fields.set(part, (fields = new Map()));
    const pieces = fields.get(field) ?? [];
    pieces.push(text);
    fields.set(field, pieces);
    return upload.chars;
  }

  /** The parts of a finished upload, filled in; the upload is forgotten. */
  take(tabId: number, id: string, parts: SnapshotPart[]): SnapshotPart[] {
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    if (!upload || upload.tabId !== tabId) throw new Error('upload not found (the worker may have restarted): send the page again');
    const text = (part: number, field: Field) => upload.fields.get(part)?.get(field)?.join('') ?? '';
    return parts.map((p, i) => (p.kind === 'document' ? { kind: 'document', head: text(i, 'head'), body: text(i, 'body') } : { kind: 'shadow', html: text(i, 'html') }));
  }

  forgetTab(tabId: number): void {
    for (const [id, u] of this.uploads) if (u.tabId === tabId) this.uploads.delete(id);
  }

  private dropStale(): void {
    const now = Date.now();
    for (const [id, u] of this.uploads) if (now - u.started > STALE_MS) this.uploads.delete(id);
  }
}
