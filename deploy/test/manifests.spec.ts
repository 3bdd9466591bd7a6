import { checkEnvironments } from './support/check-env.js';
import { OVERLAYS, render, type K8sObject } from './support/render.js';
import { validateSchemas } from './support/validate-schema.js';

interface Container {
  name: string;
  securityContext?: {
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  lifecycle?: { preStop?: { exec?: { command?: string[] } } };
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  terminationGracePeriodSeconds?: number;
  containers: Container[];
}

const workloads = (objects: K8sObject[]) =>
  objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
const podOf = (object: K8sObject) => (object.spec as { template: { spec: PodSpec } }).template.spec;
const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name.startsWith(name));
const configOf = (objects: K8sObject[], name: string) =>
  find(objects, 'ConfigMap', name)!.data as Record<string, string>;

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  let objects: K8sObject[];
  beforeAll(() => (objects = render(overlay)));

  it('renders objects that all validate against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(8);
    expect(validateSchemas(objects)).toEqual([]);
  });

  it("gives every container only variables its service's env schema reads, with values it accepts", async () => {
    expect(await checkEnvironments(objects)).toEqual([]);
  });

  it('runs every pod as non-root with any UID, a read-only root, no capabilities, limits and probes', () => {
    for (const workload of workloads(objects)) {
      const pod = podOf(workload);
      expect({ [workload.metadata.name]: pod.securityContext?.runAsNonRoot }).toEqual({
        [workload.metadata.name]: true,
      });
      expect(pod.securityContext?.runAsUser).toBeUndefined();
      for (const container of pod.containers) {
        expect(container.securityContext).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.securityContext?.runAsUser).toBeUndefined();
        expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(container.readinessProbe).toEqual(expect.any(Object));
        expect(container.livenessProbe).toEqual(expect.any(Object));
      }
    }
  });

  it.each(['target-api', 'caller'])(
    'lets %s finish in-flight requests: preStop before SIGTERM, within the grace period',
    (name) => {
      const pod = podOf(find(objects, 'Deployment', name)!);
      expect(pod.containers[0]!.lifecycle?.preStop?.exec?.command).toEqual(['sleep', '5']);
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(20);
    },
  );

  it('keeps target-api available through drains and load: a PDB and an HPA', () => {
    expect(find(objects, 'PodDisruptionBudget', 'target-api')?.spec).toMatchObject({
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'target-api' } },
    });
    expect(find(objects, 'HorizontalPodAutoscaler', 'target-api')?.spec).toMatchObject({
      scaleTargetRef: { kind: 'Deployment', name: 'target-api' },
      minReplicas: 2,
    });
  });

  it('lets only the caller (and, on OpenShift, the router) reach target-api', () => {
    const sources = objects
      .filter((o) => o.kind === 'NetworkPolicy')
      .filter(
        (o) =>
          (o.spec as { podSelector: { matchLabels: Record<string, string> } }).podSelector
            .matchLabels['app.kubernetes.io/name'] === 'target-api',
      )
      .flatMap((o) =>
        (o.spec as { ingress: { from: unknown[] }[] }).ingress.flatMap((r) => r.from),
      );
    const expected: unknown[] = [
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'caller' } } },
    ];
    if (overlay === 'cern')
      expected.push({
        namespaceSelector: { matchLabels: { 'policy-group.network.openshift.io/ingress': '' } },
      });
    expect(sources).toEqual(expected);
  });
});

describe('overlay dev', () => {
  let objects: K8sObject[];
  beforeAll(() => (objects = render('dev')));

  it('adds the emulator and PostgreSQL, and target-api expects the issuer the emulator signs', () => {
    expect(find(objects, 'Deployment', 'sso-emulator')).toEqual(expect.any(Object));
    expect(find(objects, 'StatefulSet', 'postgres')).toEqual(expect.any(Object));
    expect(configOf(objects, 'target-api').SSO_ISSUER).toBe(
      `${configOf(objects, 'sso-emulator').SSO_PUBLIC_URL}/auth/realms/cern`,
    );
  });
});

describe('overlay cern', () => {
  let objects: K8sObject[];
  beforeAll(() => (objects = render('cern')));

  it('talks to the real CERN SSO, has no emulator, database or committed Secret', () => {
    expect(configOf(objects, 'target-api').SSO_ISSUER).toBe(
      'https://auth.cern.ch/auth/realms/cern',
    );
    expect(configOf(objects, 'caller').SSO_TOKEN_ENDPOINT).toBe(
      'https://auth.cern.ch/auth/realms/cern/api-access/token',
    );
    expect(objects.map((o) => o.kind)).not.toContain('Secret');
    expect(objects.map((o) => o.metadata.name)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/sso-emulator|postgres/)]),
    );
    const urls = objects
      .filter((o) => o.kind === 'ConfigMap')
      .flatMap((o) => Object.values(o.data as Record<string, string>))
      .filter((value) => /^https?:/.test(value));
    expect(urls.filter((url) => /localhost|127\.0\.0\.1/.test(url))).toEqual([]);
  });

  it('exposes target-api through an OpenShift Route over HTTPS', () => {
    expect(find(objects, 'Route', 'target-api')?.spec).toMatchObject({
      to: { kind: 'Service', name: 'target-api' },
      tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
    });
  });
});

describe('the checks fail on a broken manifest', () => {
  let objects: K8sObject[];
  beforeEach(() => (objects = structuredClone(render('dev'))));

  it('names a renamed variable and a value the service refuses', async () => {
    const caller = configOf(objects, 'caller');
    caller.CALLER_ID = caller.CALLER_CLIENT_ID!;
    delete caller.CALLER_CLIENT_ID;
    configOf(objects, 'target-api').SSO_ISSUER = 'sso-emulator:8080';
    const problems = await checkEnvironments(objects);
    expect(problems).toEqual([
      'Deployment/caller container caller: CALLER_ID is not a variable of caller',
      'Deployment/target-api container target-api: SSO_ISSUER: expected an http(s) URL without query or fragment, got "sso-emulator:8080"',
    ]);
  });

  it('names an object that breaks its schema', () => {
    (find(objects, 'Deployment', 'target-api')!.spec as { replicas: unknown }).replicas = 'three';
    expect(validateSchemas(objects)).toEqual([
      expect.stringMatching(/^Deployment\/target-api: .*replicas must be integer/),
    ]);
  });
});
