import axios from 'axios';

/** A demo identity of the emulator's registry (the secret is public, development only). */
export interface Credentials {
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export const benchCaller = (tokenEndpoint: string): Credentials => ({
  tokenEndpoint,
  clientId: 'caller',
  clientSecret: 'caller-secret',
});

/** What a caller without a token client writes: one token request, no cache, no retry. */
export async function fetchTokenNaively(
  credentials: Credentials,
  audience: string,
): Promise<string> {
  const { data } = await axios.post<{ access_token: string }>(
    credentials.tokenEndpoint,
    new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      audience,
    }),
  );
  return data.access_token;
}

/** `count` distinct real tokens (each has its own `jti`), `concurrency` requests at a time. */
export async function fetchDistinctTokens(
  credentials: Credentials,
  audience: string,
  count: number,
  concurrency = 8,
): Promise<string[]> {
  const tokens: string[] = [];
  const worker = async () => {
    while (tokens.length < count) {
      tokens.push(await fetchTokenNaively(credentials, audience));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tokens.slice(0, count);
}
