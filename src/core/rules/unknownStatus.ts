// A `status:` that is neither a status id nor one of its labels (the schema leaves the words to this rule:
// ids and labels in both languages, any case, are more than a JSON Schema enum says well).
import { statusChoices } from '../statuses';
import { SCHEMA } from './reading';
import type { FileRule } from './rule';

export const unknownStatus: FileRule = {
  check(file, ctx, report) {
    for (const e of file.entries) {
      if (e.statusText === undefined || e.status !== undefined) continue;
      report(
        SCHEMA,
        file.file,
        e.statusRange ?? e.idRange,
        { clause: e.clause, status: e.statusText, statuses: statusChoices(ctx.lang) },
        { variant: 'unknownStatus', clause: e.clause },
      );
    }
  },
};
