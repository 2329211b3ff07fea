import { inflateRawSync } from 'node:zlib';

/** Limits for a spreadsheet's zip: a list keeper's export is megabytes, never gigabytes. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/**
 * The files of a zip archive (an XLSX is one), read from its central directory: stored or deflated
 * entries only (what Excel, WPS and LibreOffice write), each inflated with a size cap so a crafted
 * file cannot make us allocate gigabytes. Only the names asked for are inflated.
 */
export function zipEntries(zip: Buffer, wanted: (name: string) => boolean): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw new Error('not a zip file (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) throw new Error(`too many zip entries (${count})`);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken zip central directory');
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    if (!wanted(name)) continue;
    if (size > MAX_ENTRY_BYTES) throw new Error(`${name}: larger than ${MAX_ENTRY_BYTES} bytes`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: broken local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + packed);
    if (method === 0) out.set(name, Buffer.from(data));
    else if (method === 8) out.set(name, inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }));
    else throw new Error(`${name}: unsupported zip compression ${method}`);
  }
  return out;
}
