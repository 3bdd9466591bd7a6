import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readEnv, type EnvSchema } from '@cern-sso/env';
import { type K8sObject } from './render.js';

const require = createRequire(import.meta.url);

/** Each container of ours, by name, and its service's env schema (from the built app). */
const SERVICES: Record<string, { app: string; schema: string }> = {
  'target-api': { app: '@cern-sso/target-api', schema: 'TARGET_API_ENV' },
  caller: { app: '@cern-sso/caller', schema: 'CALLER_ENV' },
  'sso-emulator': { app: '@cern-sso/sso-emulator', schema: 'EMULATOR_ENV' },
};
/** Containers that run someone else's program, configured by its own variables. */
const FOREIGN = new Set(['postgres']);

export async function schemaOf(container: string): Promise<EnvSchema | undefined> {
  const service = SERVICES[container];
  if (!service) return undefined;
  // An app exports no library code; besides its entry point it exports the schema of the
  // environment it reads, for the manifests to be checked against.
  const schemaFile = pathToFileURL(require.resolve(`${service.app}/env-schema`)).href;
  const module = (await import(schemaFile)) as Record<string, EnvSchema>;
  return module[service.schema];
}

interface Container {
  name: string;
  env?: {
    name: string;
    value?: string;
    valueFrom?: {
      secretKeyRef?: { name: string; key: string };
      configMapKeyRef?: { name: string; key: string };
    };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
}

function containersOf(object: K8sObject): Container[] {
  const spec = object.spec as { template?: { spec?: { containers?: Container[] } } } | undefined;
  return spec?.template?.spec?.containers ?? [];
}

/**
 * Every container's environment against its service's schema: a variable the service does not
 * read (renamed, misspelt) and a value it would refuse at start are problems. Values in Secrets
 * the overlay does not render (created in the cluster) are checked by name only.
 */
export async function checkEnvironments(objects: K8sObject[]): Promise<string[]> {
  const data = (kind: string, name: string) =>
    (objects.find((o) => o.kind === kind && o.metadata.name === name)?.data as
      Record<string, string> | undefined) ?? undefined;
  const configMap = (name: string) => data('ConfigMap', name);
  const secret = (name: string) => {
    const encoded = data('Secret', name);
    return encoded
      ? Object.fromEntries(
          Object.entries(encoded).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
        )
      : undefined;
  };

  const problems: string[] = [];
  for (const object of objects) {
    for (const container of containersOf(object)) {
      const where = `${object.kind}/${object.metadata.name} container ${container.name}`;
      if (FOREIGN.has(container.name)) continue;
      const schema = await schemaOf(container.name);
      if (!schema) {
        problems.push(`${where}: no env schema known for this container`);
        continue;
      }
      const values: Record<string, string> = {};
      const unresolved = new Set<string>();
      for (const source of container.envFrom ?? []) {
        const name = source.configMapRef?.name ?? source.secretRef?.name ?? '';
        const entries = source.configMapRef ? configMap(name) : secret(name);
        if (!entries) problems.push(`${where}: envFrom ${name} is not in the overlay`);
        else Object.assign(values, entries);
      }
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
        if (!ref) values[variable.name] = variable.value ?? '';
        else {
          const source = variable.valueFrom?.secretKeyRef ? secret(ref.name) : configMap(ref.name);
          if (source?.[ref.key] !== undefined) values[variable.name] = source[ref.key]!;
          else unresolved.add(variable.name);
        }
      }
      for (const name of [...Object.keys(values), ...unresolved]) {
        if (!(name in schema))
          problems.push(`${where}: ${name} is not a variable of ${container.name}`);
      }
      const checked = Object.fromEntries(
        Object.entries(schema).filter(([name]) => !unresolved.has(name)),
      );
      try {
        readEnv(checked, values);
      } catch (error) {
        const listed = (error as { problems?: string[] }).problems ?? [(error as Error).message];
        problems.push(...listed.map((problem) => `${where}: ${problem}`));
      }
    }
  }
  return problems;
}
