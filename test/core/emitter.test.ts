// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmitter } from '../../src/core/emitter';
import { report } from '../../src/core/report';

type Events = { ping: (value: number) => void; pong: () => void };

let reportError: ReturnType<typeof vi.fn>;
beforeEach(() => {
  reportError = vi.fn();
  vi.stubGlobal('reportError', reportError);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Emits to a listener that throws `boom` and one added after it; returns the second. */
function emitPastAThrowingListener(boom: Error) {
  const emitter = createEmitter<Events>();
  const after = vi.fn();
  emitter.on('pong', () => {
    throw boom;
  });
  emitter.on('pong', after);
  emitter.emit('pong');
  return after;
}

describe('createEmitter', () => {
  it('calls exactly the listeners of the event, in the order they were added, and reports nothing', () => {
    const emitter = createEmitter<Events>();
    const calls: string[] = [];
    emitter.on('ping', (value) => calls.push(`a${value}`));
    emitter.on('ping', (value) => calls.push(`b${value}`));
    emitter.on('pong', () => calls.push('pong'));
    emitter.emit('ping', 1);
    expect(calls).toEqual(['a1', 'b1']);
    // An event nobody listens to is simply not heard.
    createEmitter<Events>().emit('pong');
    expect(reportError).not.toHaveBeenCalled();
  });

  it('stops calling a listener once unsubscribed, also when the unsubscribe comes after clear()', () => {
    const emitter = createEmitter<Events>();
    const listener = vi.fn();
    const off = emitter.on('ping', listener);
    const offAfterClear = emitter.on('pong', listener);
    off();
    emitter.emit('ping', 1);
    emitter.clear();
    // A component unmounting after the instance was destroyed.
    offAfterClear();
    emitter.emit('pong');
    const later = vi.fn();
    emitter.on('pong', later);
    emitter.emit('pong');
    expect(listener).not.toHaveBeenCalled();
    expect(later).toHaveBeenCalledOnce();
    expect(reportError).not.toHaveBeenCalled();
  });

  it('reports a throwing listener and still calls the others', () => {
    const boom = new Error('listener bug');
    expect(emitPastAThrowingListener(boom)).toHaveBeenCalledOnce();
    expect(reportError).toHaveBeenCalledWith(boom);
  });
});

describe('report', () => {
  it('hands the error to reportError, so window.onerror and error trackers see it', () => {
    const error = new Error('x');
    report(error);
    expect(reportError).toHaveBeenCalledWith(error);
  });

  it('logs it to the console in browsers without reportError (Safari before 15.4)', () => {
    vi.stubGlobal('reportError', undefined);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const boom = new Error('listener bug');
    expect(emitPastAThrowingListener(boom)).toHaveBeenCalledOnce();
    expect(consoleError).toHaveBeenCalledWith(boom);
  });
});
