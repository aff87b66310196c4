// Types for layer-table.js (plain JS so eslint.config.js can import it too).
export type Runtime = 'pure' | 'node' | 'main' | 'renderer';

export interface LayerRow {
  readonly folder: string;
  readonly runtime: Runtime;
  readonly mayImport: readonly string[];
  readonly fix: string;
}

export const LAYER_TABLE: readonly LayerRow[];
export function rowOf(path: string, table?: readonly LayerRow[]): LayerRow | undefined;
export function layerTableMarkdown(table?: readonly LayerRow[]): string;
export function specifierPattern(folder: string, from: string, table?: readonly LayerRow[]): string;
