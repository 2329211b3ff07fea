// Which main-thread time in a Chromium trace belongs to one extension's content script.
// Used by scripts/bench-content.mjs; the rules are explained in its header and in attributeTrace.

/** Trace categories attributeTrace needs (no stacks and no sampling profiler: both slow the page). */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'extensions',
  'mojom',
  'renderer',
  '__metadata',
];

/** Instants that make the next rendering update necessary (style, layout or a frame callback). */
const INVALIDATIONS = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout', 'RequestAnimationFrame']);
/** The rendering update of a frame (style, layout, pre-paint, paint, commit). */
const LIFECYCLE = new Set(['WebFrameWidgetImpl::UpdateLifecycle', 'WebFrameWidgetImpl::BeginMainFrame']);
/**
 * The browser's own work that can ride along in a frame update we caused, and happens on the page
 * without us too: Chrome reads the page's text for language detection shortly after load (20 ms on
 * a 50,000-node page), in whichever frame comes then.
 */
const NOT_OURS_IN_FRAME = new Set(['ChromeRenderFrameObserver::CapturePageText']);

/** Nests complete events ('X') of one thread by time; returns the top-level ones. */
function nest(events) {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const roots = [];
  const stack = [];
  for (const e of sorted) {
    while (stack.length && stack.at(-1).e.ts + stack.at(-1).e.dur <= e.ts) stack.pop();
    const node = { e, children: [] };
    (stack.length ? stack.at(-1).children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * Sums the renderer main-thread time that an extension's content script costs one page load, from
 * a trace recorded with TRACE_CATEGORIES, in thread time (or wall time: `clock` 'wall'). Returns
 * { total, longest, script, messaging, rendering, mixedRendering } in ms, or null when the content
 * script never ran in the trace.
 *
 * - script: the outermost events that Blink tags with our isolated world (v8.run, v8.compile,
 *   v8.callFunction: timers, idle callbacks, observers, event listeners, frame callbacks) or with
 *   our script's URL (EvaluateScript, FunctionCall) or our extension id (ScriptInjection::InjectJs).
 *   Everything they do synchronously is inside them: DOM calls, forced style and layout, GC.
 * - messaging: whole tasks that deliver an extension message (an `extensions.mojom.*` mojo message;
 *   a page cannot receive those), which is where the promise continuations of our `await
 *   sendMessage(…)` run: they carry no world tag of their own.
 * - rendering: whole tasks holding a rendering update whose every invalidation since the previous
 *   update happened inside our script or one of our message deliveries (the pill and the panel are
 *   built in the continuation of the worker's answer): our shadow host's style, layout, paint and
 *   commit, less the
 *   browser's own passengers (NOT_OURS_IN_FRAME). An update invalidated by the page and by us is
 *   counted in mixedRendering instead (not in total).
 * - longest: the largest share of ours in any one task.
 */
export function attributeTrace(events, extensionId, clock = 'thread') {
  // Thread time (tdur) is what the main thread spent working; wall time (dur) also holds the time
  // it waited for a CPU, which on a shared machine is mostly other people's work.
  const len = clock === 'thread' ? (e) => e.tdur ?? e.dur : (e) => e.dur;
  const prefix = `chrome-extension://${extensionId}/`;
  const run = events.find((e) => (e.name === 'v8.run' || e.name === 'v8.compile') && String(e.args?.fileName ?? e.args?.data?.url ?? '').startsWith(prefix));
  if (!run) return null;
  const world = run.args?.worldName;
  const thread = events.filter((e) => e.pid === run.pid && e.tid === run.tid);
  const roots = nest(thread.filter((e) => e.ph === 'X' && typeof e.dur === 'number'));
  const instants = thread.filter((e) => (e.ph === 'I' || e.ph === 'i' || e.ph === 'R') && INVALIDATIONS.has(e.name)).sort((a, b) => a.ts - b.ts);

  const isOurs = (e) => {
    const a = e.args ?? {};
    if (world && a.worldName === world && e.name.startsWith('v8.')) return true;
    if (String(a.data?.url ?? a.fileName ?? '').startsWith(prefix)) return true;
    return a.chrome_extension_id?.extension_id === extensionId && e.name.startsWith('ScriptInjection');
  };
  // Iterative walks: layout can leave thousands of same-microsecond events nested in a chain.
  /** Outermost events of ours under a node, as [start, end] spans. */
  const spansIn = (node) => {
    const out = [];
    for (const todo = [node]; todo.length; ) {
      const n = todo.pop();
      if (isOurs(n.e)) out.push([n.e.ts, n.e.ts + n.e.dur, len(n.e)]);
      else todo.push(...n.children);
    }
    return out;
  };
  /** Time of the outermost events under a node that pass `test`. */
  const timeOf = (node, test) => {
    let sum = 0;
    for (const todo = [node]; todo.length; ) {
      const n = todo.pop();
      if (test(n.e)) sum += len(n.e);
      else todo.push(...n.children);
    }
    return sum;
  };
  const has = (node, test) => {
    for (const todo = [node]; todo.length; ) {
      const n = todo.pop();
      if (test(n.e)) return true;
      todo.push(...n.children);
    }
    return false;
  };
  const extensionMessage = (e) => e.name === 'Receive mojo message' && /^extensions\.mojom\./.test(e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '');
  const isLifecycle = (e) => LIFECYCLE.has(e.name);

  const ourSpans = [];
  const tasks = [];
  for (const root of roots) {
    const spans = spansIn(root);
    ourSpans.push(...spans);
    const messaging = has(root, extensionMessage);
    // A message delivery is ours whole, and so is what our continuations change in the page there.
    if (messaging) ourSpans.push([root.e.ts, root.e.ts + root.e.dur, len(root.e)]);
    tasks.push({ root, messaging, script: spans.reduce((s, span) => s + span[2], 0) });
  }
  const inOurs = (ts) => ourSpans.some(([a, b]) => ts >= a && ts <= b);

  let script = 0;
  let messaging = 0;
  let rendering = 0;
  let mixedRendering = 0;
  let longest = 0;
  let since = -Infinity;
  for (const t of tasks) {
    let ours = 0;
    if (t.messaging) {
      ours = len(t.root.e);
      messaging += ours;
    } else {
      ours = t.script;
      script += ours;
    }
    if (has(t.root, isLifecycle)) {
      const window = instants.filter((i) => i.ts >= since && i.ts < t.root.e.ts);
      const mine = window.filter((i) => inOurs(i.ts)).length;
      const frame = len(t.root.e) - t.script - timeOf(t.root, (e) => NOT_OURS_IN_FRAME.has(e.name));
      if (mine && mine === window.length && !t.messaging) {
        rendering += frame;
        ours = t.script + frame;
      } else if (mine) mixedRendering += frame;
      since = t.root.e.ts + t.root.e.dur;
    }
    longest = Math.max(longest, ours);
  }
  const ms = (us) => us / 1000;
  return {
    total: ms(script + messaging + rendering),
    longest: ms(longest),
    script: ms(script),
    messaging: ms(messaging),
    rendering: ms(rendering),
    mixedRendering: ms(mixedRendering),
  };
}
