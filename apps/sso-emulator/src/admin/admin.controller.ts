import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  ConflictException,
  UseGuards,
  Logger,
} from '@nestjs/common';
import { KeyStore, KeyStoreError } from '../keys/key-store.js';
import { AdminSecretGuard } from './admin-secret.guard.js';
import { EmulatorMetrics } from '../metrics/emulator-metrics.js';
import { RequestCounters } from './request-counters.js';

@Controller('admin')
@UseGuards(AdminSecretGuard)
export class AdminController {
  private readonly logger = new Logger('Keys');

  constructor(
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(RequestCounters) private readonly counters: RequestCounters,
    @Inject(EmulatorMetrics) private readonly metrics: EmulatorMetrics,
  ) {}

  @Get('keys')
  list(): { current: string; kids: string[] } {
    return { current: this.keys.current.kid, kids: this.keys.jwks().keys.map((key) => key.kid!) };
  }

  /** New tokens are signed with a new key; the previous key stays published for tokens already out. */
  @Post('keys/rotate')
  @HttpCode(200)
  async rotate(): Promise<{ current: string; kids: string[] }> {
    const fresh = await this.keys.rotate();
    this.metrics.keyRotated();
    this.logger.log(`rotated signing key: now ${fresh.kid}`);
    return this.list();
  }

  @Delete('keys/:kid')
  async retire(@Param('kid') kid: string): Promise<{ current: string; kids: string[] }> {
    try {
      await this.keys.retire(kid);
    } catch (error) {
      if (error instanceof KeyStoreError && error.code === 'ERR_KEY_UNKNOWN')
        throw new NotFoundException(error.message);
      if (error instanceof KeyStoreError) throw new ConflictException(error.message);
      throw error;
    }
    this.logger.log(`retired key ${kid}`);
    return this.list();
  }

  @Get('stats')
  stats(): ReturnType<RequestCounters['snapshot']> {
    return this.counters.snapshot();
  }
}
