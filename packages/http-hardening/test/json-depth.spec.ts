import fc from 'fast-check';
import { jsonDepth } from '../src/json-depth.js';

/** The depth of a parsed value, the slow and obvious way. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Object.values(value as object).map(depthOf);
  return 1 + Math.max(0, ...children);
}

describe('jsonDepth', () => {
  it('equals the depth of the parsed value, for text and for UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (value) => {
        const text = JSON.stringify(value);
        expect(jsonDepth(text)).toBe(depthOf(value));
        expect(jsonDepth(Buffer.from(text))).toBe(depthOf(value));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['brackets inside strings', '{"a":"[[[{{{"}', 1],
    ['escaped quotes inside strings', '["\\"[[", ["x"]]', 2],
    ['an escaped backslash before a closing quote', '["\\\\", [[1]]]', 3],
    ['a scalar', '42', 0],
  ])('ignores %s', (_case, text, depth) => expect(jsonDepth(text)).toBe(depth));

  it('stops counting at stopAt', () => {
    expect(jsonDepth('['.repeat(1_000_000), 33)).toBe(33);
  });
});
