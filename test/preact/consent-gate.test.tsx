// ConsentGate in Preact: the shared suite (test/bindings).
import { describeConsentGate } from '../bindings/consent-gate.suite';
import { preact } from './framework';

describeConsentGate(preact);
