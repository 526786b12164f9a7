// Every diagnostic code, each defined in the rule file that reports it: the order is SARIF's rule list and
// docs/diagnostics*.md's. The Record type makes a code in DiagnosticCode without a definition a compile error.
import type { CodeDefinition } from '../diagnostic';
import type { DiagnosticCode } from '../types';
import { AWARDED_OUT_OF_RANGE } from './awardedRange';
import { CLAUSE_NOT_LEAF } from './clauseNotLeaf';
import { CONFLICTING_STATUS } from './conflictingStatus';
import { FUTURE_EVIDENCE, INVALID_DATE, STALE_EVIDENCE, UNDATED_EVIDENCE } from './evidenceDates';
import { EXCLUSION_NEEDS_JUSTIFICATION, EXCLUSION_NOT_ALLOWED } from './exclusion';
import { BROKEN_LINK, OUTSIDE_WORKSPACE } from './links';
import { MANIFEST_INVALID, PLACEHOLDER_ORGANIZATION } from './manifestChecks';
import { MISSING_CLAUSE } from './missingClause';
import { MISSING_EVIDENCE } from './missingEvidence';
import { OPEN_ACTION } from './openAction';
import { PARTIAL_NEEDS_SAMPLES } from './partialNeedsSamples';
import { FILE_TOO_LARGE, FILE_UNREADABLE, SCHEMA, YAML_SYNTAX } from './reading';
import { SAMPLES_INVALID } from './samplesInvalid';
import { INITIAL_CAP, MISSING_DOSSIER_ITEM, MISSING_PREREQUISITE, RATING_BY_ROUNDING, SHORT_OPERATION } from './scheme';
import { BONUS_LIMIT, SPECIAL_DEDUCTIONS_FAIL, UNRECTIFIED_DEDUCTION } from './specialItems';
import { POINTS_MISMATCH, STANDARD_INVALID } from './standardChecks';
import { UNKNOWN_CLAUSE } from './unknownClause';
import { UNKNOWN_KIND } from './unknownKind';

export const CODES: Readonly<Record<DiagnosticCode, CodeDefinition>> = {
  'yaml-syntax': YAML_SYNTAX,
  schema: SCHEMA,
  'unknown-clause': UNKNOWN_CLAUSE,
  'clause-not-leaf': CLAUSE_NOT_LEAF,
  'unknown-kind': UNKNOWN_KIND,
  'broken-link': BROKEN_LINK,
  'outside-workspace': OUTSIDE_WORKSPACE,
  'missing-clause': MISSING_CLAUSE,
  'missing-evidence': MISSING_EVIDENCE,
  'stale-evidence': STALE_EVIDENCE,
  'future-evidence': FUTURE_EVIDENCE,
  'undated-evidence': UNDATED_EVIDENCE,
  'invalid-date': INVALID_DATE,
  'conflicting-status': CONFLICTING_STATUS,
  'exclusion-not-allowed': EXCLUSION_NOT_ALLOWED,
  'exclusion-needs-justification': EXCLUSION_NEEDS_JUSTIFICATION,
  'partial-needs-samples': PARTIAL_NEEDS_SAMPLES,
  'samples-invalid': SAMPLES_INVALID,
  'awarded-out-of-range': AWARDED_OUT_OF_RANGE,
  'points-mismatch': POINTS_MISMATCH,
  'unrectified-deduction': UNRECTIFIED_DEDUCTION,
  'bonus-limit': BONUS_LIMIT,
  'special-deductions-fail': SPECIAL_DEDUCTIONS_FAIL,
  'open-action': OPEN_ACTION,
  'file-too-large': FILE_TOO_LARGE,
  'manifest-invalid': MANIFEST_INVALID,
  'standard-invalid': STANDARD_INVALID,
  'file-unreadable': FILE_UNREADABLE,
  'placeholder-organization': PLACEHOLDER_ORGANIZATION,
  'initial-cap': INITIAL_CAP,
  'rating-by-rounding': RATING_BY_ROUNDING,
  'missing-prerequisite': MISSING_PREREQUISITE,
  'missing-dossier-item': MISSING_DOSSIER_ITEM,
  'short-operation': SHORT_OPERATION,
};
