#!/usr/bin/env node
// The skillgraph command line (npx skillgraph …): runs src/cli.ts through tsx. Help needs only the usage
// text, so it loads nothing else.
import { register } from 'tsx/esm/api';

register();
const argv = process.argv.slice(2);
const { usage, wantsHelp } = await import('../src/cli-usage.ts');
if (wantsHelp(argv)) {
  const [command] = argv;
  const general = command === undefined || ['help', '-h', '--help'].includes(command);
  console.log(usage(general ? undefined : command));
  process.exitCode = command === undefined ? 2 : 0;
} else await import('../src/cli.ts');
