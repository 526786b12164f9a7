// Writing an exported file where the user asked, or saying in their language why it cannot be written.
import { constants, promises as fsp, statSync, accessSync } from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../core/types';
import { t } from '../present/catalogue';

/** Why `target` cannot be written (missing folder, a file where the folder should be, no permission), or undefined. */
export function outputProblem(target: string, lang: Lang): string | undefined {
  const dir = path.dirname(target);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    /* missing */
  }
  if (!isDir) return t(lang, 'deliver.outDirMissing', { file: target, dir });
  try {
    accessSync(dir, constants.W_OK);
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory())
      return t(lang, 'deliver.outNotWritable', { file: target, reason: t(lang, 'deliver.isFolder') });
  } catch {
    return t(lang, 'deliver.outNotWritable', { file: target, reason: t(lang, 'deliver.permissionDenied') });
  }
  return undefined;
}

/** Writes the bytes; a failure is returned as a sentence, never thrown. */
export async function writeOutput(target: string, bytes: Uint8Array, lang: Lang): Promise<string | undefined> {
  const problem = outputProblem(target, lang);
  if (problem) return problem;
  try {
    await fsp.writeFile(target, bytes);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? t(lang, 'deliver.readOnly') : (e as Error).message;
    return t(lang, 'deliver.outNotWritable', { file: target, reason });
  }
}
