// Types for parser-fuzz-cases.mjs, so that TypeScript tests can import it.
import type { Arbitrary } from 'fast-check';
import type { ParsedAnswer } from '../src/glm/actions.js';
import type { FrameSize } from '../src/glm/geometry.js';

export declare const modelAnswer: Arbitrary<string>;
export declare const frameSize: Arbitrary<FrameSize>;
export declare function parseViolation(parsed: ParsedAnswer, size: FrameSize): string | null;
