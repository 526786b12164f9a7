// The webview is untrusted input (it renders workspace text): every message it sends is checked
// for its type and fields here before the extension acts on it.
import type { PanelState, WebviewMessage } from '../../protocol/messages';

const CLAUSE_ID = /^[A-Za-z0-9][\w.-]{0,63}$/;

export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'pickPack':
      return { type: 'pickPack' };
    case 'exportReport':
      return { type: 'exportReport' };
    case 'reveal':
      return typeof m.clause === 'string' && CLAUSE_ID.test(m.clause) ? { type: 'reveal', clause: m.clause } : undefined;
    default:
      return undefined;
  }
}

/** The state a restored panel hands back; only a pack path that is a known pack is used. */
export function parsePanelState(raw: unknown, knownPacks: ReadonlySet<string>): PanelState {
  if (typeof raw !== 'object' || raw === null) return {};
  const pack = (raw as Record<string, unknown>).pack;
  return typeof pack === 'string' && knownPacks.has(pack) ? { pack } : {};
}
