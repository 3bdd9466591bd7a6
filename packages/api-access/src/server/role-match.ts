/** True when `granted` holds at least one of `required` (an empty requirement is met). */
export function hasAnyRole(granted: readonly string[], required: readonly string[]): boolean {
  return required.length === 0 || required.some((role) => granted.includes(role));
}

/** True when `granted` holds every role in `required`. */
export function hasAllRoles(granted: readonly string[], required: readonly string[]): boolean {
  return required.every((role) => granted.includes(role));
}
