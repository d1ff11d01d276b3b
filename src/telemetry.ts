/**
 * OpenTelemetry traces, off unless an OTLP endpoint is configured (the standard variables:
 * OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; OTEL_SERVICE_NAME, default "skillgraph";
 * OTEL_TRACES_SAMPLER_ARG, the share of traces recorded; OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none turn
 * it off). When on, each HTTP request is a server span (continuing a caller's W3C `traceparent`), with children
 * for the GraphQL execution, each root resolver (Query.matchJobs …), every store call and every vector scan,
 * exported over OTLP/HTTP in batches; log lines written inside a span carry its `traceId` and `spanId`. When off,
 * nothing is wrapped: `traced` calls straight through and the SDK is not even loaded.
 */
import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span } from '@opentelemetry/api';
import { ConfigError } from './config.ts';

let on = false;
const tracer = () => trace.getTracer('skillgraph');

export interface Telemetry {
  enabled: boolean;
  /** Exports what is still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** Starts tracing when the environment names an OTLP endpoint; otherwise leaves everything as it is. */
export async function startTelemetry(env: NodeJS.ProcessEnv = process.env): Promise<Telemetry> {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint || env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none')
    return { enabled: false, shutdown: async () => {} };
  const [sdk, { OTLPTraceExporter }, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, resources] =
    await Promise.all([
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/core'),
      import('@opentelemetry/resources'),
    ]);
  // OTEL_TRACES_SAMPLER_ARG: the share of new traces recorded (0 to 1; all by default); a caller's sampled flag wins.
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG ?? 1);
  if (!(ratio >= 0 && ratio <= 1))
    throw new ConfigError(
      `OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "${env.OTEL_TRACES_SAMPLER_ARG}".`,
    );
  const provider = new sdk.TracerProvider({
    resource: resources.resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || 'skillgraph' }),
    sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(ratio) }),
    spanProcessors: [
      new sdk.BatchSpanProcessor({
        // The exporter reads the endpoint, headers and timeout from the same OTEL_EXPORTER_OTLP_* variables.
        exporter: new OTLPTraceExporter(),
        scheduledDelayMillis: Number(env.OTEL_BSP_SCHEDULE_DELAY) || undefined,
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  on = true;
  return {
    enabled: true,
    shutdown: async () => {
      await provider.shutdown();
      on = false;
    },
  };
}

/** Whether spans are being recorded (callers skip building attributes when not). */
export function tracing(): boolean {
  return on;
}

/**
 * Runs `fn` in a child span of the active span when that one is being recorded (ending it when `fn`'s promise
 * settles); otherwise just runs it — an unsampled request, and background work outside any request (timers
 * polling the store), make no spans.
 */
export function traced<T>(name: string, attributes: Attributes, fn: () => T): T {
  if (!on || !trace.getActiveSpan()?.isRecording()) return fn();
  return tracer().startActiveSpan(name, { attributes }, (span) => {
    try {
      const result = fn();
      if (result instanceof Promise)
        return result.then(
          (value) => (span.end(), value),
          (err) => {
            fail(span, err);
            throw err;
          },
        ) as T;
      span.end();
      return result;
    } catch (err) {
      fail(span, err);
      throw err;
    }
  });
}

function fail(span: Span, err: unknown): void {
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
  span.end();
}

/**
 * An HTTP request's server span, continuing the caller's trace when its headers carry one; null when tracing
 * is off. Run the request's work in `inSpan`, end the span when the response is sent.
 */
export function serverSpan(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Attributes,
): { span: Span; context: Context; traceId: string } | null {
  if (!on) return null;
  const parent = propagation.extract(context.active(), headers);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, context: trace.setSpan(parent, span), traceId: span.spanContext().traceId };
}

/** Sets an attribute on the active span, when tracing. */
export function annotate(key: string, value: string | number | boolean): void {
  if (on) trace.getActiveSpan()?.setAttribute(key, value);
}

/**
 * `target` with every method call in a span named `<prefix>.<method>` (a first string argument — the store's
 * node label — as `skillgraph.label`). Used only while tracing: the proxy costs every call.
 */
export function tracedMethods<T extends object>(target: T, prefix: string, attributes: Attributes): T {
  const wrappers = new Map<string, (...args: unknown[]) => unknown>();
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      let wrapper = wrappers.get(prop);
      if (!wrapper) {
        const method = value as (...args: unknown[]) => unknown;
        wrapper = (...args: unknown[]) =>
          traced(
            `${prefix}.${prop}`,
            typeof args[0] === 'string' ? { ...attributes, 'skillgraph.label': args[0] } : attributes,
            () => method.apply(t, args),
          );
        wrappers.set(prop, wrapper);
      }
      return wrapper;
    },
  });
}

/** Writes the active span's W3C traceparent into outgoing `headers` (a call to another process), when tracing. */
export function injectTrace(headers: Record<string, unknown>): void {
  if (on) propagation.inject(context.active(), headers);
}

/** Runs `fn` with `ctx` as the active context. */
export function inContext<T>(ctx: Context, fn: () => T): T {
  return context.with(ctx, fn);
}

/** The active span's ids for a log line, or null (always null when tracing is off). */
export function traceFields(): { traceId: string; spanId: string } | null {
  const span = on ? trace.getActiveSpan() : undefined;
  if (!span) return null;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
