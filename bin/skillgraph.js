#!/usr/bin/env node
// The skillgraph command line (npx skillgraph …): runs src/cli.ts through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
