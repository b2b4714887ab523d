import * as library from '@testing-library/react';
import { createElement, useEffect, useLayoutEffect, type ReactElement } from 'react';
import * as bindings from '../../src/react';
import type { BindingFramework } from '../bindings/framework';

/** React and its Testing Library, for the shared suites in test/bindings. */
export const react: BindingFramework<ReactElement> = {
  name: 'React',
  entry: 'biscuit-consent/react',
  bindings,
  library,
  createElement,
  useEffect,
  useLayoutEffect,
};
