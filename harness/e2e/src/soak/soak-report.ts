import { RSS_GROWTH_LIMIT_MB, type SoakResult } from './soak-run.js';

/** The verdict in a few lines: what the report says first. */
export function soakVerdict(result: SoakResult): string[] {
  const growth = Object.entries(result.rssGrowthMb)
    .map(([name, mb]) => `${name} ${mb >= 0 ? '+' : ''}${mb} MB`)
    .join(', ');
  return [
    `${result.pass ? 'PASS' : 'FAIL'}: ${result.failedValid.length} failed calls with a valid token of ${result.calls}` +
      ` (${result.options.minutes} min, ${result.options.targets} targets, ${result.options.callers} callers, ${result.options.ratePerSec} calls/s)`,
    `RSS growth after ${result.warmupSec} s of warm-up (limit ${RSS_GROWTH_LIMIT_MB} MB${result.memoryJudged ? '' : ', not judged: a run this short cannot tell a leak from heap sizing'}): ${growth}`,
    `Calls refused because the caller could get no token while the SSO was down: ${result.withoutToken}`,
  ];
}

interface Series {
  name: string;
  points: [number, number][];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2'];
const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** One line chart as inline SVG, events as dashed vertical lines: no script, no library. */
function chart(title: string, unit: string, series: Series[], result: SoakResult): string {
  const [width, height, pad] = [900, 220, 40];
  const maxT = Math.max(result.options.minutes * 60, 1);
  const maxV = Math.max(1, ...series.flatMap((s) => s.points.map(([, v]) => v))) * 1.1;
  const x = (t: number) => pad + (t / maxT) * (width - 2 * pad);
  const y = (v: number) => height - pad + 10 - (v / maxV) * (height - 2 * pad);
  const lines = series.map(
    (s, i) =>
      `<polyline fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="1.5" points="${s.points
        .map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`)
        .join(' ')}"><title>${escape(s.name)}</title></polyline>`,
  );
  const events = result.events.map(
    (e) =>
      `<line x1="${x(e.at)}" x2="${x(e.at)}" y1="20" y2="${height - pad + 10}" stroke="#999" stroke-dasharray="3,3"><title>${escape(`${e.at.toFixed(0)} s: ${e.what}`)}</title></line>`,
  );
  const legend = series
    .map((s, i) => `<span style="color:${COLOURS[i % COLOURS.length]}">■ ${escape(s.name)}</span>`)
    .join(' ');
  return `<h2>${escape(title)}</h2><p>${legend}</p>
<svg width="${width}" height="${height}" role="img" aria-label="${escape(title)}">
<text x="${pad}" y="14" font-size="11">max ${maxV.toFixed(1)} ${escape(unit)}</text>
<line x1="${pad}" x2="${width - pad}" y1="${height - pad + 10}" y2="${height - pad + 10}" stroke="#333"/>
<text x="${width - pad}" y="${height - 10}" font-size="11" text-anchor="end">${maxT} s</text>
${events.join('\n')}
${lines.join('\n')}
</svg>`;
}

/** The soak's HTML report: verdict first, then charts over time with the events marked. */
export function soakHtml(result: SoakResult): string {
  const over = (pick: (s: SoakResult['samples'][number]) => number) =>
    result.samples.map((s) => [s.at, pick(s)] as [number, number]);
  const names = [...new Set(result.samples.flatMap((s) => Object.keys(s.rssMb)))];
  const rss = names.map((name) => ({
    name,
    points: result.samples
      .filter((s) => s.rssMb[name] !== undefined)
      .map((s) => [s.at, s.rssMb[name]!] as [number, number]),
  }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Soak ${escape(result.startedAt)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto}pre{background:#f4f4f4;padding:1em;white-space:pre-wrap}</style>
</head><body>
<h1>Soak run ${escape(result.startedAt)}</h1>
<pre>${soakVerdict(result).map(escape).join('\n')}</pre>
${chart('Throughput', 'calls/s', [{ name: 'successful calls/s', points: over((s) => s.okPerSec) }], result)}
${chart(
  'Latency',
  'ms',
  [
    { name: 'p50', points: over((s) => s.p50Ms) },
    { name: 'p99', points: over((s) => s.p99Ms) },
  ],
  result,
)}
${chart('RSS per process', 'MB', rss, result)}
${chart(
  'What the SSO saw (totals)',
  'requests',
  [
    { name: 'token requests', points: over((s) => s.tokenRequests) },
    { name: 'JWKS fetches', points: over((s) => s.jwksFetches) },
  ],
  result,
)}
<h2>Events</h2>
<pre>${result.events.map((e) => `${e.at.toFixed(1).padStart(7)} s  ${escape(e.what)}`).join('\n')}</pre>
</body></html>
`;
}
