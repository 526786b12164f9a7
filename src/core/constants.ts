export const MANIFEST_NAME = 'evidence-pack.yaml';
export const DEFAULT_EVIDENCE_GLOBS = ['**/*.evidence.yaml', '**/*.evidence.yml', '**/*.evidence.md'];
/** Folders never searched for evidence files. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist']);
