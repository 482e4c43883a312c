/**
 * A JSON text as the bytes of `JSON.stringify(JSON.parse(text))`, without building the value:
 * for the SQL-compiled reads, whose answers PostgreSQL writes as JSON text with its own spacing
 * (`{"a" : 1, "b" : [1, 2]}`) and number forms (`1e-05`, `1.50` from numeric, `-0`). Parsing a
 * 100 kB page into objects only to serialise it again, and collecting those objects, cost more
 * server CPU than the rest of the request's JavaScript. One pass over the UTF-8 bytes:
 * - whitespace outside strings is dropped;
 * - a number token is written as JavaScript writes its value, where the two may differ (an
 *   exponent, a trailing zero, `-0`, more than 15 digits);
 * - a string is copied unless it holds a backslash, when it is parsed and written again (escapes
 *   such as `\u00e9` or `\/` come out as JSON.stringify writes them). UTF-8 continuation bytes
 *   are never `"` or `\`, so strings are found bytewise.
 * Objects keep their keys in text order: the compiled statements never repeat a key (response
 * keys are unique per selection), where JSON.parse would keep only the last.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Bytes a JSON number may hold after its first: digits, `.`, `e`/`E`, `+`, `-`. */
const isNumberPart = (c: number) => isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;

/** Whether JavaScript writes the number token bytes[start, end) as they are. */
function sameInJavaScript(bytes: Uint8Array, start: number, end: number): boolean {
  let digits = 0;
  let dot = false;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (isDigit(c)) digits++;
    else if (c === 0x2e) dot = true;
    else if (c !== 0x2d || i !== start) return false; // an exponent, or a sign inside
  }
  const first = bytes[start] === 0x2d ? start + 1 : start;
  if (digits > 15) return false;
  if (bytes[first] === 0x30 && end - first > 1 && bytes[first + 1] !== 0x2e) return false; // a leading zero
  if (dot && bytes[end - 1] === 0x30) return false; // a trailing zero after the point
  if (bytes[end - 1] === 0x2e) return false;
  // -0 (and -0.5 is fine): JavaScript writes 0.
  if (bytes[start] === 0x2d && end - start === 2 && bytes[start + 1] === 0x30) return false;
  return true;
}

/** `out` with room for `length` more bytes after `used`: itself, or a larger copy. */
function withRoom(out: Buffer, used: number, length: number): Buffer {
  if (used + length <= out.length) return out;
  const grown = Buffer.allocUnsafe(Math.max(out.length * 2, used + length));
  out.copy(grown, 0, 0, used);
  return grown;
}

export function compactJson(text: string): Buffer {
  const input = Buffer.from(text, 'utf8');
  const n = input.length;
  // No closure over these two: V8 keeps them in registers then (a captured `o` cost 2×).
  let out: Buffer = Buffer.allocUnsafe(n + 64);
  let o = 0;
  let i = 0;
  while (i < n) {
    const c = input[i]!;
    if (c === QUOTE) {
      // Copied byte by byte (a loop in JavaScript beats a native call per short string).
      const start = o;
      let escaped = false;
      out[o++] = c;
      i++;
      for (;;) {
        if (i >= n) throw new SyntaxError('Unterminated string in JSON');
        const d = input[i++]!;
        out[o++] = d;
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          escaped = true;
          out[o++] = input[i++]!;
        }
      }
      if (escaped) {
        const canonical = JSON.stringify(JSON.parse(out.toString('utf8', start, o)) as string);
        out = withRoom(out, start, Buffer.byteLength(canonical) + (n - i) + 64);
        o = start + out.write(canonical, start);
      }
    } else if (isWhitespace(c)) {
      i++;
    } else if (c === 0x2d || isDigit(c)) {
      const start = o;
      const from = i;
      while (i < n && isNumberPart(input[i]!)) out[o++] = input[i++]!;
      if (!sameInJavaScript(input, from, i)) {
        const canonical = JSON.stringify(Number(input.toString('latin1', from, i)));
        out = withRoom(out, start, canonical.length + (n - i) + 64);
        o = start + out.write(canonical, start, 'latin1');
      }
    } else {
      // Punctuation and the letters of true, false, null.
      out[o++] = c;
      i++;
    }
  }
  return out.subarray(0, o);
}
