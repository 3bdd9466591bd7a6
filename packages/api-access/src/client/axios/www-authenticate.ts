/**
 * Reads the parameters of a `Bearer` challenge (RFC 6750 section 3), e.g.
 * `Bearer realm="target-api", error="insufficient_scope", error_description="...", scope="admin"`.
 * Returns lower-case parameter names; an empty object when there is no Bearer challenge.
 */
export function parseBearerChallenge(header: string | undefined): Record<string, string> {
  const match = header ? /(?:^|,\s*)Bearer(?:\s+|$)(.*)/i.exec(header) : null;
  const params: Record<string, string> = {};
  if (!match) return params;
  // name=token or name="quoted string" (backslash escapes allowed), separated by commas.
  const param = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g;
  for (const [, name, quoted, token] of (match[1] ?? '').matchAll(param)) {
    if (name === undefined) continue;
    params[name.toLowerCase()] =
      quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (token ?? '');
  }
  return params;
}
