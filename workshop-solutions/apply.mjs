#!/usr/bin/env node
// Applies the solution of a workshop exercise that changes files (3, 4 or 6) to a checkout, to
// catch up or compare. Usage: node workshop-solutions/apply.mjs <3|4|6> [--root <checkout>]
// Running it twice changes nothing the second time.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const FILES = fileURLToPath(new URL('./files/', import.meta.url));

/** Edits registry.yaml with the same YAML library the emulator reads it with: comments survive. */
function editRegistry(root, edit) {
  const path = join(root, 'apps/sso-emulator/registry.yaml');
  const YAML = createRequire(join(root, 'apps/sso-emulator/package.json'))('yaml');
  const doc = YAML.parseDocument(readFileSync(path, 'utf8'));
  const find = (list, key, value) => doc.get(list).items.find((item) => item.get(key) === value);
  const flowList = (values) => Object.assign(doc.createNode(values), { flow: true });
  edit({ doc, find, flowList });
  writeFileSync(path, doc.toString({ flowCollectionPadding: false }));
}

const SOLUTIONS = {
  3: (root) => {
    editRegistry(root, ({ doc, find, flowList }) => {
      const roles = find('applications', 'clientId', 'target-api').get('roles');
      if (!roles.items.some((role) => role.get('name') === 'analyst')) {
        const analyst = doc.createNode({ name: 'analyst', description: 'Count the reports' });
        analyst.set('groups', flowList(['target-api-analysts']));
        roles.add(analyst);
      }
      if (!find('groups', 'name', 'target-api-analysts')) {
        const group = doc.createNode({ name: 'target-api-analysts' });
        group.set('members', flowList(['ops-bot']));
        doc.get('groups').add(group);
      }
    });
    copyFileSync(
      join(FILES, 'report-stats.controller.ts'),
      join(root, 'apps/target-api/src/reports/report-stats.controller.ts'),
    );
    const modulePath = join(root, 'apps/target-api/src/app.module.ts');
    let source = readFileSync(modulePath, 'utf8');
    if (!source.includes('ReportStatsController')) {
      source = source
        .replace(
          "import { ReportsController } from './reports/reports.controller.js';",
          "$&\nimport { ReportStatsController } from './reports/report-stats.controller.js';",
        )
        .replace(
          /controllers: \[([^\]]*)ReportsController/,
          'controllers: [$1ReportsController, ReportStatsController',
        );
      if (!source.includes('ReportStatsController]') && !source.includes('ReportStatsController,'))
        throw new Error(
          `could not register ReportStatsController in ${modulePath}: add it by hand`,
        );
      writeFileSync(modulePath, source);
    }
  },
  4: (root) =>
    editRegistry(root, ({ doc, find, flowList }) => {
      if (!find('applications', 'clientId', 'dashboard')) {
        doc.get('applications').add(
          doc.createNode({
            clientId: 'dashboard',
            displayName: 'Dashboard (workshop)',
            secret: 'dashboard-secret',
            apiAccess: true,
          }),
        );
      }
      if (!find('groups', 'name', 'dashboards')) {
        const group = doc.createNode({ name: 'dashboards' });
        group.set('members', flowList(['dashboard']));
        doc.get('groups').add(group);
      }
      const analysts = find('groups', 'name', 'target-api-analysts');
      if (!analysts) throw new Error('no group target-api-analysts: apply exercise 3 first');
      if (
        !analysts
          .get('members')
          .items.some((member) => String(member.value ?? member) === 'dashboards')
      )
        analysts.get('members').add('dashboards');
    }),
  6: (root) =>
    copyFileSync(
      join(FILES, 'reports-stats.spec.ts'),
      join(root, 'apps/target-api/test/reports-stats.spec.ts'),
    ),
};

/** Applies exercise `number`'s solution to the checkout at `root`. */
export function applySolution(number, root) {
  if (!SOLUTIONS[number])
    throw new Error(`exercise ${number} changes no files: see workshop-solutions/README.md`);
  if (!existsSync(join(root, 'apps/sso-emulator/registry.yaml')))
    throw new Error(`${root} is not a checkout of this repository`);
  SOLUTIONS[number](root);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [number] = process.argv.slice(2);
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? process.argv[at + 1] : fileURLToPath(new URL('..', import.meta.url));
  applySolution(number, root);
  process.stdout.write(
    `Applied exercise ${number}'s solution to ${root}. Rebuild and restart: Ctrl-C the stack, then pnpm build && node docs/workshop/stack.mjs\n`,
  );
}
