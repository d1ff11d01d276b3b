/**
 * Structured logs: one JSON object per line on stdout, through pino (synchronous, so the last line before
 * an exit is written). Credentials never reach the log: `authorization` fields are redacted wherever they
 * appear in the logged fields.
 */
import pino from 'pino';
import { traceFields } from './telemetry.ts';

export type LogLevel = 'info' | 'warn' | 'error';

const logger = pino(
  {
    // A process of several (SKILLGRAPH_WORKERS, src/cluster.ts) says which it is on every line.
    base: process.env.SKILLGRAPH_ROLE ? { process: process.env.SKILLGRAPH_ROLE, pid: process.pid } : undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['authorization', '*.authorization', '*.*.authorization', 'apiKey', '*.apiKey'],
      censor: '[redacted]',
    },
  },
  pino.destination({ fd: 1, sync: true }),
);

/** One line; inside a traced span (src/telemetry.ts) it carries the span's traceId and spanId. */
export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  const ids = traceFields();
  logger[level](ids ? { ...ids, ...fields } : fields, msg);
}
