// "Export Report…" offers what the registry has (html, xlsx, csv, docx once it is there), in the user's
// language; in a web worker (no dist/deliverables.js) the workbook is offered as unavailable with the reason,
// and the Node host's writers produce a real workbook; the panel's button is a message the host accepts.
import { strict as assert } from 'node:assert';
import { unzipSync } from 'fflate';
import { exportChoices, formatArgument, saveDialogFor } from '../../src/extension/commands/exportReport';
import { buildPanelModel } from '../../src/extension/panel/panelModel';
import { parseWebviewMessage } from '../../src/extension/panel/webviewMessages';
import { formatsFor } from '../../src/present/formats';
import { deliverables, provideDeliverables } from '../../src/present/formats/deliverablesLoader';
import { checkDisk, DEMO } from '../cli/formats.test';

describe('Export Report…: the formats it offers', () => {
  const nodeWriters = deliverables()!;
  afterEach(() => provideDeliverables(() => nodeWriters));

  it("offers every report format of the registry, in its order, described in the user's language", () => {
    const ids = formatsFor('report').map((f) => f.id);
    assert.ok(
      ['html', 'xlsx', 'csv'].every((id) => ids.includes(id)),
      ids.join(),
    );
    const en = exportChoices('en'),
      zh = exportChoices('zh-CN');
    assert.deepEqual(
      en.map((c) => c.format.id),
      ids,
    );
    assert.deepEqual(
      en.map((c) => c.description),
      formatsFor('report').map((f) => `.${f.fileExtension}`),
    );
    const xlsx = en.find((c) => c.format.id === 'xlsx')!;
    assert.equal(xlsx.label, 'XLSX');
    assert.match(xlsx.detail, /scoring workbook/);
    assert.match(zh.find((c) => c.format.id === 'xlsx')!.detail, /评分表/);
    assert.ok(
      en.every((c) => !c.unavailable),
      'the Node host writes them all',
    );
  });

  it('in a web worker the workbook is offered as unavailable, with why, in either language; html and csv stay', () => {
    provideDeliverables(undefined); // what activateWith does in the browser host
    const en = exportChoices('en');
    const xlsx = en.find((c) => c.format.id === 'xlsx')!;
    assert.match(xlsx.unavailable!, /CLI or VS Code on the desktop/);
    assert.equal(xlsx.detail, xlsx.unavailable);
    assert.match(xlsx.label, /circle-slash/);
    assert.match(exportChoices('zh-CN').find((c) => c.format.id === 'xlsx')!.unavailable!, /桌面版 VS Code/);
    for (const id of ['html', 'csv']) assert.equal(en.find((c) => c.format.id === id)!.unavailable, undefined, id);
  });

  it("the chosen format writes its file: a workbook through the Node host's writers, saved with that extension only", async () => {
    provideDeliverables(() => nodeWriters); // what the Node entry hands in
    const results = await checkDisk(DEMO, 'en');
    const xlsx = exportChoices('en').find((c) => c.format.id === 'xlsx')!;
    const bytes = await xlsx.format.render({
      results,
      baseDir: DEMO,
      cwd: DEMO,
      lang: 'en',
      command: 'check',
      toolVersion: 't',
      generatedAt: '2026-10-16T00:00:00.000Z',
    });
    assert.ok(bytes instanceof Uint8Array);
    assert.ok(Object.keys(unzipSync(bytes)).includes('xl/workbook.xml'));
    assert.deepEqual(saveDialogFor(xlsx.format, '/ws/pack'), {
      defaultPath: '/ws/pack/evidence-pack-report.xlsx',
      filters: { XLSX: ['xlsx'] },
    });
  });

  it('takes a format from a command argument only when it is a report format', () => {
    assert.equal(formatArgument({ format: 'xlsx' }), 'xlsx');
    for (const bad of [undefined, 'xlsx', { format: 'json' }, { format: 'exe' }, { format: 1 }])
      assert.equal(formatArgument(bad), undefined, JSON.stringify(bad));
  });

  it('the panel has an Export report button in both languages, and its message is accepted', async () => {
    const [result] = await checkDisk(DEMO, 'zh-CN');
    assert.equal(buildPanelModel(result, { lang: 'zh-CN', packLabel: 'demo', canPickPack: false }).strings.exportReport, '导出报告…');
    assert.equal(buildPanelModel(result, { lang: 'en', packLabel: 'demo', canPickPack: false }).strings.exportReport, 'Export report…');
    assert.deepEqual(parseWebviewMessage({ type: 'exportReport', format: '../x' }), { type: 'exportReport' });
  });
});
