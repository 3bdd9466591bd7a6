import { createHash, timingSafeEqual } from 'node:crypto';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { type Request } from 'express';
import { Realm } from '../http/realm.js';

/** Admin routes need `X-Admin-Secret: <SSO_ADMIN_SECRET>`; with no secret configured they are off. */
@Injectable()
export class AdminSecretGuard implements CanActivate {
  constructor(@Inject(Realm) private readonly realm: Realm) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.realm.config.adminSecret;
    if (!expected)
      throw new ForbiddenException('admin API disabled: set SSO_ADMIN_SECRET to enable it');
    const given = context.switchToHttp().getRequest<Request>().header('x-admin-secret');
    if (given === undefined) throw new UnauthorizedException('missing X-Admin-Secret header');
    const digest = (value: string) => createHash('sha256').update(value).digest();
    if (!timingSafeEqual(digest(given), digest(expected)))
      throw new ForbiddenException('wrong admin secret');
    return true;
  }
}
