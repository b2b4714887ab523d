import type { ReactNode } from 'react';
import { isGranted } from '../bindings/is-granted';
import { useRecord } from './use-consent';

/** Props of `ConsentGate`. */
export interface ConsentGateProps<C extends string = string> {
  /** The category that must be granted, e.g. `"analytics"`. */
  category: C;
  /** Rendered while it is granted. */
  children?: ReactNode;
  /** Rendered while it is not (undecided, refused or withdrawn). Default: nothing. */
  fallback?: ReactNode;
}

/**
 * Renders `children` only while the visitor grants `category`, and `fallback`
 * otherwise; follows every change, so a withdrawal unmounts the children.
 * Throws outside a `ConsentProvider`.
 */
export function ConsentGate<C extends string = string>({ category, children, fallback = null }: ConsentGateProps<C>): ReactNode {
  return isGranted(useRecord('<ConsentGate>'), category) ? children : fallback;
}
