/**
 * The placeholder a blocked embed shows in its own box until it loads: what
 * it is, who serves it and which cookies it may set, in the visitor's
 * language, with two buttons of equal weight, "Load this content" and
 * "Accept <category>". Plain DOM, a lazily loaded chunk with embeds.ts; its
 * styles are in ui/styles.css.
 */
import type { Consent } from '../core/consent';
import { categoryTexts } from '../ui/texts/category-texts';
import { enPlaceholder } from '../ui/texts/en-placeholder';
import type { PlaceholderTextKey } from '../ui/texts/placeholder-keys';
import { primaryLanguage, resolveTexts, type ResolvedTexts } from '../ui/texts/resolve-texts';
import { createEmbeds, type EmbedEventDetail, type PlaceholderDrawer } from './embeds';
import type { StartEmbeds } from './finder';
import { measureBox, placeholderBox } from './placeholder-box';
import { providerName } from './provider-name';

/** One drawn placeholder: its root, what it was drawn for, and the element's own inline `display`. */
interface Drawn {
  readonly root: HTMLElement;
  key: string;
  readonly display: readonly [value: string, priority: string];
}

/** Moves focus to `element`, making it focusable for the moment if it is not (an image, a widget's box). */
function focusOn(element: Element) {
  const target = element as HTMLElement;
  target.focus();
  if (document.activeElement == target || target.hasAttribute('tabindex')) return;
  target.tabIndex = -1;
  target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  target.focus();
}

/**
 * Creates the drawer of one consent instance's placeholders. Each is a
 * labelled group (its name: the element's `title`), placed just before the
 * element, which is hidden meanwhile (its own inline `display` restored
 * afterwards). Text is always text, never HTML.
 */
