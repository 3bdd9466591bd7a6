import {
  BadRequestException,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  Inject,
  Logger,
  NotFoundException,
  Param,
  Post,
  Put,
  Req,
  Res,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { type Request, type Response } from 'express';
import { BodyError, readBodyText } from '../http/read-body.js';
import { KeyStore, KeyStoreError } from '../keys/key-store.js';
import { Registry, RegistrationError } from '../registry/registry.js';
import {
  MAX_REGISTRATION_BYTES,
  registrationProblems,
  toRegistration,
} from './application-registration.js';
import { AdminSecretGuard } from './admin-secret.guard.js';
import { EmulatorMetrics } from '../metrics/emulator-metrics.js';
import { RequestCounters } from './request-counters.js';

@Controller('admin')
@UseGuards(AdminSecretGuard)
export class AdminController {
  private readonly logger = new Logger('Keys');
  private readonly registrations = new Logger('Registry');

  constructor(
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(RequestCounters) private readonly counters: RequestCounters,
    @Inject(Registry) private readonly registry: Registry,
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

  /**
   * Registers an API Access application with roles in target applications (the permission-matrix
   * kit's identities), or replaces one registered here before: 201 created, 200 replaced.
   */
  @Put('applications/:clientId')
  async register(
    @Param('clientId') clientId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ clientId: string; rolesIn: Record<string, string[]> }> {
    const body = await readJson(request);
    const problems = registrationProblems(clientId, body);
    if (problems.length > 0) throw new BadRequestException(problems);
    const registration = toRegistration(clientId, body);
    try {
      const outcome = this.registry.register(registration);
      response.status(outcome === 'created' ? 201 : 200);
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      throw error.code === 'ERR_REGISTRATION_CONFLICT'
        ? new ConflictException(error.message)
        : new UnprocessableEntityException(error.message);
    }
    this.registrations.log(`registered application ${clientId}`);
    return { clientId, rolesIn: registration.rolesIn };
  }
}

async function readJson(request: Request): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    request.resume();
    throw new UnsupportedMediaTypeException(
      `Content-Type must be application/json, got ${JSON.stringify(type || 'none')}`,
    );
  }
  let text: string;
  try {
    text = await readBodyText(request, MAX_REGISTRATION_BYTES);
  } catch (error) {
    if (error instanceof BodyError) throw new HttpException(error.message, error.status);
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestException('body: not valid JSON');
  }
}
