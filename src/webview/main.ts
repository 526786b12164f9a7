// The score panel. It renders the model the extension sends; every value goes in with
// textContent (never innerHTML), so workspace text such as an evidence title stays text.
import type { HostMessage, PanelModel, PanelState, WebviewMessage } from '../protocol/messages';
import './panel.css';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
/** The clause the user asked to see (code lens); kept across re-renders while typing. */
let focusedClause: string | undefined;

type Attrs = Record<string, string | undefined>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  text?: string,
  ...children: (Node | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  for (const c of children) if (c) node.appendChild(c);
  return node;
}

function reveal(clause: string): void {
  vscode.postMessage({ type: 'reveal', clause });
}

/** A clause id that acts as a button (click or Enter/Space). */
function clauseButton(id: string, hint: string): HTMLElement {
  const b = el('button', { class: 'link', type: 'button', title: hint }, id);
  b.addEventListener('click', () => reveal(id));
  return b;
}

function render(model: PanelModel): void {
  const s = model.strings;
  const frag = document.createDocumentFragment();
  const header = el('header', { class: 'header' });
  header.appendChild(el('h1', {}, s.title));
  header.appendChild(el('span', { class: 'pack', 'data-testid': 'pack' }, model.packLabel));
  if (model.canPickPack) {
    const pick = el('button', { type: 'button', class: 'secondary', 'data-testid': 'pick-pack' }, s.pickPack);
    pick.addEventListener('click', () => vscode.postMessage({ type: 'pickPack' }));
    header.appendChild(pick);
  }
  const exportReport = el('button', { type: 'button', class: 'secondary', 'data-testid': 'export-report' }, s.exportReport);
  exportReport.addEventListener('click', () => vscode.postMessage({ type: 'exportReport' }));
  header.appendChild(exportReport);
  frag.appendChild(header);

  const score = model.score;
  if (!score) {
    frag.appendChild(el('p', { class: 'problem', 'data-testid': 'problem' }, model.problem ?? s.noScore));
    root.replaceChildren(frag);
    return;
  }

  // Summary: total, stars, band
  const summary = el('section', { class: `summary${score.failed ? ' failed' : ''}`, 'aria-label': s.score });
  summary.appendChild(el('div', { class: 'total', 'data-testid': 'score', title: s.score }, score.total));
  summary.appendChild(
    el(
      'div',
      { class: 'stars', 'data-testid': 'stars', 'aria-label': score.starsLabel, role: 'img', title: score.starsLabel },
      score.starsText,
    ),
  );
  summary.appendChild(el('div', { class: 'band', 'data-testid': 'band' }, score.band));
  summary.appendChild(el('div', { class: 'standard' }, score.standardTitle));
  frag.appendChild(summary);
  if (score.capText) frag.appendChild(el('p', { class: 'notice', 'data-testid': 'initial-cap', role: 'note' }, score.capText));
  if (score.sheetText) frag.appendChild(el('p', { class: 'muted', 'data-testid': 'sheet' }, score.sheetText));
  if (score.provisional) frag.appendChild(el('p', { class: 'notice', 'data-testid': 'provisional', role: 'note' }, score.provisionalText));

  // Sections
  const sections = el('section', { 'aria-label': s.sections });
  sections.appendChild(el('h2', {}, s.sections));
  for (const sec of score.sections) {
    const row = el('div', { class: 'section', 'data-testid': 'section', 'data-section': sec.id });
    row.appendChild(el('span', { class: 'section-name' }, `${sec.id} ${sec.title}`));
    const bar = el('div', {
      class: 'bar',
      role: 'progressbar',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-valuenow': sec.percent.toFixed(0),
    });
    const fill = el('div', { class: 'fill' });
    fill.style.width = `${sec.percent.toFixed(1)}%`;
    bar.appendChild(fill);
    row.appendChild(bar);
    row.appendChild(el('span', { class: 'section-value' }, `${sec.earned} / ${sec.applicable}`));
    sections.appendChild(row);
  }
  frag.appendChild(sections);

  // Next band
  if (score.next) {
    const next = el('section', { class: 'next', 'data-testid': 'next' });
    next.appendChild(el('h2', {}, s.next));
    next.appendChild(el('p', { 'data-testid': 'needed', 'data-needed': score.next.needed }, score.next.neededText));
    if (score.next.suggestions.length > 0) {
      next.appendChild(el('h3', {}, s.suggestions));
      const list = el('ol', { class: 'suggestions' });
      for (const sug of score.next.suggestions) {
        const li = el('li', { 'data-testid': 'suggestion', 'data-clause': sug.clause });
        li.appendChild(clauseButton(sug.clause, s.revealHint));
        li.appendChild(el('span', { class: 'title' }, ` ${sug.title} `));
        li.appendChild(el('span', { class: 'gain' }, sug.gain));
        li.appendChild(el('span', { class: 'muted' }, ` · ${sug.missing}`));
        list.appendChild(li);
      }
      next.appendChild(list);
    }
    frag.appendChild(next);
  } else {
    frag.appendChild(el('p', { class: 'muted', 'data-testid': 'top-band' }, s.topBand));
  }

  // Every leaf
  const clauses = el('section', { 'aria-label': s.clauses });
  clauses.appendChild(el('h2', {}, s.clauses));
  const table = el('table', { 'data-testid': 'clauses' });
  const head = el('tr');
  for (const h of [s.clause, s.titleColumn, s.state, s.points, s.earned, s.evidenceColumn, s.missing])
    head.appendChild(el('th', { scope: 'col' }, h));
  table.appendChild(el('thead', {}, undefined, head));
  const body = el('tbody');
  for (const c of score.clauses) {
    const tr = el('tr', {
      'data-clause': c.id,
      'data-state': c.state,
      class: `state-${c.state}${c.id === focusedClause ? ' focused' : ''}`,
    });
    tr.appendChild(el('td', {}, undefined, clauseButton(c.id, c.hasEntry ? s.revealHint : s.addHint)));
    const title = el('td', { title: c.reason }, c.title);
    if (c.refines) title.appendChild(el('span', { class: 'muted refines', 'data-testid': 'refines' }, ` · ${c.refines}`));
    tr.appendChild(title);
    tr.appendChild(el('td', { class: 'state' }, c.stateLabel));
    tr.appendChild(el('td', { class: 'num' }, c.points));
    tr.appendChild(el('td', { class: 'num' }, c.earned));
    tr.appendChild(el('td', { class: 'evidence', 'data-testid': 'evidence' }, c.evidence));
    tr.appendChild(el('td', { class: 'missing' }, c.missingKinds.join(', ')));
    body.appendChild(tr);
  }
  table.appendChild(body);
  clauses.appendChild(table);
  frag.appendChild(clauses);

  // Special deductions and bonus
  const specials = el('section', { 'data-testid': 'specials' });
  specials.appendChild(el('h2', {}, s.specials));
  specials.appendChild(el('p', { 'data-testid': 'deductions' }, s.deductions));
  if (score.deductions.items.length > 0)
    specials.appendChild(el('ul', {}, undefined, ...score.deductions.items.map((i) => el('li', {}, i))));
  specials.appendChild(el('p', { 'data-testid': 'bonus' }, s.bonus));
  if (score.bonus.items.length > 0) specials.appendChild(el('ul', {}, undefined, ...score.bonus.items.map((i) => el('li', {}, i))));
  frag.appendChild(specials);

  // Eligibility and dossier: apart from the score, which they never change
  if (score.scheme) {
    const scheme = el('section', { 'data-testid': 'scheme' });
    scheme.appendChild(el('h2', {}, score.scheme.title));
    scheme.appendChild(el('p', { class: 'muted' }, score.scheme.note));
    scheme.appendChild(el('p', { 'data-testid': 'prerequisites' }, score.scheme.prerequisites));
    scheme.appendChild(el('p', { 'data-testid': 'dossier' }, score.scheme.dossier));
    if (score.scheme.missing.length > 0) {
      scheme.appendChild(
        el(
          'ul',
          { class: 'missing-items' },
          undefined,
          ...score.scheme.missing.map((i) => el('li', { 'data-item': i.id }, `${i.title} (${i.id})`)),
        ),
      );
    }
    frag.appendChild(scheme);
  }

  // Why this score
  const why = el('section', { class: 'why', 'data-testid': 'why' });
  why.appendChild(el('h2', {}, s.why));
  score.why.forEach((line, i) => why.appendChild(el(i < 2 ? 'code' : 'p', { class: i < 2 ? 'formula' : '' }, line)));
  frag.appendChild(why);

  root.replaceChildren(frag);
}

function focusClause(clause: string): void {
  focusedClause = clause;
  for (const row of Array.from(document.querySelectorAll<HTMLElement>('tr[data-clause]'))) {
    const match = row.dataset.clause === clause;
    row.classList.toggle('focused', match);
    if (match) {
      row.scrollIntoView({ block: 'center' });
      row.querySelector<HTMLButtonElement>('button')?.focus();
    }
  }
}

function isHostMessage(data: unknown): data is HostMessage {
  if (typeof data !== 'object' || data === null) return false;
  const t = (data as { type?: unknown }).type;
  return t === 'update' || t === 'focusClause';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  if (message.type === 'update') {
    render(message.model);
    vscode.setState({ pack: message.model.pack, model: message.model });
  } else {
    focusClause(message.clause);
  }
});

// A restored panel shows the model it had at once; the extension sends a fresh one when its check is done.
const saved = vscode.getState()?.model;
if (saved && typeof saved === 'object' && saved.strings) render(saved);
vscode.postMessage({ type: 'ready' });
