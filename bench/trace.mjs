// The part of a page's script time that is garbage collection, from a
// Chromium trace. V8 runs a pending collection at the next check it makes in
// whatever JavaScript is running, so a collection the page's own parsing
// made necessary can land inside a library's script and be counted as its
// script time (bench/README.md, findings).

/** Trace categories with script tasks (devtools.timeline) and every V8 collection, its finishing step included (v8). */
const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc'];

/** Trace events that run a page's JavaScript. */
const SCRIPT_TASKS = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks']);

/** V8's and Blink's collections: the young and the full one, their incremental steps and their finishing. */
const COLLECTION = /^(MajorGC|MinorGC|V8\.GC|BlinkGC|CppGC)/;

/**
 * Starts recording a trace in `cdp` (before the page is opened); `stop()`
 * ends it and returns the milliseconds of garbage collection run inside the
 * page's script tasks, in thread time as `ScriptDuration` is.
 */
export async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      return collectionInsideScripts(events);
    },
  };
}

/** Milliseconds of collection nested in script tasks on the page's main thread (the renderer thread that ran most scripts). */
export function collectionInsideScripts(events) {
  const threads = new Map();
  for (const event of events) {
    if (event.ph != 'X' || event.dur == null) continue;
    const key = `${event.pid}:${event.tid}`;
    if (!threads.has(key)) threads.set(key, []);
    threads.get(key).push(event);
  }
  const mainThreads = events.filter((event) => event.name == 'thread_name' && event.args?.name == 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`);
  const scriptCount = (key) => (threads.get(key) || []).filter((event) => SCRIPT_TASKS.has(event.name)).length;
  const main = mainThreads.sort((a, b) => scriptCount(b) - scriptCount(a))[0];
  if (!main) return NaN;
  // Outermost events first where two start together, so nesting is read from the start times alone.
  const timeline = threads.get(main).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let scriptEnd = -Infinity;
  let collectionEnd = -Infinity;
  let microseconds = 0;
  for (const event of timeline) {
    if (SCRIPT_TASKS.has(event.name) && event.ts >= scriptEnd) scriptEnd = event.ts + event.dur;
    else if (COLLECTION.test(event.name) && event.ts < scriptEnd && event.ts >= collectionEnd) {
      // The outermost collection event only: the steps inside it are part of its time.
      collectionEnd = event.ts + event.dur;
      microseconds += event.tdur ?? event.dur;
    }
  }
  return microseconds / 1000;
}
