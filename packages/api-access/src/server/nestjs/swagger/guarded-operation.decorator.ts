import { applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AccessRequirements } from '../../index.js';
import { AllowedCallers } from '../allowed-callers.decorator.js';
import { RequireAllRoles } from '../require-all-roles.decorator.js';
import { Roles } from '../roles.decorator.js';
import { describeAccess } from './access-text.js';

/** An operation's OpenAPI text and who may call it. */
export interface GuardedOperationOptions extends AccessRequirements {
  /** OpenAPI `summary`, e.g. `List reports`. */
  readonly summary: string;
  /** Said after the sentence naming the roles. Default none. */
  readonly description?: string;
}

/**
 * Declares a route's access rule once: the guard's `@Roles` / `@RequireAllRoles` /
 * `@AllowedCallers`, and the OpenAPI operation whose description, 401 and 403 say the same.
 *
 * @example
 * @Get() @GuardedOperation({ summary: 'List reports', anyRoles: ['reader', 'admin'] })
 */
export function GuardedOperation(options: GuardedOperationOptions): MethodDecorator {
  const { summary, description, anyRoles = [], allRoles = [], callers = [] } = options;
  const text = describeAccess({ anyRoles, allRoles, callers });
  const decorators = [
    ApiOperation({
      summary,
      description: description ? `${text.description} ${description}` : text.description,
    }),
    ApiUnauthorizedResponse({
      description: 'No token, or an invalid one: `WWW-Authenticate` and `code` say why',
    }),
  ];
  if (text.forbidden) decorators.push(ApiForbiddenResponse({ description: text.forbidden }));
  if (anyRoles.length > 0) decorators.push(Roles(...anyRoles));
  if (allRoles.length > 0) decorators.push(RequireAllRoles(...allRoles));
  if (callers.length > 0) decorators.push(AllowedCallers(...callers));
  return applyDecorators(...decorators);
}
