// ConsentGate in React: the shared suite (test/bindings).
import { describeConsentGate } from '../bindings/consent-gate.suite';
import { react } from './framework';

describeConsentGate(react);
