// The rule registry: file rules run per evidence file (cached with it), pack rules per pack.
import { awardedRange } from './awardedRange';
import { clauseNotLeaf } from './clauseNotLeaf';
import { conflictingStatus } from './conflictingStatus';
import { evidenceDates } from './evidenceDates';
import { exclusion } from './exclusion';
import { links } from './links';
import { missingClause } from './missingClause';
import { missingEvidence } from './missingEvidence';
import { openAction } from './openAction';
import { partialNeedsSamples } from './partialNeedsSamples';
import type { FileRule, PackRule } from './rule';
import { samplesInvalid } from './samplesInvalid';
import { specialItems } from './specialItems';
import { unknownClause } from './unknownClause';
import { unknownKind } from './unknownKind';
import { unknownStatus } from './unknownStatus';

export const FILE_RULES: FileRule[] = [
  unknownClause,
  clauseNotLeaf,
  unknownKind,
  unknownStatus,
  links,
  evidenceDates,
  samplesInvalid,
  awardedRange,
  openAction,
];
export const PACK_RULES: PackRule[] = [missingClause, conflictingStatus, exclusion, missingEvidence, partialNeedsSamples, specialItems];
