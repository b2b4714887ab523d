// useConsent and useConsentInstance in React: the shared suite (test/bindings).
import { memo } from 'react';
import { describeUseConsent } from '../bindings/use-consent.suite';
import { react } from './framework';

describeUseConsent({ ...react, memo });
