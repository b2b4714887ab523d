// What the shared binding suites (*.suite.ts here) need from a framework:
// test/react/framework.ts and test/preact/framework.ts hand them React or Preact.
import type { ConsentRecord } from '../../src/core/record';
import type { Consent } from '../../src/core/consent';
import type { Act } from './consent';

/** A function component; `E` is what the framework's `createElement` returns. */
export type Component<P, E> = (props: P) => E | null;
/** Any component of the framework, only ever handed to its `createElement`. */
export type AnyComponent = (props: never) => unknown;

export interface BindingFramework<E> {
  /** For the names of the tests: "React" or "Preact". */
  readonly name: string;
  /** The entry the bindings are imported from, as their errors name it. */
  readonly entry: string;
  /** The bindings under test. */
  readonly bindings: {
    readonly ConsentProvider: AnyComponent;
    readonly ConsentGate: AnyComponent;
    useConsent(): ConsentRecord;
    useConsentInstance(): Consent;
  };
  /** `createElement` (Preact's `h`): the suites cannot use JSX, which compiles for one framework only. */
  createElement(type: string | AnyComponent, props?: object | null, ...children: unknown[]): E;
  useEffect(effect: () => void | (() => void), deps: readonly unknown[]): void;
  useLayoutEffect(effect: () => void | (() => void), deps: readonly unknown[]): void;
  /** The framework's Testing Library (`@testing-library/react` or `/preact`). */
  readonly library: {
    render(ui: E): { rerender(ui: E): void; unmount(): void };
    readonly screen: {
      getByRole(role: string, options?: { name: string }): HTMLElement;
      queryByRole(role: string, options: { name: string }): HTMLElement | null;
      findByRole(role: string, options: { name: string; pressed: boolean }): Promise<HTMLElement>;
    };
    readonly fireEvent: { click(element: Element): unknown };
    cleanup(): void;
    readonly act: Act;
  };
}
