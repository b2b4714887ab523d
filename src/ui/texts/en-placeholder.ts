import type { PlaceholderTextKey } from './placeholder-keys';

/**
 * English texts of an embed's placeholder, in the placeholders' chunk: only a
 * page with a blocked embed downloads them. `{provider}` is who serves the
 * embed, `{category}` the title(s) of what it needs.
 */
export const enPlaceholder: Readonly<Record<PlaceholderTextKey, string>> = {
  /** The placeholder's name when the element has no `title`. */
  placeholderName: 'Embedded content',
  /** Left out when the provider is unknown. */
  placeholderFrom: 'This content is provided by {provider}.',
  placeholderCookies: 'It may set {category}.',
  placeholderLoad: 'Load this content',
  placeholderAccept: 'Accept {category}',
};
