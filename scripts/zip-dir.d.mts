/** Types of zip-dir.mjs (for the e2e driver). */
export function zipDir(dir: string, out: string): void;
