import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const OVERLAYS = ['dev', 'cern'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** One rendered Kubernetes object, loosely typed: the schemas check its shape. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** `kubectl kustomize` of an overlay (kubectl 1.32 embeds Kustomize 5.5), parsed. */
export function render(overlay: Overlay): K8sObject[] {
  const dir = fileURLToPath(new URL(`../../k8s/overlays/${overlay}`, import.meta.url));
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT')
      throw new Error('kubectl is not on PATH: these checks need kubectl 1.32 (Kustomize 5.5)', {
        cause: error,
      });
    throw error;
  }
  return parseAllDocuments(output).map((document) => document.toJS() as K8sObject);
}
