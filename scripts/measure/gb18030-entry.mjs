// The inputs for comparing GB18030 decoders: every one-, two- and four-byte code, every invalid
// two-byte pair, and random bytes (seeded). Shared by gb18030.mjs in node and in the browsers.
export function inputs() {
  const cases = [];
  const single = [];
  for (let b = 0; b < 256; b++) single.push(b);
  cases.push(['single bytes', Uint8Array.from(single)]);
  // Every lead byte with every second byte (valid or not), each pair followed by 'A' so that an
  // invalid pair shows how many bytes the decoder swallowed.
  const pairs = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0; trail < 256; trail++) pairs.push(lead, trail, 0x41);
  cases.push(['two-byte pairs, valid and invalid', Uint8Array.from(pairs)]);
  const four = [];
  for (let b1 = 0x81; b1 <= 0xfe; b1++) for (let b2 = 0x30; b2 <= 0x39; b2++) for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) four.push(b1, b2, b3, b4);
  cases.push(['four-byte codes', Uint8Array.from(four)]);
  // Broken four-byte codes: cut after 2 or 3 bytes, followed by ASCII or another lead.
  const broken = [];
  for (let b1 = 0x81; b1 <= 0xfe; b1 += 7) for (let b2 = 0x30; b2 <= 0x39; b2 += 3) {
    broken.push(b1, b2, 0x41, b1, b2, 0x81, 0x41, b1, b2, 0xff, 0x31, b1, b2, 0x81, 0x30, 0x42, b1, b2, 0x81, 0xff);
  }
  cases.push(['broken four-byte codes', Uint8Array.from(broken)]);
  let seed = 12345;
  const random = new Uint8Array(1 << 20);
  for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  cases.push(['1 MB of random bytes', random]);
  return cases;
}

/** Decodes `bytes` in chunks of `size` (streamed), to compare chunk-boundary handling too. */
export function decodeStreamed(makeDecoder, bytes, size) {
  const d = makeDecoder();
  let out = '';
  for (let i = 0; i < bytes.length; i += size) out += d.write(bytes.subarray(i, i + size));
  return out + d.end();
}

/** A fingerprint of a decoded text (FNV-1a over its UTF-16 units, and its length): the same in every engine. */
export function fingerprint(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length}:${h.toString(16)}`;
}
