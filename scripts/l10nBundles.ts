// Writes l10n/bundle.l10n.json and l10n/bundle.l10n.zh-cn.json from the string table.
// Run: node -r ./test/register.js scripts/l10nBundles.ts
// (test/unit/extension-manifest.test.ts fails when the bundles drift from the table.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { l10nBundles } from '../src/extension/strings';

const dir = join(__dirname, '..', 'l10n');
const bundles = l10nBundles();
writeFileSync(join(dir, 'bundle.l10n.json'), `${JSON.stringify(bundles.en, null, 2)}\n`);
writeFileSync(join(dir, 'bundle.l10n.zh-cn.json'), `${JSON.stringify(bundles['zh-cn'], null, 2)}\n`);
