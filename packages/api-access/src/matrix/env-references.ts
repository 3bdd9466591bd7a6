import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { DocumentPath } from './source-map.js';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** A `${VAR}` whose variable is unset (or empty) and has no `:-default`. */
export interface UnsetReference {
  readonly path: DocumentPath;
  readonly variable: string;
}

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string value of the document (keys are left
 * as written) with the environment's value, so one file serves a laptop and CI
 * (`target: ${TARGET_URL:-http://localhost:3001}`).
 */
export function resolveEnvReferences(
  document: Document,
  env: Readonly<Record<string, string | undefined>>,
): UnsetReference[] {
  const unset: UnsetReference[] = [];
  const walk = (node: unknown, path: DocumentPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      node.value = node.value.replace(REFERENCE, (_, variable: string, fallback?: string) => {
        const value = env[variable];
        if (value !== undefined && value !== '') return value;
        if (fallback !== undefined) return fallback;
        unset.push({ path, variable });
        return '';
      });
    }
  };
  walk(document.contents, []);
  return unset;
}
