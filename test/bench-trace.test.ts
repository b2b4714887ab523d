// @vitest-environment node
// bench/trace.mjs splits off the garbage collection V8 ran inside a page's
// scripts; the benchmark's "without it" figures subtract it from the script
// time, so counting one collection twice, or one outside a script, would
// make our script look cheaper than it is.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the benchmark
import { collectionInsideScripts } from '../bench/trace.mjs';

const MAIN = { pid: 1, tid: 10 };
const OTHER = { pid: 2, tid: 20 };
const threadName = (thread: object) => ({ ...thread, ph: 'M', name: 'thread_name', args: { name: 'CrRendererMain' } });
const event = (thread: object, name: string, ts: number, dur: number, tdur = dur) => ({ ...thread, ph: 'X', name, ts, dur, tdur });

describe('garbage collection inside scripts, from a Chromium trace', () => {
  it('counts a collection nested in a script task once, in thread time, with its inner steps inside it', () => {
    const events = [
      threadName(MAIN),
      event(MAIN, 'EventDispatch', 1000, 4000),
      event(MAIN, 'FunctionCall', 1010, 3980),
      event(MAIN, 'V8.GCHandleGCRequest', 1100, 3300, 3200),
      event(MAIN, 'MajorGC', 1150, 2300),
      event(MAIN, 'V8.GC_MC_MARK', 1200, 500),
    ];
    expect(collectionInsideScripts(events)).toBe(3.2);
  });

  it('leaves out a collection in a task of its own and one on another thread', () => {
    const events = [
      threadName(MAIN),
      threadName(OTHER),
      event(MAIN, 'EvaluateScript', 0, 500),
      event(MAIN, 'MajorGC', 600, 2500),
      event(MAIN, 'EvaluateScript', 4000, 800),
      event(MAIN, 'MinorGC', 4100, 300),
      event(OTHER, 'FunctionCall', 0, 9000),
      event(OTHER, 'MajorGC', 10, 8000),
    ];
    // The main thread is the renderer thread with the most script tasks; on it, only the MinorGC is inside a script.
    expect(collectionInsideScripts(events)).toBe(0.3);
  });

  it('is NaN for a trace without a renderer main thread', () => {
    expect(collectionInsideScripts([event(OTHER, 'EvaluateScript', 0, 10)])).toBeNaN();
  });
});
