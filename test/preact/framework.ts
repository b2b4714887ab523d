import * as library from '@testing-library/preact';
import { h, type VNode } from 'preact';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import * as bindings from '../../src/preact';
import type { BindingFramework } from '../bindings/framework';

/** Preact and its Testing Library, for the shared suites in test/bindings (without preact/compat, as the bindings). */
export const preact: BindingFramework<VNode> = {
  name: 'Preact',
  entry: 'biscuit-consent/preact',
  bindings,
  library,
  createElement: h,
  useEffect,
  useLayoutEffect,
};
