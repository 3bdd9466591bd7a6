import { trace } from '@opentelemetry/api';
import { outcomeOf, type RefusalError } from '../index.js';

/**
 * Puts the guard's decision on the request's current span, when the app traces with
 * OpenTelemetry: `api_access.decision` (allowed, unauthenticated, forbidden, unavailable),
 * `api_access.code` for a refusal, `api_access.caller` when the token was verified. Without an
 * OpenTelemetry SDK there is no current span and this returns at once.
 */
export function markDecision(caller: string | undefined, refusal?: RefusalError): void {
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return;
  span.setAttribute('api_access.decision', refusal ? outcomeOf(refusal.kind) : 'allowed');
  if (refusal) span.setAttribute('api_access.code', refusal.code);
  if (caller !== undefined) span.setAttribute('api_access.caller', caller);
}
