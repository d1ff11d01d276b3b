/** Resolvers for embedding export jobs. */
import { requireRole } from './auth.ts';
import { upper } from './enums.ts';
import type { Context } from './context.ts';
import type { GnnType } from '../../gnn/index.ts';
import type { ExportJob } from '../export/jobs.ts';
import { PARQUET_ROWS_PER_FILE } from '../export/writers.ts';
import type { ExportFormat, ExportKind } from '../export/writers.ts';

const TYPE_OF: Record<Uppercase<GnnType>, GnnType> = {
  MEMBER: 'Member',
  JOB: 'Job',
  SKILL: 'Skill',
  TITLE: 'Title',
  COMPANY: 'Company',
  LOCATION: 'Location',
  OCCUPATION: 'Occupation',
};

function view(j: ExportJob) {
  return {
    ...j,
    format: j.input.format,
    kinds: j.input.kinds,
    version: j.input.version ?? null,
    position: j.position ?? null,
    base: j.input.base ?? null,
    rowsPerFile: j.input.format === 'PARQUET' ? (j.input.rowsPerFile ?? PARQUET_ROWS_PER_FILE) : null,
    nodeTypes: j.input.nodeTypes.map(upper),
  };
}

export const exportResolvers = {
  Query: {
    exportJob: (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'exportJob');
      const job = ctx.services.exports.get(args.id);
      return job ? view(job) : null;
    },
    exportJobs: (_: unknown, __: unknown, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'exportJobs');
      return ctx.services.exports.list().map(view);
    },
  },
  Mutation: {
    startEmbeddingExport: (
      _: unknown,
      args: {
        input: {
          nodeTypes: Array<Uppercase<GnnType>>;
          kinds: ExportKind[];
          version?: string | null;
          format: ExportFormat;
          destination: string;
          base?: string | null;
          rowsPerFile?: number | null;
        };
      },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'admin', 'startEmbeddingExport');
      return view(
        ctx.services.exports.start({ ...args.input, nodeTypes: args.input.nodeTypes.map((t) => TYPE_OF[t]) }),
      );
    },
    cancelEmbeddingExport: (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'cancelEmbeddingExport');
      return view(ctx.services.exports.cancel(args.id));
    },
  },
};
