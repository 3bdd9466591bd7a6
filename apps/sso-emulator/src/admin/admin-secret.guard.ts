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
import { adminSecretRefusal } from './admin-secret.js';

/** Admin routes need `X-Admin-Secret: <SSO_ADMIN_SECRET>`; with no secret configured they are off. */
@Injectable()
export class AdminSecretGuard implements CanActivate {
  constructor(@Inject(Realm) private readonly realm: Realm) {}

  canActivate(context: ExecutionContext): boolean {
    const given = context.switchToHttp().getRequest<Request>().header('x-admin-secret');
    const refusal = adminSecretRefusal(this.realm.config.adminSecret, given);
    if (refusal === undefined) return true;
    const reason =
      given === undefined && refusal.status === 401
        ? 'missing X-Admin-Secret header'
        : refusal.reason;
    throw refusal.status === 401
      ? new UnauthorizedException(reason)
      : new ForbiddenException(reason);
  }
}
