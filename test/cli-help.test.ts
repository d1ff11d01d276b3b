/** `skillgraph --help` and `skillgraph <command> --help` (bin/skillgraph.js): the usage, loading no command. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['bin/skillgraph.js', ...args], { encoding: 'utf8' });

describe('the command line help', () => {
  it('prints the whole usage, or one command’s lines, and exits 0 (2 without a command)', () => {
    const all = run('--help');
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^usage: skillgraph <command>/);
    expect(all.stdout).toMatch(/import-esco <dir>/);
    const train = run('train', '--help');
    expect(train.status).toBe(0);
    expect(train.stdout).toMatch(/^usage: skillgraph train \[--epochs N\]/);
    expect(train.stdout).not.toMatch(/import-esco/);
    expect(train.stdout).toMatch(/SKILLGRAPH_STORE/);
    expect(run().status).toBe(2);
    // An unknown command still gets the whole usage from the command line itself.
    const unknown = run('no-such-command');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "no-such-command"/);
  });
});
