import { createHash } from 'node:crypto';

/**
 * The real API names resources by GUID. The emulator derives one from the kind and name (the
 * layout of an RFC 4122 name-based UUID), so ids are the same at every start and in every doc.
 */
export function stableId(
  kind: 'identity' | 'group' | 'application' | 'role',
  name: string,
): string {
  const hex = createHash('sha1').update(`${kind}:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
