import type { SpanCost } from './span-cost.js';
import { TRACED_ROUTES, type TracingCost } from './tracing-cost.js';

const fixed = (value: number, digits = 0) => value.toFixed(digits);

/** The tracing figure as Markdown, printed by `pnpm bench` after its main tables. */
export function formatTracingCost(cost: TracingCost, spans: SpanCost): string {
  const rows = TRACED_ROUTES.map((route) => {
    const off = cost.off[route];
    const on = cost.on[route];
    return `| ${route} | ${fixed(off.requestsPerSec)} | ${fixed(on.requestsPerSec)} | ${fixed(on.requestsPerSec / off.requestsPerSec, 2)} | ${fixed(off.p99Ms, 1)} | ${fixed(on.p99Ms, 1)} |`;
  });
  return [
    `### Tracing on vs off (one reused token, ${cost.rounds} rounds of ${cost.secondsPerRun} s)`,
    '',
    '| route | req/s off | req/s on | on/off | p99 ms off | p99 ms on |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `CPU per request of the tracing work alone, without HTTP (${spans.requests} requests, median of 3): ` +
      `${fixed(spans.offUs, 2)} µs off, ${fixed(spans.onUs, 2)} µs on (+${fixed(spans.onUs - spans.offUs, 2)} µs).`,
  ].join('\n');
}
