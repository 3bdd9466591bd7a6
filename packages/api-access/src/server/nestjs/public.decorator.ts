import { Reflector } from '@nestjs/core';

/** Metadata behind `@Public`; `false` on a handler re-protects a route of a public class. */
export const PublicMetadata = Reflector.createDecorator<boolean>();

/** The route needs no token (health checks, docs). */
export function Public(isPublic = true): ReturnType<typeof PublicMetadata> {
  return PublicMetadata(isPublic);
}
