import { parseEmulatorEnv } from '../src/config/env.schema.js';

describe('environment', () => {
  it('lists every bad variable, never the admin secret', () => {
    const attempt = () =>
      parseEmulatorEnv({
        PORT: 'eighty',
        SSO_PUBLIC_URL: 'ftp://x',
        SSO_TOKEN_LIFETIME: '0',
        SSO_REALM: 'a/b',
        SSO_ADMIN_SECRET: 'short',
      });
    expect(attempt).toThrow(/PORT: expected an integer from 0 to 65535, got "eighty"/);
    expect(attempt).toThrow(/SSO_PUBLIC_URL: expected an http\(s\) URL/);
    expect(attempt).toThrow(/SSO_TOKEN_LIFETIME: expected an integer from 1 to 86400, got "0"/);
    expect(attempt).toThrow(/SSO_REALM: expected letters/);
    expect(attempt).toThrow(/SSO_ADMIN_SECRET: must be at least 8 characters/);
    expect(attempt).not.toThrow(/short/);
  });

  it('strips a trailing slash from the public URL', () => {
    expect(parseEmulatorEnv({ SSO_PUBLIC_URL: 'http://sso:8080/' }).publicUrl).toBe(
      'http://sso:8080',
    );
  });
});
