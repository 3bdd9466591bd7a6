// What every exercise check needs: where the workshop stack is, tokens from the emulator, the same
// signature check an API makes, and calls to target-api. Node built-ins only.
import { Buffer } from 'node:buffer';
import { createPublicKey, verify } from 'node:crypto';
import process from 'node:process';
import { URL, URLSearchParams, fileURLToPath } from 'node:url';

/** The exercise is not done yet: the message says what is missing and how to go on. */
export class NotDone extends Error {}

/** Nothing to check against (the stack is not running): not the participant's exercise at fault. */
export class CannotCheck extends Error {}

/** Where the workshop stack runs (`node docs/workshop/stack.mjs`); CI points these elsewhere. */
export const urls = {
  sso: process.env.WORKSHOP_SSO_URL ?? 'http://localhost:8080',
  target: process.env.WORKSHOP_TARGET_URL ?? 'http://localhost:3001',
  caller: process.env.WORKSHOP_CALLER_URL ?? 'http://localhost:3000',
};

/** The checkout whose files the checks read (the repository, or a copy in CI). */
export const root =
  process.env.WORKSHOP_ROOT ?? fileURLToPath(new URL('../../..', import.meta.url));

/** One HTTP call; a refused connection means the stack is down, which is said plainly. */
export async function call(url, init = {}) {
  let response;
  try {
    response = await globalThis.fetch(url, {
      ...init,
      signal: globalThis.AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new CannotCheck(
      `nothing answers at ${url} (${error.cause?.code ?? error.message}). Is the workshop stack running? Start it with: node docs/workshop/stack.mjs`,
    );
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Each of the three services answers (any HTTP status), or CannotCheck names the first that does not. */
export async function stackAnswers() {
  await call(`${urls.sso}/auth/realms/cern/.well-known/openid-configuration`);
  await call(`${urls.target}/health`);
  await call(`${urls.caller}/health`);
}

/** The realm's discovery document: its `issuer` is what every accepted token must carry. */
export async function realm() {
  const { json } = await call(`${urls.sso}/auth/realms/cern/.well-known/openid-configuration`);
  return json;
}

/** An API Access token from the emulator, as `api-access token` gets it. */
export async function tokenFor(clientId, audience = 'target-api', secret = `${clientId}-secret`) {
  const { issuer } = await realm();
  const { status, json } = await call(`${urls.sso}/auth/realms/cern/api-access/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
      audience,
    }),
  });
  if (status !== 200) {
    throw new NotDone(
      `the emulator refuses a token for "${clientId}" (secret "${secret}", audience "${audience}"): HTTP ${status} ${json?.error}: ${json?.error_description}. Is it in apps/sso-emulator/registry.yaml, and did you restart the stack?`,
    );
  }
  return { token: json.access_token, issuer };
}

/** Header and claims, unverified: for reading. */
export function decode(token) {
  const parts = String(token).trim().split('.');
  if (parts.length !== 3)
    throw new NotDone('that is not a JWT (expected three parts separated by dots)');
  const part = (text) => JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  try {
    return { header: part(parts[0]), claims: part(parts[1]) };
  } catch {
    throw new NotDone('that is not a JWT (its header or claims are not base64url JSON)');
  }
}

/** What the guard checks first: a signature by a key of this emulator's JWKS, `iss`, `aud`, `exp`. */
export async function verifyToken(token, audience = 'target-api') {
  const { header, claims } = decode(token);
  const { issuer, jwks_uri: jwksUri } = await realm();
  const { json: jwks } = await call(jwksUri.replace(/^https?:\/\/[^/]+/, urls.sso));
  const jwk = jwks.keys.find((key) => key.kid === header.kid);
  if (!jwk)
    throw new NotDone(
      `the token's kid ${header.kid} is not in the emulator's JWKS: is it from this stack?`,
    );
  const [head, body, signature] = token.trim().split('.');
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${head}.${body}`),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new NotDone('the token signature does not verify: was it edited?');
  if (claims.iss !== issuer)
    throw new NotDone(`the token's iss is ${claims.iss}; this stack issues ${issuer}`);
  if (![claims.aud].flat().includes(audience))
    throw new NotDone(
      `the token's aud is ${JSON.stringify(claims.aud)}; ask for audience ${audience}`,
    );
  if (claims.exp * 1000 <= Date.now()) throw new NotDone('the token has expired: get a new one');
  return { header, claims };
}

/** Calls target-api with a bearer token (or none). */
export function callTarget(path, token, method = 'GET') {
  return call(`${urls.target}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** The token the participant exported as TOKEN, or a NotDone that says how to get one. */
export function tokenFromEnvironment(how) {
  const token = process.env.TOKEN?.trim();
  if (!token) throw new NotDone(`TOKEN is not set. ${how}`);
  return token;
}
