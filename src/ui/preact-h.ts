import { h as preactH, type ComponentChildren, type ComponentType, type JSX as PreactJSX, type VNode } from 'preact';

/**
 * Preact's `h` for the dialog and the cookies-page form, safe on a page that
 * added enumerable members to `Object.prototype`. Preact reads props with
 * `for…in`, so an inherited `dangerouslySetInnerHTML` (or `children`, or an
 * event handler) would apply to every element: an inherited
 * `dangerouslySetInnerHTML` empties them all. Each inherited key is shadowed
 * by an own `undefined`, then the element's own props are copied over it.
 */
export function h(type: string | ComponentType<never>, props?: object | null, ...children: ComponentChildren[]): VNode {
  const safe: Record<string, unknown> = {};
  const inherited: string[] = [];
  for (const key in safe) inherited.push(key);
  for (const key of inherited) safe[key] = undefined;
  return (preactH as unknown as (type: unknown, props: object, ...children: ComponentChildren[]) => VNode)(type, Object.assign(safe, props), ...children);
}

// The JSX types of Preact, for files that use this `h` as their JSX factory.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace h {
  namespace JSX {
    type Element = PreactJSX.Element;
    type ElementClass = PreactJSX.ElementClass;
    type ElementAttributesProperty = PreactJSX.ElementAttributesProperty;
    type ElementChildrenAttribute = PreactJSX.ElementChildrenAttribute;
    type IntrinsicAttributes = PreactJSX.IntrinsicAttributes;
    type IntrinsicElements = PreactJSX.IntrinsicElements;
    type LibraryManagedAttributes<C, P> = PreactJSX.LibraryManagedAttributes<C, P>;
  }
}
