// The emulator container seen from outside, as a client sees it: the token that the README's curl
// call returned must carry the issuer target-api expects (and discovery must announce that issuer),
// be for the audience asked for, and be signed by a key the JWKS serves. Node built-ins only.
// Usage: node smoke-check.mjs <issuer> <audience> <token.json> <jwks.json> <discovery.json>
import { Buffer } from 'node:buffer';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import process from 'node:process';

const [issuer, audience, tokenFile, jwksFile, discoveryFile] = process.argv.slice(2);
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const fail = (message) => {
  process.stderr.write(`smoke check failed: ${message}\n`);
  process.exit(1);
};

const discovery = read(discoveryFile);
if (discovery.issuer !== issuer)
  fail(`discovery announces issuer ${discovery.issuer}; target-api expects ${issuer}`);
const jwksUri = `${issuer}/protocol/openid-connect/certs`;
if (discovery.jwks_uri !== jwksUri)
  fail(`discovery announces jwks_uri ${discovery.jwks_uri}; expected ${jwksUri}`);

const token = read(tokenFile).access_token;
if (typeof token !== 'string') fail(`no access_token in the token response (${tokenFile})`);
const [headerPart, claimsPart, signaturePart] = token.split('.');
const header = decode(headerPart);
const claims = decode(claimsPart);

const jwk = read(jwksFile).keys?.find((key) => key.kid === header.kid);
if (!jwk) fail(`the JWKS serves no key ${header.kid}`);
if (header.alg !== 'RS256') fail(`token alg ${header.alg}; expected RS256`);
const signed = verify(
  'RSA-SHA256',
  Buffer.from(`${headerPart}.${claimsPart}`),
  createPublicKey({ key: jwk, format: 'jwk' }),
  Buffer.from(signaturePart, 'base64url'),
);
if (!signed) fail(`the signature does not verify with JWKS key ${header.kid}`);
if (claims.iss !== issuer) fail(`token iss ${claims.iss}; target-api expects ${issuer}`);
if (![claims.aud].flat().includes(audience))
  fail(`token aud ${JSON.stringify(claims.aud)}; expected ${audience}`);

process.stdout.write(
  `smoke check: a token for ${audience} from ${issuer}, signed by JWKS key ${header.kid}\n`,
);
