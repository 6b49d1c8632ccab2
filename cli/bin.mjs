#!/usr/bin/env node
// The `jobcast` command: loads the TypeScript CLI through tsx, the same code the server runs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
