import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { isAxiosError } from 'axios';
import { type Response } from 'express';
import { toUpstreamFailure } from './upstream-failure.js';

/**
 * Turns a failed call to the SSO or to target-api into a clear JSON answer (502 / 503 / 504,
 * or the target's own 4xx), never a crash or a bare 500. Nest's own HTTP errors pass through.
 */
@Catch()
export class UpstreamErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Upstream');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      // A refused body (jsonBody) carries a bare message: answer it in Nest's usual JSON shape.
      response
        .status(status)
        .json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    const failure = toUpstreamFailure(exception);
    if (failure.status >= 500) this.logger.warn(`${failure.error}: ${failure.reason}`);
    if (failure.status === 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (isAxiosError(exception) && exception.response?.headers['retry-after']) {
      response.setHeader('Retry-After', String(exception.response.headers['retry-after']));
    }
    response.status(failure.status).json({ statusCode: failure.status, ...failure });
  }
}
