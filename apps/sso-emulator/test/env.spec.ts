import { parseEmulatorEnv } from '../src/config/env.schema.js';

describe('environment', () => {
  it('moves /metrics to its own port, protects it, or turns it off', () => {
    expect(
      parseEmulatorEnv({ METRICS_PORT: '9464', METRICS_BEARER_SECRET: 'scrape-secret-0123456789' })
        .observability,
    ).toMatchObject({
      metrics: { port: 9464, host: '127.0.0.1', bearerSecret: 'scrape-secret-0123456789' },
    });
    expect(parseEmulatorEnv({ METRICS: 'off' }).observability).toMatchObject({ metrics: false });
  });

  it('names each bad logging or metrics variable, never the bearer secret', () => {
    const attempt = () =>
      parseEmulatorEnv({
        LOG_LEVEL: 'loud',
        LOG_FORMAT: 'xml',
        METRICS: 'yes',
        METRICS_PORT: '70000',
        METRICS_BEARER_SECRET: 'short-secret',
      });
    expect(attempt).toThrow(
      /LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"/,
    );
    expect(attempt).toThrow(/LOG_FORMAT: expected "json" or "pretty", got "xml"/);
    expect(attempt).toThrow(/METRICS: expected "on" or "off", got "yes"/);
    expect(attempt).toThrow(/METRICS_PORT: expected an integer from 0 to 65535, got "70000"/);
    expect(attempt).toThrow(/METRICS_BEARER_SECRET: must be at least 16 characters/);
    expect(attempt).not.toThrow(/short-secret/);
  });

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
