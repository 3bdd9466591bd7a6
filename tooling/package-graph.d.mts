export interface WorkspacePackage {
  tier: string;
  dir: string;
  name: string;
  dependencies: string[];
  devDependencies: string[];
}
export const DOC: string;
export function readWorkspace(root?: string): WorkspacePackage[];
export function mermaidGraph(packages: WorkspacePackage[]): string;
export function withGraph(doc: string, graph: string): string;
