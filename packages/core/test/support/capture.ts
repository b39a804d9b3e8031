/**
 * Captures everything an OFS client could leak a secret through: every log line at every level
 * (message, annotations, cause, spans), every span (name, attributes, events, exit), and whatever
 * the test adds (errors, config), all as text.
 */
import { randomUUID } from "node:crypto"
import { inspect } from "node:util"
import { Cause, Effect, Exit, Layer, Logger, LogLevel, Option, Tracer } from "effect"

/** JSON.stringify that never throws (cycles, bigints) and still yields text to search. */
const json = (u: unknown): string => {
  try {
    return JSON.stringify(u, (_, v) => (typeof v === "bigint" ? v.toString() : v)) ?? ""
  } catch (error) {
    return `<unserialisable: ${String(error)}>`
  }
}

/** Every textual form of a value a careless log or report could produce. */
export const renderings = (u: unknown): string =>
  [String(u), json(u), inspect(u, { depth: 20, showHidden: false, getters: true })].join("\n")

/** The captured text, and the pieces that feed it. */
export interface Capture {
  /** Everything captured so far, one entry per log line, span or recorded value. */
  readonly entries: Array<string>
  /** How many log lines arrived. */
  readonly logCount: () => number
  /** All entries as one text. */
  readonly text: () => string
  /** Adds the renderings of a value (an error, a config). */
  readonly record: (label: string, value: unknown) => void
  /** Adds what an Exit holds: the value, or every failure, defect and the pretty cause. */
  readonly recordExit: (exit: Exit.Exit<unknown, unknown>) => void
  /** Runs an effect with the capturing logger at LogLevel.All and the recording tracer. */
  readonly around: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}

/** A fresh capture. */
export const makeCapture = (): Capture => {
  const entries: Array<string> = []
  let logs = 0

  const logger = Logger.make((options) => {
    logs++
    const parts = [
      `log ${options.logLevel.label}`,
      Logger.logfmtLogger.log(options),
      renderings(options.message),
      ...Array.from(options.annotations, ([key, value]) => `annotation ${key}: ${renderings(value)}`),
      ...Array.from(options.spans, (span) => `log span ${span.label}`)
    ]
    if (!Cause.isEmpty(options.cause))
      parts.push(Cause.pretty(options.cause, { renderErrorCause: true }), json(options.cause))
    entries.push(parts.join("\n"))
  })

  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      const attributes = new Map<string, unknown>()
      const events: Array<string> = []
      const span: Tracer.Span = {
        _tag: "Span",
        name,
        spanId: randomUUID(),
        traceId: Option.match(parent, { onNone: () => randomUUID(), onSome: (p) => p.traceId }),
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes,
        links: [...links],
        sampled: true,
        kind,
        end: (_endTime, exit) => {
          entries.push(
            [
              `span ${name}`,
              ...Array.from(attributes, ([key, value]) => `attribute ${key}: ${renderings(value)}`),
              ...events,
              Exit.isFailure(exit)
                ? Cause.pretty(exit.cause, { renderErrorCause: true })
                : `span ok\n${renderings(exit.value)}`
            ].join("\n")
          )
        },
        attribute: (key, value) => {
          attributes.set(key, value)
        },
        event: (eventName, _time, eventAttributes) => {
          events.push(`event ${eventName} ${renderings(eventAttributes)}`)
        },
        addLinks: () => {}
      }
      return span
    },
    context: (f) => f()
  })

  const logging = Layer.mergeAll(Logger.replace(Logger.defaultLogger, logger), Logger.minimumLogLevel(LogLevel.All))

  const record = (label: string, value: unknown) => {
    entries.push(`${label}\n${renderings(value)}`)
  }

  return {
    entries,
    logCount: () => logs,
    text: () => entries.join("\n----\n"),
    record,
    recordExit: (exit) => {
      if (Exit.isSuccess(exit)) return record("success", exit.value)
      for (const error of Cause.failures(exit.cause)) {
        record("failure", error)
        if (error instanceof Error) record("failure message and stack", `${error.message}\n${error.stack}`)
      }
      for (const defect of Cause.defects(exit.cause)) record("defect", defect)
      record("cause", Cause.pretty(exit.cause, { renderErrorCause: true }))
    },
    around: (effect) => effect.pipe(Effect.provide(logging), Effect.withTracer(tracer))
  }
}
