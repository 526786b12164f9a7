// A score that may not be current is never shown as if it were: the status bar marks it and says why.
import { strict as assert } from 'node:assert';
import { freshnessNote, freshStatusText } from '../../src/extension/status/statusText';

describe('status bar: a score that is not current', () => {
  it('is shown as it is while current, with a spinner while a slow check runs, with a warning after a failed one', () => {
    assert.equal(freshStatusText('★★★ 82.4 Three-star', { kind: 'current' }), '★★★ 82.4 Three-star');
    assert.equal(freshStatusText('★★★ 82.4 Three-star', { kind: 'checking' }), '$(sync~spin) ★★★ 82.4 Three-star');
    assert.equal(freshStatusText('★★★ 82.4 Three-star', { kind: 'failed', detail: 'x' }), '$(warning) ★★★ 82.4 Three-star');
  });
  it('the tooltip says why, in both languages, with the failure', () => {
    assert.equal(freshnessNote({ kind: 'current' }, 'en'), undefined);
    assert.match(freshnessNote({ kind: 'checking' }, 'en')!, /previous check/);
    assert.match(freshnessNote({ kind: 'checking' }, 'zh-CN')!, /上一次检查/);
    assert.match(
      freshnessNote({ kind: 'failed', detail: 'Unavailable (FileSystemError)' }, 'en')!,
      /failed \(Unavailable \(FileSystemError\)\).*out of date/,
    );
    assert.match(freshnessNote({ kind: 'failed', detail: 'EIO' }, 'zh-CN')!, /检查失败（EIO）/);
  });
});
