// Where the benchmark and the repository are, for every bench module.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = resolve(BENCH, '..');
