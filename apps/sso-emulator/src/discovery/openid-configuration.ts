/**
 * Endpoints that OpenID Connect Discovery 1.0 requires or CERN's documentation lists, but that
 * this emulator does not emulate: each answers 501 (see NotEmulatedController), never 404.
 */
export const NOT_EMULATED = {
  'protocol/openid-connect/auth': 'the authorization endpoint (user login)',
  'protocol/openid-connect/userinfo': 'the UserInfo endpoint',
  'protocol/openid-connect/logout': 'the end-session (logout) endpoint',
  'protocol/openid-connect/token/introspect': 'token introspection',
} as const;

/**
 * The realm's discovery document. Paths are those CERN documents for
 * `https://auth.cern.ch/auth/realms/cern`; the REQUIRED lists no public CERN page shows are
 * Keycloak's defaults (CERN SSO is Keycloak); grants and client authentication are what the
 * emulator implements.
 */
export function openidConfiguration(issuer: string): Record<string, unknown> {
  const at = (path: string) => `${issuer}/${path}`;
  return {
    issuer,
    authorization_endpoint: at('protocol/openid-connect/auth'),
    token_endpoint: at('protocol/openid-connect/token'),
    // Keycloak publishes both names; CERN's page shows the older one.
    introspection_endpoint: at('protocol/openid-connect/token/introspect'),
    token_introspection_endpoint: at('protocol/openid-connect/token/introspect'),
    userinfo_endpoint: at('protocol/openid-connect/userinfo'),
    end_session_endpoint: at('protocol/openid-connect/logout'),
    jwks_uri: at('protocol/openid-connect/certs'),
    grant_types_supported: ['client_credentials'],
    response_types_supported: [
      'code',
      'none',
      'id_token',
      'token',
      'id_token token',
      'code id_token',
      'code token',
      'code id_token token',
    ],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email'],
    // Not a Keycloak field: CERN does not advertise API Access; the emulator says where it is.
    api_access_token_endpoint: at('api-access/token'),
  };
}
