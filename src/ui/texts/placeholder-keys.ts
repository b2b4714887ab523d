/**
 * The names of an embed placeholder's own texts (their English is in
 * en-placeholder.ts, in the placeholders' chunk), so the banner's chunk knows
 * them for the warning about unknown text keys without carrying their words.
 */
export const PLACEHOLDER_TEXT_KEYS = ['placeholderName', 'placeholderFrom', 'placeholderCookies', 'placeholderLoad', 'placeholderAccept'] as const;

/** The name of one of a placeholder's own texts. */
export type PlaceholderTextKey = (typeof PLACEHOLDER_TEXT_KEYS)[number];
