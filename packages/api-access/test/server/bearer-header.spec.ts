import { readBearerToken } from '../../src/server/bearer-header.js';

// readBearerToken remembers the last header it read (a request's header is read by the guard,
// the strategy, passport-jwt and validate). Whatever came before, each header gets its own answer.
describe('readBearerToken, header after header', () => {
  const codeOf = (header: string | undefined): string => {
    try {
      return `token ${readBearerToken(header)}`;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  // First in this file, so it runs before any header has been read and remembered.
  it('refuses a missing header as the very first read', () => {
    expect(codeOf(undefined)).toBe('ERR_TOKEN_MISSING');
  });

  it('answers each header of a sequence as if it came alone', () => {
    const sequence: [string | undefined, string][] = [
      ['Bearer abc.def.ghi', 'token abc.def.ghi'],
      ['Bearer abc.def.ghi', 'token abc.def.ghi'],
      [undefined, 'ERR_TOKEN_MISSING'],
      ['Bearer abc.def.ghi', 'token abc.def.ghi'],
      ['', 'ERR_TOKEN_MISSING'],
      ['Bearer abc def', 'ERR_AUTHORIZATION_HEADER_MALFORMED'],
      ['Bearer abc def', 'ERR_AUTHORIZATION_HEADER_MALFORMED'],
      ['Basic dXNlcjpwYXNz', 'ERR_TOKEN_MISSING'],
      ['bearer   xyz.uvw.rst', 'token xyz.uvw.rst'],
      ['Bearer abc.def.ghi', 'token abc.def.ghi'],
    ];
    expect(sequence.map(([header]) => codeOf(header))).toEqual(
      sequence.map(([, expected]) => expected),
    );
  });
});
