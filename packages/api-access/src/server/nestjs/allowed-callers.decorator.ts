import { Reflector } from '@nestjs/core';

/** Metadata behind `@AllowedCallers`. */
export const AllowedCallersMetadata = Reflector.createDecorator<readonly string[]>();

/** Only these caller client ids (`azp`) may call. On a handler it replaces the class's. */
export function AllowedCallers(...clientIds: string[]): ReturnType<typeof AllowedCallersMetadata> {
  if (clientIds.length === 0) throw new TypeError('@AllowedCallers() needs at least one client id');
  return AllowedCallersMetadata(Object.freeze(clientIds));
}
