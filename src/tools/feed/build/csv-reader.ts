import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

/** A CSV record with the physical line it started on (1-based), or a problem on that line. */
export type CsvRow = { line: number; fields: string[] } | { line: number; error: string };

export type CsvEncoding = 'utf-8' | 'gbk';

/**
 * Picks the encoding of a CSV file: a UTF-8 BOM says UTF-8; otherwise the whole file is checked as
 * UTF-8 (streamed, so it costs a pass but no memory), and anything invalid means GBK (GB18030, its
 * superset), which is what Excel on Chinese Windows writes.
 */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      if (first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
      first = false;
      decoder.decode(buf, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch (error) {
    if (error instanceof TypeError) return 'gbk';
    throw error;
  }
}

/**
 * Decoded text of a file, chunk by chunk. GBK goes through iconv-lite, not the platform's
 * TextDecoder('gb18030'), because the two do not decode alike (scripts/measure/gb18030.mjs, node
 * 20.20 / ICU 78 against iconv-lite 0.7.3): on valid GBK they differ in 18 codes only (A6D9–A6F3 and
 * FE59–FEA0, which TextDecoder maps to GB18030-2022's U+FE10–FE19 and U+9FB4–9FBB, iconv-lite to
 * GB18030-2005's private-use code points), but on damaged bytes they recover differently, and
 * iconv-lite gives code points for 499,604 unassigned four-byte codes where TextDecoder gives U+FFFD.
 * Node's, Chromium's and Firefox's TextDecoder agree with each other on every input tried, and are
 * 2–4× faster; switching would change what a feed built from such a file holds: a change of
 * behaviour to make on purpose, not in passing. (Node 20's decoder also throws on some invalid
 * bytes fed one byte per chunk, though not with these 1 MB chunks.)
 */
async function* textChunks(path: string, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = encoding === 'gbk' ? iconv.getDecoder('gb18030') : null;
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    yield decoder ? decoder.write(chunk as Buffer) : utf8.decode(chunk as Buffer, { stream: true });
  }
  yield decoder ? (decoder.end() ?? '') : utf8.decode();
}

/**
 * Streams CSV records (RFC 4180: quoted fields, "" escapes, newlines inside quotes, CRLF or LF).
 * Memory is bounded by the longest record, never the file.
 */
export async function* readCsv(path: string, encoding: CsvEncoding): AsyncGenerator<CsvRow> {
  let buffer = '';
  let line = 1;
  let bom = true;
  for await (let text of textChunks(path, encoding)) {
    if (bom) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length) bom = false;
    }
    buffer += text;
    let start = 0;
    for (;;) {
      const nl = buffer.indexOf('\n', start);
      if (nl < 0) break;
      const raw = buffer.slice(start, nl);
      if (!raw.includes('"')) {
        yield { line, fields: splitPlain(raw) };
        line++;
        start = nl + 1;
        continue;
      }
      const parsed = parseQuoted(buffer, start);
      if (parsed === 'incomplete') break;
      if ('error' in parsed) yield { line, error: parsed.error };
      else yield { line, fields: parsed.fields };
      line += parsed.lines;
      start = parsed.end;
    }
    buffer = buffer.slice(start);
    if (buffer.length > 1 << 20) {
      // A quote that never closes would otherwise swallow the rest of the file into one record.
      yield { line, error: 'a quoted field is not closed (record longer than 1 MB)' };
      const nl = buffer.indexOf('\n');
      buffer = buffer.slice(nl + 1);
      line++;
    }
  }
  if (buffer.length) {
    const parsed = buffer.includes('"') ? parseQuoted(buffer + '\n', 0) : { fields: splitPlain(buffer), lines: 1, end: 0 };
    if (parsed === 'incomplete') yield { line, error: 'a quoted field is not closed at the end of the file' };
    else if ('error' in parsed) yield { line, error: parsed.error };
    else if (parsed.fields.some((f) => f !== '')) yield { line, fields: parsed.fields };
  }
}

const splitPlain = (raw: string): string[] => (raw.endsWith('\r') ? raw.slice(0, -1) : raw).split(',');

type Parsed = { fields: string[]; lines: number; end: number } | { error: string; lines: number; end: number };

/** Parses one record from `from`, which may span lines; 'incomplete' when more text is needed. */
function parseQuoted(s: string, from: number): Parsed | 'incomplete' {
  const fields: string[] = [];
  let field = '';
  let i = from;
  let lines = 1;
  let quoted = false;
  let wasQuoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (i + 1 >= s.length) return 'incomplete';
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') lines++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) return skipLine(s, i, lines, 'a quote inside an unquoted field');
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
      i++;
    } else if (c === '\n' || (c === '\r' && s[i + 1] === '\n')) {
      fields.push(field);
      return { fields, lines, end: i + (c === '\r' ? 2 : 1) };
    } else if (c === '\r' && i + 1 >= s.length) {
      return 'incomplete';
    } else {
      if (wasQuoted) return skipLine(s, i, lines, 'text after a closing quote');
      field += c;
      i++;
    }
  }
  return 'incomplete';
}

function skipLine(s: string, i: number, lines: number, error: string): Parsed | 'incomplete' {
  const nl = s.indexOf('\n', i);
  if (nl < 0) return 'incomplete';
  return { error, lines, end: nl + 1 };
}
