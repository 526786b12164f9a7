// Types of the validators scripts/generate.cjs compiles from schemas/ (validators.js).
import type { ValidateFunction } from 'ajv';

export declare const evidence: ValidateFunction;
export declare const pack: ValidateFunction;
export declare const standard: ValidateFunction;
export declare const scoring: ValidateFunction;
