/**
 * The `biscuit-consent` executable (package.json `bin`): `npx biscuit-consent scan <url>`.
 * Built by tsup into dist/cli.js, a Node ES module with a shebang.
 */
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
