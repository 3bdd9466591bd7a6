import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { type K8sObject } from './render.js';

type Model = new (data: never) => { validate(): void };

/** The kinds these manifests use, each checked against its Kubernetes OpenAPI schema. */
const MODELS: Record<string, Model> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/**
 * kubernetes-models has no OpenShift types; an OpenShift Route is checked for the fields the
 * router needs (route.openshift.io/v1).
 */
function validateRoute(route: K8sObject): string[] {
  const spec = route.spec as
    | { host?: unknown; to?: { kind?: unknown; name?: unknown }; tls?: { termination?: unknown } }
    | undefined;
  const problems: string[] = [];
  if (typeof spec?.host !== 'string') problems.push('spec.host must be a string');
  if (spec?.to?.kind !== 'Service' || typeof spec.to.name !== 'string')
    problems.push('spec.to must name a Service');
  if (spec?.tls && !['edge', 'passthrough', 'reencrypt'].includes(String(spec.tls.termination)))
    problems.push('spec.tls.termination must be edge, passthrough or reencrypt');
  return problems;
}

/**
 * Kustomize wraps a Secret's long base64 values over lines; the API server's decoder (Go's
 * encoding/base64) skips line breaks, the schema's "byte" format does not.
 */
function withoutBase64LineBreaks(object: K8sObject): K8sObject {
  if (object.kind !== 'Secret' || !object.data) return object;
  const data = Object.entries(object.data as Record<string, string>).map(([k, v]) => [
    k,
    v.replace(/\s/g, ''),
  ]);
  return { ...object, data: Object.fromEntries(data) };
}

/** Every problem of every object, as `<Kind>/<name>: <problem>`; empty when all are valid. */
export function validateSchemas(objects: K8sObject[]): string[] {
  return objects.flatMap((object) => {
    const where = `${object.kind}/${object.metadata?.name}`;
    const type = `${object.apiVersion}/${object.kind}`;
    if (type === 'route.openshift.io/v1/Route')
      return validateRoute(object).map((p) => `${where}: ${p}`);
    const model = MODELS[type];
    if (!model) return [`${where}: no schema for ${type}; add it to MODELS`];
    try {
      new model(withoutBase64LineBreaks(object) as never).validate();
      return [];
    } catch (error) {
      return [`${where}: ${(error as Error).message}`];
    }
  });
}
