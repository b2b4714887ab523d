// What the dialog holds: links in its texts, buttons and radios (none of them ever disabled), and
// the cookie tables' disclosures and scrolling boxes (never first or last, but where Shift+Tab may start).
const FOCUSABLE = 'a,button,input,summary,[tabindex="0"]';

/**
 * Keeps Tab and Shift+Tab inside `container`, as a modal dialog must (the
 * dialog is not the browser's modal: see dialog.tsx). Call it from a `keydown` handler.
 */
export function trapTab(event: KeyboardEvent, container: Element): void {
  const items = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement as HTMLElement;
  // Shift+Tab from the first item, or from the heading that took focus on opening, wraps to the end.
  if (event.shiftKey ? active == first || !items.includes(active) : active == last) {
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  }
}
