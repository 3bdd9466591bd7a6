// An Express 5 API guarded without Nest: the package's passport strategy, registered the
// standard way, and `authorize` for the roles. An app imports `@cern-sso/api-access/server`;
// this example imports the package source so its tests run without a build.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { Passport } from 'passport';
import {
  AccessTokenVerifier,
  ApiAccessStrategy,
  asRefusal,
  authorize,
  RefusalError,
  toHttpRefusal,
  type AccessRequirements,
  type ApiAccessPrincipal,
} from '../../src/server/index.js';

/** The API of the examples: the same routes and requirements as the Nest test app. */
export function createExpressApp(verifier: AccessTokenVerifier): Express {
  // Its own Passport instance, so two apps in one process keep their own 'api-access'.
  const authenticator = new Passport();
  authenticator.use('api-access', new ApiAccessStrategy(verifier));

  /** Verifies the bearer token and the route's requirements; the principal goes to res.locals. */
  const guard =
    (requirements: AccessRequirements = {}) =>
    (request: Request, response: Response, next: NextFunction) => {
      const done = (error: unknown, principal: ApiAccessPrincipal | false, info: unknown) => {
        if (error) return next(error);
        try {
          if (principal === false) throw asRefusal(info) ?? info;
          authorize(principal, requirements, verifier.options.allowedCallers);
          response.locals['principal'] = principal;
          next();
        } catch (refusal) {
          if (!(refusal instanceof RefusalError)) return next(refusal);
          const { status, headers, body } = toHttpRefusal(refusal, verifier.options.realm);
          response.status(status).set(headers).json(body);
        }
      };
      authenticator.authenticate('api-access', { session: false }, done)(request, response, next);
    };

  const ok = (_request: Request, response: Response) => response.json({ ok: true });
  const app = express();
  app.disable('x-powered-by');
  app.get('/items', guard({ anyRoles: ['reader'] }), ok);
  app.get('/items/admin', guard({ anyRoles: ['admin'] }), ok);
  app.get('/items/write-and-read', guard({ allRoles: ['reader', 'writer'] }), ok);
  app.get('/items/ops-only', guard({ callers: ['ops-bot'], anyRoles: ['admin'] }), ok);
  app.get('/items/health', ok);
  app.get('/items/me', guard({ anyRoles: ['reader'] }), (_request, response) => {
    const principal = response.locals['principal'] as ApiAccessPrincipal;
    const { clientId, subject, audience, roles, tokenId, isApplication, expiresAt } = principal;
    response.json({ clientId, subject, audience, roles, tokenId, isApplication, expiresAt });
  });
  app.get('/any-token', guard(), ok);
  app.get('/open', ok);
  app.get('/open/protected', guard(), ok);
  return app;
}
