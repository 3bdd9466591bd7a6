/** The RFC 6749 5.2 error codes the token endpoints answer with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_target';

/** A refused token request, rendered as `{ error, error_description }` by `OAuthErrorFilter`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: OAuthErrorCode,
    readonly description: string,
    /** Set when the client tried HTTP Basic, so it learns which scheme failed (RFC 6749 5.2). */
    readonly wwwAuthenticate?: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
  }

  static invalidRequest(description: string): OAuthError {
    return new OAuthError(400, 'invalid_request', description);
  }
}
