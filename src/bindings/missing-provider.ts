import { BiscuitError } from '../core/errors';

/**
 * The error for a hook or component used outside its provider. It names the
 * provider and the entry to import it from, since a second copy of the
 * bindings (or the React entry inside a Preact app) is the other usual cause.
 */
export function missingProvider(caller: string, entry: string): BiscuitError {
  return new BiscuitError(`${caller} must be used inside <ConsentProvider consent={…}> from "${entry}"; none was found above it`);
}
