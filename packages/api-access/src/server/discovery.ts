/**
 * The JWKS URL from the issuer's OpenID Connect discovery document
 * (`<issuer>/.well-known/openid-configuration`). The document must name the same `issuer`
 * (OpenID Connect Discovery 1.0, §4.3): a document for another issuer is not used.
 * Resolves with the URL or rejects with an Error whose message names the URL and the problem.
 */
export async function discoverJwksUri(issuer: string, timeoutMs: number): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const document: unknown = await response.json();
  const field = (name: string): unknown =>
    typeof document === 'object' && document !== null && Object.hasOwn(document, name)
      ? (document as Record<string, unknown>)[name]
      : undefined;
  if (field('issuer') !== issuer) {
    throw new Error(`GET ${url}: issuer is ${JSON.stringify(field('issuer'))}, not ${issuer}`);
  }
  const jwksUri = field('jwks_uri');
  if (typeof jwksUri !== 'string' || !/^https?:\/\//.test(jwksUri)) {
    throw new Error(`GET ${url}: jwks_uri is not an http(s) URL`);
  }
  return jwksUri;
}
