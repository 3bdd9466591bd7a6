import { Inject, Injectable, Logger } from '@nestjs/common';
import { Realm } from '../http/realm.js';
import { KeyStore } from '../keys/key-store.js';
import { Registry } from '../registry/registry.js';
import { OAuthError } from '../token/oauth-error.js';
import { TokenService } from '../token/token.service.js';
import { adminSecretRefusal } from '../admin/admin-secret.js';
import { inspectToken, UnreadableTokenError } from './inspect-token.js';
import { type PortalResult, type PortalView } from './portal-view.js';
import { roleHolders } from './role-holders.js';

/**
 * The workshop portal: reads the registry and the keys, and acts only through the same paths as
 * the HTTP endpoints (a token comes from `TokenService`, so it is refused exactly as curl's is).
 */
@Injectable()
export class PortalService {
  private readonly logger = new Logger('Keys');

  constructor(
    @Inject(Realm) private readonly realm: Realm,
    @Inject(Registry) private readonly registry: Registry,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  view(): PortalView {
    const { definition } = this.registry;
    return {
      issuer: this.realm.issuer,
      applications: definition.applications.map((app) => ({
        clientId: app.clientId,
        displayName: app.displayName,
        apiAccess: app.apiAccess,
        roles: app.roles.map((role) => ({
          name: role.name,
          description: role.description,
          groups: role.groups,
          holders: roleHolders(definition, app.clientId, role.name),
        })),
      })),
      groups: definition.groups,
      keys: { current: this.keys.current.kid, kids: this.keys.jwks().keys.map((key) => key.kid!) },
      keysSaved: this.realm.config.keysFile !== undefined,
      adminEnabled: this.realm.config.adminSecret !== undefined,
    };
  }

  /** An API Access token for `client_id` (with its own secret) and `audience`, decoded and verified. */
  async requestToken(form: Map<string, string>): Promise<PortalResult> {
    const clientId = form.get('client_id') ?? '';
    const audience = form.get('audience') ?? '';
    const request = new Map(form).set('grant_type', 'client_credentials');
    try {
      const { access_token: token } = await this.tokens.apiAccess(request, undefined);
      const inspection = await inspectToken(token, this.keys.jwks(), {
        issuer: this.realm.issuer,
        audience,
      });
      return {
        status: 200,
        view: { ...this.view(), token: { clientId, audience, token, inspection } },
      };
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const refused = `${error.error}: ${error.description}`;
      return {
        status: error.status,
        view: { ...this.view(), token: { clientId, audience, error: refused } },
      };
    }
  }

  /** Decodes a pasted token and checks its signature and issuer against this emulator's keys. */
  async inspect(form: Map<string, string>): Promise<PortalResult> {
    const token = (form.get('token') ?? '').trim();
    try {
      const inspection = await inspectToken(token, this.keys.jwks(), { issuer: this.realm.issuer });
      return { status: 200, view: { ...this.view(), inspected: { token, inspection } } };
    } catch (error) {
      if (!(error instanceof UnreadableTokenError)) throw error;
      return { status: 400, view: { ...this.view(), inspected: { error: error.message } } };
    }
  }

  /** Rotates the signing key, as `POST /admin/keys/rotate` does, if the admin secret is right. */
  async rotateKeys(form: Map<string, string>): Promise<PortalResult> {
    const refusal = adminSecretRefusal(this.realm.config.adminSecret, form.get('admin_secret'));
    if (refusal) {
      return {
        status: refusal.status,
        view: { ...this.view(), keysNotice: { ok: false, text: refusal.reason } },
      };
    }
    const previous = this.keys.current.kid;
    const fresh = await this.keys.rotate();
    this.logger.log(`rotated signing key from the portal: now ${fresh.kid}`);
    const text = `Rotated: ${fresh.kid} signs new tokens from now on; ${previous} stays in the JWKS so tokens it signed keep verifying.`;
    return { status: 200, view: { ...this.view(), keysNotice: { ok: true, text } } };
  }

  /** The page again, saying why a form could not be read. */
  unreadableForm(error: OAuthError): PortalResult {
    return { status: error.status, view: { ...this.view(), formProblem: error.description } };
  }
}
