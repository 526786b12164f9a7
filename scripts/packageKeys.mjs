// Rewrites only the package.json keys the extension owns (contributes, activationEvents,
// capabilities, categories, keywords, icon, l10n, galleryBanner, repository), keeping every
// other key and the key order as they are. Run: node scripts/packageKeys.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(file, 'utf8'));

const evidenceGlobs = ['**/*.evidence.yaml', '**/*.evidence.yml', '**/*.evidence.md'];
const commands = ['showScore', 'newPack', 'revalidate', 'openStandard', 'exportReport'];

const owned = {
  categories: ['Linters', 'Visualization', 'Other'],
  keywords: ['GB/T 27922', '售后服务', 'after-sales service', 'audit', 'evidence', 'certification', '证据包', 'yaml', 'markdown'],
  icon: 'media/icon.png',
  galleryBanner: { color: '#1e3a5f', theme: 'dark' },
  repository: { type: 'git', url: 'https://github.com/evidence-pack/evidence-pack' },
  l10n: './l10n',
  activationEvents: [
    'workspaceContains:**/evidence-pack.yaml',
    ...evidenceGlobs.map((g) => `workspaceContains:${g}`),
    ...commands.map((c) => `onCommand:evidencePack.${c}`),
    'onWebviewPanel:evidencePack.score',
  ],
  capabilities: {
    untrustedWorkspaces: {
      supported: 'limited',
      description: '%capabilities.untrustedWorkspaces.description%',
      restrictedConfigurations: ['evidencePack.maxFileSizeMB'],
    },
    virtualWorkspaces: {
      supported: false,
      description: '%capabilities.virtualWorkspaces.description%',
    },
  },
  contributes: {
    commands: commands.map((c) => ({
      command: `evidencePack.${c}`,
      // Full titles (no category) so zh-CN reads 证据包：… with a full-width colon.
      title: `%command.${c}%`,
      ...(c === 'showScore' ? { icon: '$(graph)' } : {}),
    })),
    menus: {
      commandPalette: [
        { command: 'evidencePack.showScore', when: 'workspaceFolderCount > 0' },
        { command: 'evidencePack.revalidate', when: 'workspaceFolderCount > 0' },
        { command: 'evidencePack.openStandard', when: 'workspaceFolderCount > 0' },
        { command: 'evidencePack.exportReport', when: 'workspaceFolderCount > 0' },
      ],
      'editor/title': [
        { command: 'evidencePack.showScore', group: 'navigation', when: 'resourceFilename =~ /(\\.evidence\\.(ya?ml|md)|^evidence-pack\\.yaml)$/' },
      ],
    },
    configuration: {
      title: '%configuration.title%',
      properties: {
        'evidencePack.language': {
          type: 'string',
          enum: ['auto', 'zh-CN', 'en'],
          enumDescriptions: ['%configuration.language.auto%', '%configuration.language.zh-CN%', '%configuration.language.en%'],
          default: 'auto',
          markdownDescription: '%configuration.language%',
          scope: 'window',
        },
        'evidencePack.debounceMs': {
          type: 'number',
          default: 300,
          minimum: 0,
          maximum: 5000,
          markdownDescription: '%configuration.debounceMs%',
          scope: 'resource',
        },
        'evidencePack.maxFileSizeMB': {
          type: 'number',
          default: 10,
          minimum: 0.1,
          maximum: 1024,
          markdownDescription: '%configuration.maxFileSizeMB%',
          scope: 'resource',
        },
      },
    },
    grammars: [{
      scopeName: 'evidence-pack.injection',
      path: './syntaxes/evidence-pack.injection.json',
      injectTo: ['source.yaml', 'text.html.markdown'],
    }],
    problemMatchers: [{
      name: 'evidence-pack',
      label: '%problemMatcher.label%',
      owner: 'evidence-pack',
      source: 'evidence-pack',
      applyTo: 'allDocuments',
      fileLocation: ['relative', '${workspaceFolder}'],
      pattern: {
        regexp: '^(.+?):(\\d+):(\\d+):?\\s+(error|warning|info)\\s+([a-z][a-z0-9-]*)\\s+(.*)$',
        file: 1, line: 2, column: 3, severity: 4, code: 5, message: 6,
      },
    }],
    // No yamlValidation: with the YAML extension installed it would report every schema problem a
    // second time beside ours.
  },
};

for (const [key, value] of Object.entries(owned)) pkg[key] = value;
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log('package.json: updated', Object.keys(owned).join(', '));
