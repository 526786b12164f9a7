// Page-object for VS Code 1.100's workbench as served by code-server, driven with playwright-core.
// Selectors learned from the real DOM (see test/e2e/README.md). Every wait is on a condition.
import { mod } from './vscode.mjs';

export const T = { short: 15_000, long: 60_000 };

/** Our keybindings for harness-only actions (by command id, so no fragile palette look-ups). */
export const harnessKeybindings = [
  { key: 'ctrl+alt+shift+1', command: 'workbench.action.files.revert' },
  { key: 'ctrl+alt+shift+2', command: 'workbench.action.closeAllEditors' },
  { key: 'ctrl+alt+shift+3', command: 'workbench.actions.view.problems' },
  { key: 'ctrl+alt+shift+4', command: 'workbench.action.closePanel' },
  { key: 'ctrl+alt+shift+5', command: 'workbench.action.focusActiveEditorGroup' },
];

const trace = process.env.EP_E2E_TRACE
  ? (s) => process.stderr.write(`    [trace ${new Date().toISOString().slice(11, 23)}] ${s}\n`)
  : () => {};

export class Workbench {
  constructor(page) {
    this.page = page;
    // EP_E2E_TRACE=1: log every page-object step with its time, to see where a slow test waits
    for (const name of Object.getOwnPropertyNames(Workbench.prototype)) {
      const fn = this[name];
      if (name === 'constructor' || fn?.constructor?.name !== 'AsyncFunction' || !process.env.EP_E2E_TRACE) continue;
      this[name] = async (...args) => {
        const t = Date.now();
        trace(
          `${name}(${args
            .filter((a) => typeof a !== 'function')
            .map((a) => JSON.stringify(a))
            .join(', ')
            .slice(0, 80)})`,
        );
        try {
          return await fn.apply(this, args);
        } finally {
          trace(`${name} done in ${Date.now() - t}ms`);
        }
      };
    }
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: T.long });
    // the status bar is the last part to render; once it is there the workbench takes input
    await this.page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout: T.long });
  }

  // ---- status bar ---------------------------------------------------------------------------------
  /** The extension's status bar entry: DOM id is `<publisher>.<name>.<item id>`. */
  scoreItem() {
    return this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item[id$="evidencePack.score"]');
  }

  async scoreText({ timeout = T.long } = {}) {
    const item = this.scoreItem();
    await item.waitFor({ timeout });
    return (await item.locator('.statusbar-item-label').innerText()).trim();
  }

  /** Wait until the score item's text satisfies pred; returns the text. */
  async waitScoreText(pred, what, timeout = T.long) {
    const deadline = Date.now() + timeout;
    let last = '';
    for (;;) {
      try {
        last = await this.scoreText({ timeout: Math.max(1000, deadline - Date.now()) });
        if (pred(last)) return last;
      } catch {
        /* not rendered yet */
      }
      if (Date.now() > deadline) throw new Error(`status bar: expected ${what}, last text was ${JSON.stringify(last)}`);
      await this.page.waitForTimeout(100); // poll interval
    }
  }

  /** Problems counts from the status bar entry: {errors, warnings, infos}. */
  async problemCounts() {
    const item = this.page.locator('#status\\.problems .statusbar-item-label');
    await item.waitFor({ timeout: T.long });
    return item.evaluate((el) => {
      const out = { errors: 0, warnings: 0, infos: 0 };
      const keyOf = { 'codicon-error': 'errors', 'codicon-warning': 'warnings', 'codicon-info': 'infos' };
      for (const icon of el.querySelectorAll('.codicon')) {
        const k = Object.keys(keyOf).find((c) => icon.classList.contains(c));
        let n = icon.nextSibling;
        const text = n && n.nodeType === 3 ? n.textContent : '';
        if (k) out[keyOf[k]] = Number.parseInt(text.trim(), 10) || 0;
      }
      return out;
    });
  }

  /** Reads `read()` every 100 ms until `pred` holds of what it read, which is returned; after `timeout`, throws
   *  the error `fail` words from the last read. */
  async poll(read, pred, fail, timeout = T.long) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const last = await read();
      if (pred(last)) return last;
      if (Date.now() > deadline) throw new Error(fail(last));
      await this.page.waitForTimeout(100); // poll interval
    }
  }

  async waitProblemCounts(pred, what, timeout = T.long) {
    return this.poll(
      () => this.problemCounts(),
      pred,
      (last) => `problems: expected ${what}, last was ${JSON.stringify(last)}`,
      timeout,
    );
  }

  // ---- problems view ------------------------------------------------------------------------------
  async showProblems() {
    await this.page.keyboard.press('Control+Alt+Shift+Digit3');
    await this.page.locator('.markers-panel').waitFor({ timeout: T.short });
  }

  async hidePanel() {
    await this.page.keyboard.press('Control+Alt+Shift+Digit4');
  }

  /** Rows of the Problems tree (files and markers), as their aria-labels. Expands everything first. */
  async problemRows() {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ timeout: T.long });
    return rows.evaluateAll((els) =>
      els.map((e) => ({
        label: e.getAttribute('aria-label') ?? '',
        text: e.innerText,
        level: Number(e.getAttribute('aria-level') ?? 0),
      })),
    );
  }

  /**
   * Every row of the Problems tree, scrolling the (virtual) list to render them all:
   * [{label (aria-label), text, level (1 = file, 2 = problem)}].
   */
  async allProblemRows() {
    const list = this.page.locator('.markers-panel .monaco-list').first();
    const rowsEl = list.locator('.monaco-list-rows');
    const rows = list.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: T.long });
    const seen = new Map();
    const deadline = Date.now() + T.long;
    await list.hover();
    for (;;) {
      const batch = await rows.evaluateAll((els) =>
        els.map((e) => ({
          index: Number(e.dataset.index),
          height: e.getBoundingClientRect().height,
          label: e.getAttribute('aria-label') ?? '',
          text: e.innerText,
          level: Number(e.getAttribute('aria-level') ?? 0),
        })),
      );
      for (const r of batch) seen.set(r.index, r);
      const total = Number.parseFloat(await rowsEl.evaluate((e) => e.style.height)) || 0;
      const rowHeight = batch[0]?.height || 22;
      const max = Math.max(...seen.keys());
      if (seen.size === max + 1 && (max + 1) * rowHeight >= total - 1) break;
      if (Date.now() > deadline) throw new Error(`could not render all Problems rows (${seen.size} of ~${Math.round(total / rowHeight)})`);
      await this.page.mouse.wheel(0, rowHeight * 5);
      await this.page.waitForTimeout(50); // let the list render the scrolled rows
    }
    return [...seen.values()].sort((a, b) => a.index - b.index);
  }

  // ---- commands, quick open -----------------------------------------------------------------------
  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Run a command from the palette by its title, as a user would (F1, type, pick the match).
   * Right after start-up the palette may not list extension commands yet: then it is closed and asked again.
   * opensQuickInput: the command shows a quick input of its own (a file dialog), so the palette's widget may
   * stay on screen for it without ever being hidden in between; the caller waits for that input's content.
   */
  async runCommand(title, { timeout = T.long, opensQuickInput = false } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.escapeAll();
      await this.page.keyboard.press('F1');
      const input = this.quickInput().locator('.quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: T.short });
      await input.fill(`>${title}`);
      const row = this.quickInput().locator('.monaco-list-row', { hasText: title }).first();
      try {
        await row.waitFor({ timeout: 5000 });
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`the command palette does not list "${title}"`, { cause: e });
        continue;
      }
      await row.click();
      if (!opensQuickInput) await this.quickInput().waitFor({ state: 'hidden', timeout: T.short });
      return;
    }
  }

  /**
   * Open a workspace file by name through Quick Open (Ctrl+P) and wait for its editor tab.
   * side: open it in the editor group to the side (Ctrl+Enter), keeping e.g. a webview panel visible.
   */
  async openFile(name, { side = false } = {}) {
    await this.escapeAll();
    await this.page.keyboard.press(`${mod}+KeyP`);
    const input = this.quickInput().locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: T.short });
    await input.fill(name);
    const row = this.quickInput()
      .locator('.monaco-list-row', { hasText: name.split('/').pop() })
      .first();
    await row.waitFor({ timeout: T.long });
    await this.page.keyboard.press(side ? `${mod}+Enter` : 'Enter');
    await this.quickInput().waitFor({ state: 'hidden', timeout: T.short });
    // The tab may open in a group that is not the active one a moment later (the score panel beside it took the
    // focus in one CI run, 2026-12-01): find it in any group and click it, as a user would, to make its group active.
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: name.split('/').pop() }).first();
    await tab.waitFor({ timeout: T.short });
    await tab.click();
    await this.page
      .locator('.editor-group-container.active .tabs-container .tab.active', { hasText: name.split('/').pop() })
      .waitFor({ timeout: T.short });
    const editor = this.activeEditor();
    await editor.locator('.view-lines').waitFor({ timeout: T.short });
    return editor;
  }

  /** Go to Line/Column (Ctrl+G) in the active editor; line and col are 1-based. */
  async goTo(line, col = 1) {
    await this.escapeAll();
    await this.focusEditor();
    await this.page.keyboard.press('Control+KeyG');
    const input = this.quickInput().locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: T.short });
    await input.fill(`:${line}:${col}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden', timeout: T.short });
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: T.short });
  }

  /** Selects `target.value` where it stands (`target.line`, `target.col`, 1-based) with the keyboard, as a user would. */
  async selectValue(target) {
    await this.goTo(target.line, target.col);
    for (let i = 0; i < target.value.length; i++) await this.page.keyboard.press('Shift+ArrowRight');
  }

  activeEditor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async editorText() {
    // the model's text, as the view renders it (fine for the small files we edit)
    const lines = await this.activeEditor()
      .locator('.view-lines .view-line')
      .evaluateAll((els) => els.map((e) => ({ top: Number.parseFloat(e.style.top) || 0, text: e.textContent.replace(/\u00a0/g, ' ') })));
    return lines
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text)
      .join('\n');
  }

  /** Wait until the active editor's rendered text satisfies pred; returns the text. */
  async waitEditorText(pred, what, timeout = T.long) {
    return this.poll(
      () => this.editorText(),
      pred,
      (last) => `editor: expected ${what}; visible text:\n${last}`,
      timeout,
    );
  }

  async focusEditor() {
    await this.page.keyboard.press('Control+Alt+Shift+Digit5');
  }

  /** Select the first occurrence of text in the active editor (Find widget, then Escape keeps the selection). */
  async selectInEditor(text) {
    await this.focusEditor();
    await this.page.keyboard.press(`${mod}+Home`);
    await this.page.keyboard.press(`${mod}+KeyF`);
    const find = this.page.locator('.editor-group-container.active .find-widget.visible');
    await find.waitFor({ timeout: T.short });
    const input = find.locator('textarea, input').first();
    await input.fill(text);
    await find.locator('.matchesCount', { hasNotText: /^No results/ }).waitFor({ timeout: T.short });
    await this.page.keyboard.press('Enter'); // go to the (first) match from the cursor at the top
    await this.page.keyboard.press('Escape');
    await find.waitFor({ state: 'hidden', timeout: T.short });
  }

  async revertAndCloseAll() {
    await this.escapeAll();
    await this.focusEditor();
    await this.page.keyboard.press('Control+Alt+Shift+Digit1');
    await this.page.keyboard.press('Control+Alt+Shift+Digit2');
  }

  async escapeAll() {
    // close any open quick input / widget
    if (await this.quickInput().isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInput().waitFor({ state: 'hidden', timeout: T.short });
    }
  }

  // ---- webviews -----------------------------------------------------------------------------------
  /** The content frame of the (visible) webview whose outer iframe is ready: iframe.webview → #active-frame. */
  webview() {
    return this.page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
  }

  /** The same, as a playwright Frame (for evaluate()). */
  async webviewFrame(timeout = T.long) {
    const outer = this.page.locator('iframe.webview.ready:visible').first();
    await outer.waitFor({ timeout });
    const outerFrame = await (await outer.elementHandle()).contentFrame();
    const inner = outerFrame.locator('#active-frame');
    await inner.waitFor({ state: 'attached', timeout });
    return (await inner.elementHandle()).contentFrame();
  }

  // ---- completion -------------------------------------------------------------------------------
  /** Trigger suggestions (Ctrl+Space) at the cursor; waits until the labels shown satisfy pred; returns them. */
  async suggestions(pred = (labels) => labels.length > 0, what = 'suggestions', timeout = T.long) {
    await this.page.keyboard.press('Control+Space');
    const rows = this.page.locator('.editor-group-container.active .suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor({ timeout });
    return this.poll(
      () => rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim())),
      pred,
      (labels) => `completion: expected ${what}; offered ${JSON.stringify(labels)}`,
      timeout,
    );
  }

  // ---- quick fix ----------------------------------------------------------------------------------
  /** Open the quick-fix menu (Ctrl+.) at the cursor and return the labels offered. */
  async quickFixes() {
    await this.page.keyboard.press(`${mod}+Period`);
    const menu = this.page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: T.long });
    const rows = menu.locator('.monaco-list-row.action');
    await rows.first().waitFor({ timeout: T.long });
    return rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
  }

  /** Apply the offered quick fix whose label matches (keyboard: the menu's pointer block eats clicks). */
  async applyQuickFix(match) {
    const menu = this.page.locator('.action-widget');
    const focused = menu.locator('.monaco-list-row.action.focused');
    const rows = await menu.locator('.monaco-list-row.action').count();
    const test = (label) => (typeof match === 'string' ? label.includes(match) : match.test(label));
    for (let i = 0; i <= rows; i++) {
      await focused.waitFor({ timeout: T.short });
      const label = (await focused.getAttribute('aria-label')) ?? (await focused.textContent()) ?? '';
      if (test(label)) {
        await this.page.keyboard.press('Enter');
        await menu.waitFor({ state: 'hidden', timeout: T.short });
        return label;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`no quick fix matching ${match}`);
  }
}
