// `node scripts/import-map.mjs [--json]`: the folder-level import map of src/ and extension/ (which
// area imports which, with the number of file-level imports behind each edge) and any folder-level
// cycles with the imports that make them. Tests are left out: they may import anything.
import { cyclesOf, folderOf, isTest, loadImportGraph } from './import-graph.mjs';

const { graph } = await loadImportGraph();

/** folder → folder → the file-level imports behind that edge. */
const imports = new Map();
for (const [file, deps] of Object.entries(graph)) {
  if (isTest(file)) continue;
  const from = folderOf(file);
  if (!imports.has(from)) imports.set(from, new Map());
  for (const dep of deps) {
    const to = folderOf(dep);
    if (to === from || isTest(dep)) continue;
    const edge = imports.get(from);
    if (!edge.has(to)) edge.set(to, []);
    edge.get(to).push(`${file} → ${dep}`);
  }
}

const folders = [...imports.keys()].sort();
const cycles = cyclesOf(new Map(folders.map((f) => [f, [...imports.get(f).keys()]])));

if (process.argv.includes('--json')) {
  const map = Object.fromEntries(folders.map((f) => [f, Object.fromEntries([...imports.get(f)].sort().map(([to, why]) => [to, why.length]))]));
  console.log(JSON.stringify({ imports: map, cycles }, null, 2));
} else {
  console.log('Folder-level imports (count of file-level imports):\n');
  for (const from of folders) {
    const targets = [...imports.get(from)].sort(([a], [b]) => a.localeCompare(b));
    console.log(`${from}\n  → ${targets.length ? targets.map(([to, why]) => `${to} (${why.length})`).join(', ') : '(nothing)'}`);
  }
  console.log(cycles.length ? `\n${cycles.length} folder-level cycle(s):` : '\nNo folder-level cycle.');
  for (const cycle of cycles) {
    console.log(`\n  ${cycle.join(' ↔ ')}`);
    for (const from of cycle) {
      for (const [to, why] of imports.get(from)) if (cycle.includes(to)) for (const line of why) console.log(`    ${line}`);
    }
  }
}
