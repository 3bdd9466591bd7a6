import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { MatrixFileProblem } from './matrix-errors.js';

/** A path into the parsed document: mapping keys and list indexes. */
export type DocumentPath = readonly (string | number)[];

/**
 * Turns a path in the YAML document into a line and column, so every problem in a matrix file
 * points at the text the user wrote. `at: 'key'` points at a mapping key instead of its value
 * (an unknown key, an identity without a row).
 */
export class SourceMap {
  constructor(
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  problem(path: DocumentPath, message: string, at: 'value' | 'key' = 'value'): MatrixFileProblem {
    const described = at === 'key' ? path.slice(0, -1) : path;
    return { ...this.position(path, at), message: `${describePath(described)}${message}` };
  }

  private position(path: DocumentPath, at: 'value' | 'key'): { line: number; column: number } {
    // The deepest node that exists: a missing field is reported where its parent is.
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = this.node(path.slice(0, depth), depth === path.length ? at : 'value');
      if (node?.range) {
        const { line, col } = this.lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return { line: 1, column: 1 };
  }

  private node(path: DocumentPath, at: 'value' | 'key'): Node | undefined {
    if (path.length === 0) return this.document.contents ?? undefined;
    if (at === 'key') {
      const parent = this.document.getIn(path.slice(0, -1), true);
      const key = path[path.length - 1];
      if (!isMap(parent)) return undefined;
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      return isScalar(pair?.key) ? pair.key : undefined;
    }
    const node = this.document.getIn(path, true);
    return typeof node === 'object' && node !== null ? (node as Node) : undefined;
  }
}

/** `identities.ops.clientId: `, `routes[2]: `, or nothing for the document itself. */
function describePath(path: DocumentPath): string {
  if (path.length === 0) return '';
  const text = path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
  return `${text}: `;
}
