// Types of the built-in standards scripts/generate.cjs parses from schemas/standards/ (standards.js):
// a Standard without its indexes (byId, leaves), rebuilt when loaded; failAt Infinity is null.
import type { Standard } from '../types';

declare const standards: Record<string, Omit<Standard, 'byId' | 'leaves'>>;
export = standards;
