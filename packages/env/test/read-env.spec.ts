import {
  EnvironmentError,
  integer,
  optionalPostgresUrl,
  optionalUrl,
  readEnv,
  secret,
  text,
  url,
} from '../src/index.js';

const schema = {
  PORT: integer(3000, 0, 65535),
  NAME: text('demo', /^[a-z-]+$/, 'lowercase letters or -'),
  ISSUER: url('http://localhost:8080/auth/realms/cern'),
  JWKS: optionalUrl(),
  SECRET: secret(undefined, 8),
};

describe('readEnv', () => {
  it('applies defaults to unset variables', () => {
    expect(readEnv(schema, { SECRET: 'long-enough' })).toEqual({
      PORT: 3000,
      NAME: 'demo',
      ISSUER: 'http://localhost:8080/auth/realms/cern',
      JWKS: undefined,
      SECRET: 'long-enough',
    });
  });

  it('lists every bad variable in one error and never a secret value', () => {
    let error: unknown;
    try {
      readEnv(schema, {
        PORT: '70000',
        NAME: 'Bad Name',
        ISSUER: 'ftp://x',
        JWKS: 'http://x/?q=1',
        SECRET: 'short',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).problems).toEqual([
      'PORT: expected an integer from 0 to 65535, got "70000"',
      'NAME: expected lowercase letters or -, got "Bad Name"',
      'ISSUER: expected an http(s) URL without query or fragment, got "ftp://x"',
      'JWKS: expected an http(s) URL without query or fragment, got "http://x/?q=1"',
      'SECRET: must be at least 8 characters',
    ]);
    expect((error as Error).message).not.toContain('short');
  });

  it('refuses an empty value instead of falling back, naming each variable and its default', () => {
    let error: unknown;
    try {
      readEnv(
        { ...schema, DEFAULT_SECRET: secret('demo-secret'), OTHER: text() },
        { PORT: '', NAME: '', ISSUER: '', JWKS: '', SECRET: '', DEFAULT_SECRET: '', OTHER: '' },
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).problems).toEqual([
      'PORT: expected an integer from 0 to 65535, got an empty value (unset it to use the default 3000)',
      'NAME: expected lowercase letters or -, got an empty value (unset it to use the default "demo")',
      'ISSUER: expected an http(s) URL without query or fragment, got an empty value (unset it to use the default "http://localhost:8080/auth/realms/cern")',
      'JWKS: expected an http(s) URL without query or fragment, got an empty value (unset it to leave it out)',
      'SECRET: expected a secret of at least 8 characters, got an empty value',
      'DEFAULT_SECRET: expected a secret of at least 1 characters, got an empty value (unset it to use the default)',
      'OTHER: expected a non-empty value, got an empty value',
    ]);
    expect((error as Error).message).not.toContain('demo-secret');
  });

  it('requires a variable without a default', () => {
    expect(() => readEnv({ SECRET: secret() }, {})).toThrow('SECRET: required');
  });

  it('strips trailing slashes from URLs', () => {
    expect(readEnv({ U: url() }, { U: 'http://a:1/b/' }).U).toBe('http://a:1/b');
  });
});

describe('optionalPostgresUrl', () => {
  const schema = { DATABASE_URL: optionalPostgresUrl() };

  it.each([['postgres://app:pw@db:5432/reports'], ['postgresql://app@127.0.0.1/reports']])(
    'accepts %s',
    (raw) => {
      expect(readEnv(schema, { DATABASE_URL: raw })).toEqual({ DATABASE_URL: raw });
    },
  );

  it('is optional', () => {
    expect(readEnv(schema, {})).toEqual({ DATABASE_URL: undefined });
  });

  it.each([
    ['mysql://app:s3cret@db/reports', 'mysql://app:***@db/reports'],
    ['postgres://app:s3cret@db:5432', 'postgres://app:***@db:5432'],
    ['not a url', 'not a url'],
  ])('refuses %s without showing its password', (raw, shown) => {
    expect(() => readEnv(schema, { DATABASE_URL: raw })).toThrow(
      new EnvironmentError([
        `DATABASE_URL: expected postgres://user:password@host:port/database, got ${JSON.stringify(shown)}`,
      ]),
    );
  });
});
