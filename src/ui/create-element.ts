import type { Child, Props } from './markup';

/**
 * Plain-DOM `h` for the banner: creates an element with `props` as attributes
 * (functions as event listeners: `onClick` listens to `click`; `true` is an
 * empty attribute; `undefined`, `null` and `false` are left out) and appends
 * `children`, text as text nodes (never parsed as HTML). Only the props' own
 * keys count, so a page that added members to Object.prototype adds nothing.
 */
export function createElement(type: string, props: Props | null, ...children: Child<HTMLElement>[]): HTMLElement {
  const element = document.createElement(type);
  for (const name of Object.keys(props || {})) {
    const value = props![name];
    if (typeof value == 'function') element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else if (value != null && value !== false) element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child != null && child !== false) element.append(child);
  return element;
}
