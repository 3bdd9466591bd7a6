// The workspace's arrows, checked by `pnpm lint` (docs/architecture.md shows the graph).
// Three tiers and every arrow points down: harness/ runs the built apps/ as processes, apps/
// consume packages/, and a package never reaches up.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'packages-stay-below-apps',
      comment: 'packages/* are what apps consume: they never import apps/* or harness/*.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(apps|harness)/' },
    },
    {
      name: 'apps-stay-below-harness',
      comment: 'apps/* never import harness/*: the harness runs apps, not the other way round.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^harness/' },
    },
    {
      name: 'apps-import-no-other-app',
      comment: 'Code two apps share moves into a package; an app exports nothing to import.',
      severity: 'error',
      // Known debt, reported by the rule below: the caller's tests start the emulator in-process.
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/caller/test/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'caller-tests-import-the-emulator-app',
      comment:
        "Known debt: apps/caller's tests run the emulator in-process from the emulator app; it ends when the emulator's core is a package.",
      severity: 'warn',
      from: { path: '^apps/caller/test/' },
      to: { path: '^apps/', pathNot: '^apps/caller/' },
    },
    {
      name: 'cores-are-framework-free',
      comment:
        "api-access's client and server cores run in any Node program: only their nestjs/ adapters import @nestjs/*.",
      severity: 'error',
      from: {
        path: '^packages/api-access/src/(client|server)/',
        pathNot: '^packages/api-access/src/(client|server)/nestjs/',
      },
      to: { path: '(^|/)@nestjs/' },
    },
    {
      name: 'adapters-use-the-core-index',
      comment: "A nestjs/ adapter imports its core through the core's index, as a user would.",
      severity: 'error',
      from: { path: '^packages/api-access/src/(client|server)/nestjs/' },
      to: {
        path: '^packages/api-access/src/$1/',
        // option-checks.ts: how a bad option value is shown, one grammar for the core's options
        // and the adapter's; not public API, so not in the index.
        pathNot: '^packages/api-access/src/$1/(index\\.ts|option-checks\\.ts|nestjs/)',
      },
    },
    {
      name: 'workspace-packages-by-name',
      comment:
        'Import a workspace package by its name, never by a relative path into its dist/ or src/.',
      severity: 'error',
      from: { path: '^(packages|apps|harness|deploy|docs|workshop-solutions)/' },
      to: {
        dependencyTypes: ['local'],
        path: '^(packages|apps|harness)/[^/]+/',
        pathNot: '^$1/',
      },
    },
  ],
  options: {
    // A workspace package imported by name resolves to its dist/: that is an arrow to check, but
    // the built files are not sources of their own.
    doNotFollow: { path: '(^|/)(node_modules|dist)/' },
    exclude: { path: '(^|/)(coverage|\\.turbo)/' },
    // Type-only imports are arrows too.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    // Resolve workspace packages the way Node does, through their `exports`.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
