import { NotDone, call, callTarget, decode, realm, tokenFor, urls } from './lib.mjs';

export const title = 'Rotate the keys and watch nothing break';

export async function check() {
  const { jwks_uri: jwksUri } = await realm();
  const { json: jwks } = await call(jwksUri.replace(/^https?:\/\/[^/]+/, urls.sso));
  if (jwks.keys.length < 2) {
    throw new NotDone(
      `the JWKS lists ${jwks.keys.length} key: nothing was rotated yet. Rotate on the portal (${urls.sso}/, admin secret workshop-admin-secret).`,
    );
  }
  const { token } = await tokenFor('caller');
  const { kid } = decode(token).header;
  if (kid !== jwks.keys[0].kid)
    throw new NotDone(`new tokens are signed by ${kid}, not the newest key ${jwks.keys[0].kid}`);
  const fresh = await callTarget('/whoami', token);
  if (fresh.status !== 200)
    throw new NotDone(
      `target-api refuses a token signed by the new key ${kid}: ${fresh.status} ${fresh.text}`,
    );
  // The caller's cached token may still be signed by the previous key: its demo must be unaffected.
  const demo = await call(`${urls.caller}/demo`, { method: 'POST' });
  const expected = {
    'GET /whoami': 200,
    'GET /reports': 200,
    'POST /reports': 201,
    'DELETE /reports/:id': 403,
    'GET /reports/audit': 403,
  };
  const wrong = (demo.json?.calls ?? []).filter(
    (outcome) => outcome.status !== expected[outcome.route],
  );
  if (demo.status !== 200 || wrong.length > 0) {
    throw new NotDone(
      `the caller's demo broke after the rotation: ${demo.status} ${JSON.stringify(wrong.length ? wrong : demo.json)}`,
    );
  }
  return `the JWKS publishes ${jwks.keys.map((key) => key.kid).join(' and ')}; new tokens (kid ${kid}) and the caller's demo both still work.`;
}
