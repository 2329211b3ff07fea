// The import graph of src/ and extension/, from madge (which reads TypeScript's own resolution,
// type-only imports included: a cycle of types is still a cycle in the design).
import madge from 'madge';
import { root } from './ensure.mjs';

/** Whether a file is a unit test or a test helper: those never ship and may import anything. */
export const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith('tests/');

/** File → the files it imports (paths relative to the repository root). */
export async function loadImportGraph() {
  const result = await madge(['src', 'extension'], {
    baseDir: root,
    fileExtensions: ['ts', 'tsx'],
    tsConfig: `${root}/tsconfig.json`,
  });
  return { graph: result.obj(), cycles: result.circular() };
}

/**
 * The folder a file belongs to on the folder-level map: `src/<area>` and `extension/<area>`, and
 * `src/tools/<tool>` since src/tools/ only groups the tools; a file right under src/ is `src`.
 */
export function folderOf(file) {
  const parts = file.split('/');
  const depth = parts[1] === 'tools' ? 3 : 2;
  return parts.length > depth ? parts.slice(0, depth).join('/') : parts.slice(0, -1).join('/');
}

/** The strongly connected components of more than one node (Tarjan), each sorted. */
export function cyclesOf(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}
