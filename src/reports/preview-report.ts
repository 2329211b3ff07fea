import type { Report } from './report';

/** Exactly what goes over the wire for one report: the only body and headers the outbox ever sends. */
export interface ReportPreview {
  /** The parsed body, for the preview screen to show field by field. */
  body: Report;
  /** The serialized body, byte for byte what is POSTed. */
  json: string;
  /** UTF-8 size of `json`. */
  bytes: number;
  headers: { 'content-type': 'application/json'; 'idempotency-key': string };
}

/**
 * What will be sent for this report, and nothing more: the outbox posts `json` with `headers` and
 * no cookies or credentials, so the preview the user approves is the request itself.
 */
export function previewReport(report: Report): ReportPreview {
  const json = JSON.stringify(report);
  return {
    body: JSON.parse(json) as Report,
    json,
    bytes: new TextEncoder().encode(json).length,
    headers: { 'content-type': 'application/json', 'idempotency-key': report.idempotencyKey },
  };
}
