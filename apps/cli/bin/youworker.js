#!/usr/bin/env node
// The `youworker` admin CLI. The workspace ships TypeScript sources, so load them through tsx.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  // eslint-disable-next-line no-restricted-properties -- the entry point hands the environment to the one parser
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
