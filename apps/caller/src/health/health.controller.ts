import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  /** Liveness only: the caller needs nothing to be up; /demo shows what works. */
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