function createPlaceholderDrawer(consent: Consent, resolved: ResolvedTexts): PlaceholderDrawer {
  const { lang, dir } = resolved;
  // The banner's sources, in the same order: the config's texts, the built-in translation, English.
  const texts = resolved.resolve(enPlaceholder);
  const drawn = new Map<Element, Drawn>();
  const foreign = primaryLanguage(lang) != primaryLanguage(document.documentElement.lang);
  // Ids unique on the page, even with two consent instances.
  const prefix = `bc-${Math.random().toString(36).slice(2, 8)}-`;
  let count = 0;

  const node = (tag: string, className: string, key?: PlaceholderTextKey) => {
    const element = document.createElement(tag);
    element.className = className;
    if (key && texts.langs[key]) element.lang = 'en';
    return element;
  };

  /** The titles of `names`, each marked English when it fell back to English, as one list in the UI's language. */
  const titles = (names: readonly string[]): (Node | string)[] => {
    const items = names.map((name) => {
      const configured = consent.config.categories.find((candidate) => candidate.name == name);
      const { title, titleLang } = configured ? categoryTexts(resolved, configured) : { title: name, titleLang: undefined };
      if (!titleLang) return title;
      const span = document.createElement('span');
      span.lang = titleLang;
      span.textContent = title;
      return span;
    });
    // Safari before 14.1 has no Intl.ListFormat: a comma then.
    if (!Intl.ListFormat) return items.flatMap((item, i) => (i ? [', ', item] : [item]));
    let at = 0;
    return new Intl.ListFormat(lang, { type: 'conjunction' }).formatToParts(names).map((part) => (part.type == 'element' ? items[at++]! : part.value));
  };

  /** A text with its `{name}` fields filled in: strings stay text, nodes are inserted as they are. */
  const fill = (key: PlaceholderTextKey, fields: Record<string, () => (Node | string)[]>) =>
    texts[key].split(/\{(\w+)\}/).flatMap((part, i) => (i % 2 ? (fields[part] ? fields[part]!() : `{${part}}`) : part));

  /** The placeholder's content for what `detail` says the element waits for. */
  const render = (root: HTMLElement, element: Element, detail: EmbedEventDetail) => {
    const id = root.id || (root.id = prefix + count++);
    const name = node('p', 'bc-text bc-placeholder-name', element.getAttribute('title')?.trim() ? undefined : 'placeholderName');
    name.id = `${id}-name`;
    name.textContent = element.getAttribute('title')?.trim() || texts.placeholderName;
    const provider = providerName(element, document.baseURI);
    const about = node('p', 'bc-text');
    if (provider) {
      const from = node('span', '', 'placeholderFrom');
      from.append(...fill('placeholderFrom', { provider: () => [provider] }));
      about.append(from, ' ');
    }
    const cookies = node('span', '', 'placeholderCookies');
    cookies.append(...fill('placeholderCookies', { category: () => titles(detail.categories) }));
    about.append(cookies);

    const button = (key: PlaceholderTextKey, onClick: () => void, fields = {}) => {
      const element = node('button', 'bc-button', key) as HTMLButtonElement;
      element.type = 'button';
      element.append(...fill(key, fields));
      element.addEventListener('click', onClick);
      return element;
    };
    const load = button('placeholderLoad', detail.load);
    // Several placeholders on a page: each "Load this content" is described by what it loads.
    load.setAttribute('aria-describedby', name.id);
    const actions = node('div', 'bc-actions');
    actions.append(load);
    // A category the config does not have can never be granted: no button that could not help.
    if (detail.categories.every((name) => consent.config.categories.some((category) => category.name == name))) {
      actions.append(button('placeholderAccept', () => void detail.accept(), { category: () => titles(detail.categories) }));
    }
    const body = node('div', 'bc-placeholder-body');
    body.append(name, about, actions);
    root.setAttribute('aria-labelledby', name.id);
    root.replaceChildren(body);
  };

  const drawer: PlaceholderDrawer = {
    show(items) {
      // Every box is measured before any placeholder is drawn: one layout for the batch.
      const boxes = items.map(({ element }) => !drawn.has(element) && placeholderBox(measureBox(element)));
      items.forEach(({ element, detail }, i) => {
        const key = detail.categories.join(' ');
        let entry = drawn.get(element);
        if (!entry) {
          const style = (element as HTMLElement).style;
          const root = node('div', 'bc bc-placeholder');
          root.setAttribute('role', 'group');
          if (foreign) {
            root.lang = lang;
            root.dir = dir;
          }
          // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows.
          for (const [property, value] of Object.entries(boxes[i] as Record<string, string>)) root.style.setProperty(property, value);
          entry = { root, key: '', display: [style.getPropertyValue('display'), style.getPropertyPriority('display')] };
          drawn.set(element, entry);
          // A frame without a name is a WCAG failure once it loads; give it the placeholder's.
          if (element instanceof HTMLIFrameElement && !element.title.trim()) element.title = texts.placeholderName;
          const focused = element == document.activeElement;
          style.setProperty('display', 'none', 'important');
          render(root, element, detail);
          entry.key = key;
          element.before(root);
          // Focus was in the content that just went away: it stays here, on the placeholder.
          if (focused) {
            root.tabIndex = -1;
            root.focus();
          }
        } else {
          if (entry.key != key) render(entry.root, element, detail);
          entry.key = key;
          if (entry.root.nextSibling != element) element.before(entry.root);
        }
      });
    },
    hide(element, focus) {
      const entry = drawn.get(element);
      if (!entry) return;
      drawn.delete(element);
      const hadFocus = entry.root.contains(document.activeElement);
      entry.root.remove();
      const style = (element as HTMLElement).style;
      style.removeProperty('display');
      if (entry.display[0]) style.setProperty('display', entry.display[0], entry.display[1]);
      if (!style.length) element.removeAttribute('style');
      if ((focus || hadFocus) && element.isConnected) focusOn(element);
    },
    destroy() {
      drawn.forEach((_, element) => drawer.hide(element, false));
    },
  };
  return drawer;
}

/** The chunk's entry in the builds with a UI: the embeds' state with placeholders drawn. */
export const startEmbeds: StartEmbeds = async (consent, onApply, activate) =>
  createEmbeds(consent, onApply, { activate, drawer: createPlaceholderDrawer(consent, await resolveTexts(consent.config, document.documentElement.lang)) });
