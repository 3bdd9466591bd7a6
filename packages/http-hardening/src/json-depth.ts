const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * How deeply JSON text nests objects and arrays, read without parsing it, so that text too deep
 * for recursive code (class-transformer, `JSON.stringify`) is refused before any of it runs.
 * Brackets inside strings do not count. Works on UTF-8 bytes as well as on a string: the
 * characters it looks at are ASCII, and no byte of a multi-byte UTF-8 character is ASCII.
 * Counting stops at `stopAt`, so a huge input costs no more than it needs to.
 */
export function jsonDepth(json: string | Uint8Array, stopAt = Number.POSITIVE_INFINITY): number {
  const codeAt =
    typeof json === 'string' ? (i: number) => json.charCodeAt(i) : (i: number) => json[i]!;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const code = codeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      deepest = Math.max(deepest, ++depth);
      if (deepest >= stopAt) return deepest;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
    }
  }
  return deepest;
}
