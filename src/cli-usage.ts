/**
 * The command line's help, in a module of its own: `skillgraph --help` and `skillgraph <command> --help`
 * print it without loading the commands (bin/skillgraph imports only this for help).
 */
export const USAGE = `usage: skillgraph <command> [options]

  import-esco <dir>                       import the official ESCO CSV download (idempotent)
  export-taxonomy [--format json|csv] [--out FILE] [--release NAME]
                                          write skills and occupations (stdout by default), live or as a
                                          release froze them
  import-taxonomy <file>                  import a file written by export-taxonomy (idempotent)
  train-encoder [--epochs N] [--base builtin|teacher] [--no-feedback]
                                          train the semantic tagger's projection on the store's taxonomy and
                                          on the lines where people confirmed or added a skill
                                          (written to <data dir>/models/projection.bin, used on next start)
  extract [--kind job|resume|profile|text] [--expand] [--min-confidence X] [FILE]
                                          skills in a text (stdin by default), as JSON
  generate-marketplace --out DIR [--members N] [--jobs N] [--seed S] [--interactions-per-member N] [--esco DIR]
                                          write a generated marketplace in the import format (deterministic)
  train [--epochs N] [--steps N] [--batch N] [--fanouts 10,5 (one per layer)] [--sampling adaptive|fixed] [--hidden N] [--lr X] [--seed S] [--fusion-steps N] [--workers N]
                                          train the GraphSAGE encoder and the fusion head; writes a model version.
                                          --workers N: gradient threads (default 1; more pay from --batch 1024)
  models [list | use <version> | use --newest | remove <version>]
                                          the trained model versions (the service serves the pinned or newest)
  evaluate [--holdout FILE | --split time|random (default time) [--fraction 0.1]] [--cold-fraction 0.05] [--k 10] [--json] [training options]
                                          hold out member→job pairs (and cold-start members with all their edges),
                                          train on the rest, and compare popularity, text-only, GraphSAGE, fused
                                          and re-ranked rankings (Recall@K, MRR, NDCG@K)
  export --out DIR [--types member,job] [--kinds graph,fused] [--format npy|jsonl|parquet] [--version V]
         [--rows-per-file N]              write one embedding version to files with a manifest (the same
                                          writer as startEmbeddingExport; parquet: a dataset in DIR/vectors,
                                          one partition per type, a part file every N rows)
  import <dir> [--allow-partial] [--fast]
                                          import members.jsonl, jobs.jsonl, interactions.jsonl; bad lines are
                                          reported with their line numbers and skipped, and the exit status
                                          is 1 unless --allow-partial. Re-running after a crash is safe: an
                                          interaction is (member, job, type, at), so replays count once.
                                          --fast extracts with the student encoder (~2.5x the records/s)

The store comes from the environment: SKILLGRAPH_STORE (embedded|neo4j), SKILLGRAPH_DATA_DIR, NEO4J_URI…`;

/** The whole usage, or one command's lines of it (and the closing note) for `skillgraph <command> --help`. */
export function usage(command?: string): string {
  if (!command) return USAGE;
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${command} `) || l === `  ${command}`);
  if (start < 0) return USAGE;
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('      ')) end++;
  return ['usage: skillgraph ' + lines[start].trim(), ...lines.slice(start + 1, end), '', lines[lines.length - 1]].join(
    '\n',
  );
}

/** Whether the arguments ask for help only (nothing else needs loading). */
export function wantsHelp(argv: string[]): boolean {
  const [command, ...rest] = argv;
  return (
    command === undefined ||
    ['help', '-h', '--help'].includes(command) ||
    rest.includes('--help') ||
    rest.includes('-h')
  );
}
