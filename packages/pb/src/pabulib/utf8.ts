/**
 * UTF-8 checks for the reader: TextDecoder's fatal mode says that a chunk is not UTF-8 but not where, and a person
 * needs the line.
 */

/** Length of the longest prefix of `bytes` that does not end inside a multi-byte sequence. */
export function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const byte = bytes[n - back]!;
    if (byte < 0x80) return n;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? n - back : n;
    }
  }
  return n;
}

/** Offsets of the bytes that start an invalid UTF-8 sequence (overlong, surrogate, stray or truncated). */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const invalid: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= n;
    if (valid) {
      const second = bytes[i + 1]!;
      const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
      const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
      valid = second >= low && second <= high;
      for (let k = 2; valid && k < length; k++) valid = bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf;
    }
    if (valid) i += length;
    else {
      invalid.push(i);
      i++;
    }
  }
  return invalid;
}
