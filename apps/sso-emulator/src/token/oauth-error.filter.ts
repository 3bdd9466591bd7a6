import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { type Response } from 'express';
import { EmulatorMetrics } from '../metrics/emulator-metrics.js';
import { OAuthError } from './oauth-error.js';

/** Renders token endpoint refusals as RFC 6749 JSON; responses that carry credentials are never cached. */
@Catch(OAuthError)
export class OAuthErrorFilter implements ExceptionFilter<OAuthError> {
  constructor(@Inject(EmulatorMetrics) private readonly metrics: EmulatorMetrics) {}

  catch(exception: OAuthError, host: ArgumentsHost): void {
    this.metrics.tokenRefused(exception.error);
    const response = host.switchToHttp().getResponse<Response>();
    response.status(exception.status);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    if (exception.wwwAuthenticate)
      response.setHeader('WWW-Authenticate', exception.wwwAuthenticate);
    response.json({ error: exception.error, error_description: exception.description });
  }
}
