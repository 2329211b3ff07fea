/** Types of tests/tiers.mjs (plain JS so that the vitest configs import it with its extension). */
export type Tier = 'unit' | 'integration' | 'component' | 'e2e';
export declare const TIERS: Record<Tier, string[]>;
