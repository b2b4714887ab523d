/**
 * The names of the texts about categories that are on unless the visitor
 * objects (UK exemptions). Their English is in en-exempt.ts, a chunk of its
 * own fetched only by sites with exemptions; the banner's chunk knows the
 * names alone, for the warning about unknown text keys.
 */
export const EXEMPT_TEXT_KEYS = ['essentialOnly', 'exemptStatistics', 'exemptAppearance', 'exemptBoth', 'turnOff', 'turnedOff', 'exemptNotice'] as const;

/** The name of one of the texts about categories with an exemption. */
export type ExemptTextKey = (typeof EXEMPT_TEXT_KEYS)[number];
