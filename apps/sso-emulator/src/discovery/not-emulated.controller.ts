import { All, Controller, Inject, Req, Res, UseGuards } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { KnownRealmGuard, Realm } from '../http/realm.js';
import { html } from '../portal/render/html.js';
import { NOT_EMULATED } from './openid-configuration.js';

/**
 * The endpoints discovery names but the emulator does not emulate answer 501 Not Implemented,
 * saying so, rather than a 404 that reads like a wrong URL: a page for a browser, JSON otherwise.
 */
@Controller('auth/realms/:realm')
@UseGuards(KnownRealmGuard)
export class NotEmulatedController {
  constructor(@Inject(Realm) private readonly realm: Realm) {}

  @All(Object.keys(NOT_EMULATED))
  notEmulated(@Req() request: Request, @Res() response: Response): void {
    const path = request.path.slice(request.path.indexOf('/protocol/') + 1);
    const what = NOT_EMULATED[path as keyof typeof NOT_EMULATED] ?? 'this endpoint';
    const description =
      `The SSO emulator does not emulate ${what}: it issues API Access tokens only ` +
      `(POST ${this.realm.issuer}/api-access/token). Use the real CERN SSO for user login.`;
    response.status(501).set('Cache-Control', 'no-store');
    if (request.accepts(['json', 'html']) === 'html') {
      response
        .set('Content-Security-Policy', "default-src 'none'")
        .type('html')
        .send(
          html`<!doctype html>
            <html lang="en">
              <head>
                <meta charset="utf-8" />
                <title>501 Not emulated</title>
              </head>
              <body>
                <h1>501 Not emulated</h1>
                <p>${description}</p>
              </body>
            </html>`.value,
        );
      return;
    }
    response.json({ error: 'not_implemented', error_description: description });
  }
}
