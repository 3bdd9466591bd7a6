import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BODY_REFUSALS } from '../src/body-refused-error.js';

it("the README's table of refusals lists exactly the codes and statuses of the code", () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `(ERR_[A-Z_]+)`\s*\| (\d{3})\s*\|/gm)];
  expect(Object.fromEntries(rows.map(([, code, status]) => [code, Number(status)]))).toEqual(
    BODY_REFUSALS,
  );
});
