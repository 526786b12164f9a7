// Where the formats that need Node find their writers (dist/deliverables.js: exceljs, fflate). The CLI
// bundle requires it itself. The extension has one bundle, dist/browser.js, which the Node host runs too:
// there the Node entry hands the require in (src/extension/extension.ts → activate.ts); in a web worker
// nothing does, and those formats say they are unavailable instead of failing (src/extension/commands).
export type Deliverables = typeof import('./deliverables');

declare const __NODE__: boolean;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
let loader: (() => Deliverables) | undefined = __NODE__ ? () => require('./deliverables') as Deliverables : undefined;

/** The Node extension host's way to the exporters (undefined: none in this host). */
export function provideDeliverables(load: (() => Deliverables) | undefined): void {
  loader = load;
}

/** Whether this host can write the formats that need Node, without loading them. */
export function hasDeliverables(): boolean {
  return loader !== undefined;
}

/** The exporters, loaded on first use; undefined in a host without them. */
export function deliverables(): Deliverables | undefined {
  return loader?.();
}
