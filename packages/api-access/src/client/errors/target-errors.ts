import { ApiAccessError } from '../../errors/api-access-error.js';

/** What the target API said when it refused a call, from `WWW-Authenticate` and the JSON body. */
export interface TargetRefusal {
  /** Audience the token was issued for. */
  audience: string;
  /** HTTP method and full URL of the refused call. */
  method: string;
  url: string;
  status: number;
  /** RFC 6750 `error`, e.g. `invalid_token` or `insufficient_scope`. */
  oauthError: string | undefined;
  /** RFC 6750 `error_description`, or the body's `message`. */
  description: string | undefined;
  /** Roles the target said it requires (RFC 6750 `scope`, or the body's `requiredRoles`). */
  requiredRoles: readonly string[];
  /** The target's own error code from its JSON body (`code`), e.g. `ERR_ROLE_MISSING`. */
  targetCode: string | undefined;
}

/** The target API refused a call made with an API Access token. */
export abstract class TargetError extends ApiAccessError implements TargetRefusal {
  readonly audience: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly oauthError: string | undefined;
  readonly description: string | undefined;
  readonly requiredRoles: readonly string[];
  readonly targetCode: string | undefined;

  constructor(refusal: TargetRefusal, problem: string) {
    const reason = [refusal.oauthError, refusal.description].filter(Boolean).join(': ');
    super(
      `${refusal.method} ${refusal.url} ${problem} (HTTP ${refusal.status}${reason ? ` ${reason}` : ''})`,
    );
    this.audience = refusal.audience;
    this.method = refusal.method;
    this.url = refusal.url;
    this.status = refusal.status;
    this.oauthError = refusal.oauthError;
    this.description = refusal.description;
    this.requiredRoles = refusal.requiredRoles;
    this.targetCode = refusal.targetCode;
  }

  protected override details(): Record<string, unknown> {
    const { audience, method, url, status, oauthError, description, requiredRoles, targetCode } =
      this;
    return { audience, method, url, status, oauthError, description, requiredRoles, targetCode };
  }
}

/** 401 even with a freshly fetched token: the target does not accept tokens for this audience. */
export class TargetUnauthorizedError extends TargetError {
  static readonly code = 'ERR_TARGET_UNAUTHORIZED';
  readonly code = TargetUnauthorizedError.code;

  constructor(refusal: TargetRefusal) {
    super(refusal, 'rejected a fresh token');
  }
}

/** 403: the token is valid but lacks a role the target requires. Never retried. */
export class TargetForbiddenError extends TargetError {
  static readonly code = 'ERR_TARGET_FORBIDDEN';
  readonly code = TargetForbiddenError.code;

  constructor(refusal: TargetRefusal) {
    const roles = refusal.requiredRoles.length
      ? `requires ${refusal.requiredRoles.length > 1 ? 'roles' : 'role'} ${refusal.requiredRoles.map((r) => `"${r}"`).join(', ')}`
      : 'was forbidden';
    super(refusal, `${roles} for audience "${refusal.audience}"`);
  }
}
