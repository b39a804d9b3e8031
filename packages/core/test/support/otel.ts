/** OpenTelemetry's Node SDK with an in-memory exporter: the spans a real tracer would export. */
import { NodeSdk } from "@effect/opentelemetry"
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base"
import { Effect, type Exit } from "effect"

/** Runs `effect` with the SDK installed, answering its exit and every span it exported. */
export const withOtel = <A, E>(
  effect: Effect.Effect<A, E>
): Effect.Effect<{ readonly exit: Exit.Exit<A, E>; readonly spans: ReadonlyArray<ReadableSpan> }> => {
  const exporter = new InMemorySpanExporter()
  const layer = NodeSdk.layer(() => ({
    resource: { serviceName: "ofsc-test" },
    spanProcessor: new SimpleSpanProcessor(exporter)
  }))
  // read before the layer closes: shutting the SDK down empties the exporter
  const run = Effect.flatMap(Effect.exit(effect), (exit) =>
    Effect.sync(() => ({ exit, spans: exporter.getFinishedSpans() }))
  )
  return Effect.provide(run, layer)
}

/** Everything an exported span holds as text: name, attributes, events and their attributes, status, links. */
export const spanText = (span: ReadableSpan): string =>
  JSON.stringify({
    name: span.name,
    attributes: span.attributes,
    events: span.events.map((e) => ({ name: e.name, attributes: e.attributes })),
    status: span.status,
    links: span.links
  })
