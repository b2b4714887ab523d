import { report } from './report';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
// biome-ignore lint/suspicious/noExplicitAny: one map holds the listeners of every event, each with its own arguments
type Listener = (...args: any[]) => void;

/** A minimal typed event emitter; a throwing listener is reported and the others still run. */
export function createEmitter<Events extends { [E in keyof Events]: Listener }>() {
  // Null prototype: an event called "__proto__" or "constructor" is just a name.
  const listeners: Partial<Record<keyof Events, Listener[]>> = Object.create(null);
  return {
    on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
      listeners[event] = [...(listeners[event] || []), listener];
      return () => {
        listeners[event] = (listeners[event] || []).filter((other) => other !== listener);
      };
    },
    emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
      // Listeners added or removed while emitting take effect from the next emit.
      for (const listener of listeners[event] || []) {
        try {
          listener(...args);
        } catch (error) {
          report(error);
        }
      }
    },
    clear(): void {
      for (const event in listeners) delete listeners[event];
    },
  };
}
