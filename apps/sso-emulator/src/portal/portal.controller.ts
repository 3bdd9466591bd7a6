import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { OAuthError } from '../token/oauth-error.js';
import { readTokenForm } from '../token/token-form.js';
import { PortalService } from './portal.service.js';
import { type PortalResult } from './portal-view.js';
import { sendPage } from './send-page.js';

/** The workshop portal at `/`: one server-rendered page; its forms post back and get the page again. */
@Controller()
export class PortalController {
  constructor(@Inject(PortalService) private readonly portal: PortalService) {}

  @Get()
  home(@Res() response: Response): void {
    sendPage(response, { status: 200, view: this.portal.view() });
  }

  @Post('portal/token')
  async token(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendPage(response, await this.withForm(request, (form) => this.portal.requestToken(form)));
  }

  @Post('portal/inspect')
  async inspect(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendPage(response, await this.withForm(request, (form) => this.portal.inspect(form)));
  }

  @Post('portal/keys/rotate')
  async rotate(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendPage(response, await this.withForm(request, (form) => this.portal.rotateKeys(form)));
  }

  /** The emulator reads raw bodies (no body parser): the token endpoint's form reader serves here too. */
  private async withForm(
    request: Request,
    action: (form: Map<string, string>) => Promise<PortalResult>,
  ): Promise<PortalResult> {
    let form: Map<string, string>;
    try {
      form = await readTokenForm(request);
    } catch (error) {
      if (error instanceof OAuthError) return this.portal.unreadableForm(error);
      throw error;
    }
    return action(form);
  }
}
