// The one way into dist/deliverables.js (exceljs, docx, fflate): the xlsx and docx writers, the workbook reader,
// zip. The CLI bundle requires it itself. The extension has one bundle, dist/browser.js, which the Node host
// runs too: there the Node entry hands the require in (src/extension/extension.ts → activate.ts); in a web
// worker nothing does, and those formats say they are unavailable instead of failing (src/extension/commands),
// as importing a workbook says to use CSV or the command line.
import type { Lang } from '../../core/types';
import { t, type PresentString } from '../catalogue';
import type { WorkbookReader } from './sheetFile';

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

/** For a format that dist/deliverables.js writes: `unavailable` says `reason` in a host without it (the format is
 *  offered, greyed, with why); `load` gives the writers, loading them on first use, or throws that reason. */
export function deliverablesFor(reason: PresentString) {
  return {
    unavailable: (lang: Lang) => (hasDeliverables() ? undefined : t(lang, reason)),
    load(lang: Lang): Deliverables {
      const writers = deliverables();
      if (!writers) throw new Error(t(lang, reason));
      return writers;
    },
  };
}

/** The workbook reader, loaded now; undefined in a host without the exporters' bundle or where it cannot be
 *  loaded, so that importing a workbook says to use CSV or the command line rather than failing. */
export function workbookReader(): WorkbookReader | undefined {
  try {
    return deliverables()?.readWorkbookTables;
  } catch {
    return undefined;
  }
}
