#!/usr/bin/env node
// `pnpm demo`: start the three services on free ports, run the scenario for every identity,
// print the matrix, check it against @cern-sso/demo-scenario's permission matrix, show what the
// Authorization Service API says about each identity (the caller's /me), stop everything, exit 0 or 1.
import { type IdentityReport } from '@cern-sso/demo-scenario';
import { startStack } from '@cern-sso/stack';
import { mismatches, runMatrix } from '../scenario/run-matrix.js';
import { formatMatrix } from '../scenario/print-matrix.js';
import { describeReport, formatIdentityReports } from '../scenario/print-identities.js';
import { runIdentityReports } from '../scenario/run-identities.js';
import { endpointsOf } from '../stack/endpoints.js';

console.log('Starting sso-emulator, target-api and caller on free ports...');
// Ctrl-C or SIGTERM at any point stops the services and removes the emulator's keys directory.
const interrupted = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => interrupted.abort(signal));
}
const stack = await startStack({ signal: interrupted.signal }).catch((error: unknown) => {
  if (!interrupted.signal.aborted) {
    console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(interrupted.signal.aborted ? 130 : 1);
});
interrupted.signal.addEventListener('abort', () => void stack.stop().then(() => process.exit(130)));
let exitCode = 1;
try {
  console.log(
    `  sso-emulator ${stack.sso.url}\n  target-api   ${stack.target.url}\n  caller       ${stack.caller.url}\n`,
  );
  const observed = await runMatrix(endpointsOf(stack));
  console.log(formatMatrix(observed));

  const viaCaller = (await (
    await fetch(`${stack.caller.url}/demo`, { method: 'POST' })
  ).json()) as {
    calls: { route: string; status: number }[];
  };
  console.log(
    `\nThe caller service's own POST /demo: ${viaCaller.calls.map((c) => `${c.route} ${c.status}`).join(', ')}`,
  );

  console.log(`\n${formatIdentityReports(await runIdentityReports(endpointsOf(stack)))}`);
  const me = (await (await fetch(`${stack.caller.url}/me`)).json()) as IdentityReport;
  console.log(`\nThe caller service's own /me: ${me.identity.upn}: ${describeReport(me)}`);

  const wrong = mismatches(observed);
  if (wrong.length === 0) {
    console.log('\nEvery cell matches the expected matrix.');
    exitCode = 0;
  } else {
    console.log(`\n${wrong.length} cell(s) differ from the expected matrix:`);
    for (const { identity, route, expected, actual } of wrong) {
      console.log(
        `  ${identity} ${route}: expected ${expected}, got ${actual.status} (${actual.reason})`,
      );
    }
  }
} catch (error) {
  console.error(
    `Demo failed: ${error instanceof Error ? error.message : String(error)}\n${stack.logs()}`,
  );
} finally {
  await stack.stop();
}
process.exit(exitCode);
