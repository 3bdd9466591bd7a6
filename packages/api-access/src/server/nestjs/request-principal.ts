import type { ApiAccessPrincipal } from '../index.js';

// A symbol, not `request.user`: nothing else can set it, and nothing reaches into it by hand.
const PRINCIPAL = Symbol('ApiAccessPrincipal');

type Carrier = { [PRINCIPAL]?: ApiAccessPrincipal };

export function setRequestPrincipal(request: object, principal: ApiAccessPrincipal): void {
  (request as Carrier)[PRINCIPAL] = principal;
}

export function getRequestPrincipal(request: object): ApiAccessPrincipal | undefined {
  return (request as Carrier)[PRINCIPAL];
}
