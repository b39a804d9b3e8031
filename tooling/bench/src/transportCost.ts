/**
 * Where the transport's time goes. Two parts:
 *
 * 1. Against the child-process shift server, alternating rounds as in transport.bench.ts: the raw
 *    request, Effect's HttpClient alone, a copy of OfscTransport's call path with every stage on,
 *    the same copy with one stage left out at a time, a "lean" copy with the changes this file's
 *    findings suggest, and the real OfscTransport.call.
 * 2. Without I/O: the CPU cost of each stage around an already-resolved effect, so small costs are
 *    not lost in network jitter.
 *
 * Run with `pnpm --filter @ofsc/bench exec tsx src/transportCost.ts` after building @ofsc/core.
 */
import { Headers, HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { OfscClient, OfscTransport } from "@ofsc/core"
import {
  Cause,
  Duration,
  Effect,
  Either,
  Fiber,
  FiberId,
  FiberRef,
  Layer,
  LogLevel,
  ManagedRuntime,
  ParseResult,
  Redacted,
  Schedule,
  Schema
} from "effect"
import { request } from "undici"
import {
  basicAuthorization,
  credentials,
  getShift,
  printTable,
  runRounds,
  Shift,
  settingsFromEnv,
  shiftPath,
  startServer,
  type Variant
} from "./harness.js"

/** The stages of OfscTransport.call, each of which a variant may leave out. */
interface Stages {
  /** validate and encode the input with a schema, fill the path template */
  readonly encode: boolean
  /** `HttpClient.withTracerDisabledWhen` + `withTracerPropagation(false)` on the client */
  readonly quietClient: boolean
  /** `Effect.scoped` around execute + read */
  readonly scoped: boolean
  readonly semaphore: boolean
  readonly timeout: boolean
  /** `Effect.onExit` + `logDebug` + `annotateLogs` */
  readonly log: boolean
  /** `Effect.retry` with the backoff schedule, built per call */
  readonly retry: boolean
  /** `Effect.withSpan` + `annotateCurrentSpan` */
  readonly span: boolean
  /** schema-decode the parsed JSON (otherwise JSON.parse only) */
  readonly decode: boolean
}

const allStages: Stages = {
  encode: true,
  quietClient: true,
  scoped: true,
  semaphore: true,
  timeout: true,
  log: true,
  retry: true,
  span: true,
  decode: true
}

/** The transport's retry schedule (internal/retry.ts), rebuilt here because it is not exported. */
const retrySchedule = (maxRetries: number) =>
  Schedule.exponential(Duration.millis(200)).pipe(
    Schedule.jittered,
    Schedule.modifyDelay((_, delay) => Duration.min(delay, Duration.seconds(10))),
    Schedule.intersect(Schedule.identity<unknown>()),
    Schedule.modifyDelay(([, _error], delay) => Duration.max(delay, Duration.zero)),
    Schedule.intersect(Schedule.recurs(maxRetries)),
    Schedule.whileInput((_: unknown) => true)
  )

/**
 * The same retries as `Effect.retry(self, schedule)`, but the schedule's driver is only built once
 * the first attempt has failed: the first failure is replayed to the schedule, so it still decides
 * whether and how long to wait, and the count of attempts is unchanged.
 */
const retryAfterFirstFailure = <A, E, R>(self: Effect.Effect<A, E, R>, schedule: Schedule.Schedule<unknown, E>) =>
  Effect.catchAll(self, (first) => {
    let replayed = false
    return Effect.retry(
      Effect.suspend(() => {
        if (replayed) return self
        replayed = true
        return Effect.fail(first)
      }),
      schedule
    )
  })

/**
 * A timeout with one forked fiber and a plain timer, instead of `Effect.timeoutFail`'s race of two
 * fibers (the call and a sleep). On expiry the call's fiber is interrupted, which aborts the request.
 */
const timeoutWithTimer = <A, E, R, E2>(self: Effect.Effect<A, E, R>, millis: number, onTimeout: () => E2) =>
  Effect.flatMap(Effect.fork(self), (fiber) => {
    let expired = false
    const timer = setTimeout(() => {
      expired = true
      fiber.unsafeInterruptAsFork(FiberId.none)
    }, millis)
    return Fiber.join(fiber).pipe(
      Effect.ensuring(Effect.sync(() => clearTimeout(timer))),
      Effect.catchAllCause(
        (cause): Effect.Effect<never, E | E2> =>
          expired && Cause.isInterruptedOnly(cause) ? Effect.fail(onTimeout()) : Effect.failCause(cause)
      )
    )
  })

class ReplicaError extends Schema.TaggedError<ReplicaError>()("ReplicaError", { reason: Schema.String }) {}

const encodeInput = Schema.encodeUnknownEither(Schema.Struct({ path: Schema.Struct({ label: Schema.String }) }), {
  errors: "all",
  onExcessProperty: "preserve"
})
const decodeShift = Schema.decodeUnknownEither(Shift, { errors: "all", onExcessProperty: "preserve" })
const decodeShiftDefault = Schema.decodeUnknownEither(Shift)
const responseHeaders = {
  "content-type": "application/json",
  "content-length": "310",
  date: "Tue, 25 Nov 2025 03:00:00 GMT",
  connection: "keep-alive",
  "keep-alive": "timeout=60"
}
/** A list page as OFS sends them: 100 items, 30 known fields and 5 custom properties each. */
const pageFields: Record<string, Schema.optional<typeof Schema.String>> = {}
for (let i = 0; i < 30; i++) pageFields[`field${i}`] = Schema.optional(Schema.String)
const Page = Schema.Struct({
  totalResults: Schema.Number,
  items: Schema.Array(Schema.Struct({ activityId: Schema.Number, ...pageFields }))
})
const pageText = JSON.stringify({
  totalResults: 100,
  items: Array.from({ length: 100 }, (_, n) => {
    const item: Record<string, unknown> = { activityId: n }
    for (let i = 0; i < 30; i++) item[`field${i}`] = `value ${i}`
    for (let i = 0; i < 5; i++) item[`XA_CUSTOM_${i}`] = `custom ${i}`
    return item
  })
})
const decodePagePreserve = Schema.decodeUnknownEither(Page, { errors: "all", onExcessProperty: "preserve" })
const decodePageDefault = Schema.decodeUnknownEither(Page)

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && Object.getPrototypeOf(u) === Object.prototype

/**
 * Puts back the keys a default decode dropped, at every depth: what `onExcessProperty: "preserve"`
 * does, for schemas whose decoded keys are a subset of their encoded keys.
 */
const keepUnknownKeys = (input: unknown, decoded: unknown): unknown => {
  if (Array.isArray(input) && Array.isArray(decoded) && input.length === decoded.length) {
    return decoded.map((d, i) => keepUnknownKeys(input[i], d))
  }
  if (isPlainObject(input) && isPlainObject(decoded)) {
    const out: Record<string, unknown> = { ...input }
    for (const key in decoded) out[key] = keepUnknownKeys(input[key], decoded[key])
    return out
  }
  return decoded
}
const fillPath = (template: string, params: Record<string, unknown>) =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? "")))

/** Cheaper ways of doing the same stage, as suggested for OfscTransport.ts. */
interface Tweaks {
  /** build the retry schedule once, not per call */
  readonly hoistRetry?: boolean
  /** only enter `Effect.retry` once the first attempt has failed */
  readonly retryOnlyOnFailure?: boolean
  /** build the debug log entry only when Debug is enabled */
  readonly logIfEnabled?: boolean
  /** only `withTracerDisabledWhen`: a disabled tracer already sends no propagation headers */
  readonly singleLocally?: boolean
  /** `timeoutWithTimer` instead of `Effect.timeoutFail` */
  readonly timerTimeout?: boolean
}

/**
 * A copy of OfscTransport.call's success path for one GET, with stages switchable. It mirrors
 * packages/core/src/OfscTransport.ts (attempt/execute/decode) as of this benchmark's writing.
 */
const replica = (origin: string, baseClient: HttpClient.HttpClient, stages: Stages, tweaks: Tweaks = {}) => {
  const client = !stages.quietClient
    ? baseClient
    : tweaks.singleLocally
      ? baseClient.pipe(HttpClient.withTracerDisabledWhen(() => true))
      : baseClient.pipe(
          HttpClient.withTracerDisabledWhen(() => true),
          HttpClient.withTracerPropagation(false)
        )
  const permits = Effect.unsafeMakeSemaphore(8)
  const authorization = Effect.succeed(Redacted.make(basicAuthorization))
  const hoisted = retrySchedule(3)
  const logAttempt = (status: number | string, started: number) =>
    Effect.logDebug("ofsc request").pipe(
      Effect.annotateLogs({
        method: "GET",
        path: "/rest/...",
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        attempt: 1
      })
    )
  return (input: { readonly path: { readonly label: string } }) => {
    let path = shiftPath(input.path.label)
    if (stages.encode) {
      const encoded = encodeInput(input)
      if (Either.isLeft(encoded)) return Effect.fail(new ReplicaError({ reason: "input" }))
      path = fillPath(getShift.path, encoded.right.path)
    }
    const req = HttpClientRequest.make("GET")(origin + path, { urlParams: [], acceptJson: true })
    const attempt = (auth: Redacted.Redacted<string>) => {
      const once = Effect.suspend(() => {
        const started = performance.now()
        let eff = client.execute(HttpClientRequest.setHeader(req, "authorization", Redacted.value(auth))).pipe(
          Effect.flatMap((response) => {
            const retryAfter = response.headers["retry-after"]
            return Effect.map(response.text, (text) => ({ status: response.status, text, retryAfter }))
          })
        )
        if (stages.scoped) eff = Effect.scoped(eff)
        let mapped = Effect.mapError(eff, (e) => new ReplicaError({ reason: e._tag }))
        if (stages.timeout) {
          mapped = tweaks.timerTimeout
            ? timeoutWithTimer(mapped, 30_000, () => new ReplicaError({ reason: "Timeout" }))
            : Effect.timeoutFail(mapped, {
                duration: Duration.seconds(30),
                onTimeout: () => new ReplicaError({ reason: "Timeout" })
              })
        }
        const checked = Effect.flatMap(mapped, (read) =>
          read.status >= 200 && read.status < 300
            ? Effect.succeed(read)
            : Effect.fail(new ReplicaError({ reason: "status" }))
        )
        if (!stages.log) return checked
        return Effect.onExit(checked, (exit) => {
          const log = logAttempt(exit._tag === "Success" ? exit.value.status : "none", started)
          return tweaks.logIfEnabled
            ? Effect.flatMap(FiberRef.get(FiberRef.currentMinimumLogLevel), (min) =>
                LogLevel.greaterThan(min, LogLevel.Debug) ? Effect.void : log
              )
            : log
        })
      })
      return stages.semaphore ? permits.withPermits(1)(once) : once
    }
    let sent = Effect.flatMap(authorization, (auth) =>
      attempt(auth).pipe(Effect.catchTag("ReplicaError", (e) => (e.reason === "401" ? attempt(auth) : Effect.fail(e))))
    )
    if (stages.retry) {
      const schedule = tweaks.hoistRetry ? hoisted : retrySchedule(3)
      sent = tweaks.retryOnlyOnFailure ? retryAfterFirstFailure(sent, schedule) : Effect.retry(sent, schedule)
    }
    if (stages.span) {
      sent = Effect.tap(sent, (read) =>
        Effect.annotateCurrentSpan({ "http.response.status_code": read.status, "ofsc.attempts": 1 })
      )
      sent = Effect.withSpan(sent, "ofsc metadata.shifts.get", {
        kind: "client",
        captureStackTrace: false,
        attributes: { "http.request.method": "GET", "url.path": path, "ofsc.operation": getShift.id }
      })
    }
    return Effect.flatMap(sent, (read) => {
      const json: unknown = JSON.parse(read.text)
      if (!stages.decode) return Effect.succeed(json)
      return Either.match(decodeShift(json), {
        onLeft: (e) => Effect.fail(new ReplicaError({ reason: ParseResult.TreeFormatter.formatErrorSync(e) })),
        onRight: Effect.succeed
      })
    })
  }
}

/** Every suggested change that keeps the transport's behaviour. */
const lean: Tweaks = {
  hoistRetry: true,
  retryOnlyOnFailure: true,
  logIfEnabled: true,
  singleLocally: true,
  timerTimeout: true
}

/** Part 1: whole calls against the server, one stage left out at a time. */
const withServer = async () => {
  const server = await startServer()
  const disposers: Array<() => Promise<void>> = []
  try {
    const { origin } = server
    const httpRuntime = ManagedRuntime.make(NodeHttpClient.layerUndici)
    disposers.push(() => httpRuntime.dispose())
    const baseClient = await httpRuntime.runPromise(HttpClient.HttpClient)
    const clientRuntime = ManagedRuntime.make(
      OfscClient.layer({
        baseUrl: origin,
        instance: credentials.instance,
        credentials: {
          _tag: "Basic",
          clientId: credentials.clientId,
          clientSecret: Redacted.make(credentials.clientSecret)
        }
      }).pipe(Layer.provide(NodeHttpClient.layerUndici))
    )
    disposers.push(() => clientRuntime.dispose())
    const transport = await clientRuntime.runPromise(OfscTransport)
    const headers = { authorization: basicAuthorization, accept: "application/json" }
    const quiet = baseClient.pipe(
      HttpClient.withTracerDisabledWhen(() => true),
      HttpClient.withTracerPropagation(false)
    )
    const viaClient = (client: HttpClient.HttpClient) => (label: string) =>
      httpRuntime.runPromise(
        client.get(origin + shiftPath(label), { headers }).pipe(
          Effect.flatMap((r) => r.text),
          Effect.map((text): unknown => JSON.parse(text))
        )
      )
    const viaReplica = (key: string, name: string, stages: Stages, tweaks?: Tweaks): Variant => {
      const call = replica(origin, baseClient, stages, tweaks)
      return { key, name, call: (label) => httpRuntime.runPromise(call({ path: { label } })) }
    }
    const variants: Array<Variant> = [
      {
        key: "a",
        name: "undici.request + JSON parse",
        call: async (label) => (await request(origin + shiftPath(label), { headers })).body.json()
      },
      {
        key: "e",
        name: "Effect.tryPromise(undici.request + text) + JSON.parse",
        call: (label) =>
          httpRuntime.runPromise(
            Effect.tryPromise(async () => (await request(origin + shiftPath(label), { headers })).body.text()).pipe(
              Effect.map((text): unknown => JSON.parse(text))
            )
          )
      },
      { key: "h0", name: "HttpClient (undici) get+text+parse, default tracing", call: viaClient(baseClient) },
      { key: "h1", name: "HttpClient (undici), tracer off + no propagation", call: viaClient(quiet) },
      viaReplica("r", "replica of OfscTransport.call, all stages", allStages),
      viaReplica("r-span", "replica without withSpan", { ...allStages, span: false }),
      viaReplica("r-retry", "replica without Effect.retry", { ...allStages, retry: false }),
      viaReplica("r-timeout", "replica without timeoutFail", { ...allStages, timeout: false }),
      viaReplica("r-log", "replica without the debug log", { ...allStages, log: false }),
      viaReplica("r-sem", "replica without the semaphore", { ...allStages, semaphore: false }),
      viaReplica("r-scoped", "replica without Effect.scoped", { ...allStages, scoped: false }),
      viaReplica("r-codec", "replica without input encode / output decode", {
        ...allStages,
        encode: false,
        decode: false
      }),
      viaReplica(
        "lean",
        "replica, cheaper timeout/log/retry, no scoped, one locally",
        { ...allStages, scoped: false },
        lean
      ),
      viaReplica(
        "lean-span",
        "lean, and no span (as under the default tracer)",
        { ...allStages, scoped: false, span: false },
        lean
      ),
      {
        key: "b",
        name: "OfscTransport.call (the real one)",
        call: (label) => clientRuntime.runPromise(transport.call(getShift, { path: { label } }))
      }
    ]
    const settings = settingsFromEnv({ rounds: 5, callsPerRound: 600, warmupCalls: 600 })
    console.log(`Part 1: ${settings.rounds} rounds × ${settings.callsPerRound} calls per variant against ${origin}`)
    printTable(await runRounds(variants, settings))
  } finally {
    for (const dispose of disposers) await dispose()
    server.stop()
  }
}

/** Part 2: the CPU cost of each stage around an effect that is already resolved, in µs per call. */
const withoutIo = async () => {
  const iterations = 20_000
  const rounds = 7
  const permits = Effect.unsafeMakeSemaphore(8)
  const hoisted = retrySchedule(3)
  const runtime = ManagedRuntime.make(Layer.empty)
  // the tracer every runtime has unless a tracing layer replaces it: its spans are never exported
  const defaultTracer = Effect.runSync(Effect.tracer)
  await runtime.runPromise(Effect.void)
  const value = { status: 200, text: '{"label":"blue"}' }
  const inner = Effect.succeed(value)
  const shiftText = JSON.stringify({
    label: "blue",
    name: "Blue",
    active: true,
    type: "regular",
    workTimeStart: "08:00:00",
    workTimeEnd: "17:00:00",
    points: 10,
    links: [{ rel: "canonical", href: "http://127.0.0.1:1/rest/ofscMetadata/v1/shifts/blue" }]
  })
  const cases: ReadonlyArray<readonly [string, () => unknown]> = [
    ["Effect.runPromise(succeed)", () => Effect.runPromise(inner)],
    ["ManagedRuntime.runPromise(succeed)", () => runtime.runPromise(inner)],
    ["+ Effect.scoped", () => Effect.runPromise(Effect.scoped(inner))],
    [
      "+ Effect.locally(one FiberRef)",
      () => Effect.runPromise(Effect.locally(inner, FiberRef.currentLogLevel, LogLevel.Info))
    ],
    ["+ semaphore.withPermits(1)", () => Effect.runPromise(permits.withPermits(1)(inner))],
    [
      "+ timeoutFail(30 s)",
      () => Effect.runPromise(Effect.timeoutFail(inner, { duration: Duration.seconds(30), onTimeout: () => "t" }))
    ],
    ["+ timeout by forked fiber + setTimeout", () => Effect.runPromise(timeoutWithTimer(inner, 30_000, () => "t"))],
    ["+ retry(schedule built per call)", () => Effect.runPromise(Effect.retry(inner, retrySchedule(3)))],
    ["+ retry(hoisted schedule)", () => Effect.runPromise(Effect.retry(inner, hoisted))],
    ["+ retry only after a first failure", () => Effect.runPromise(retryAfterFirstFailure(inner, hoisted))],
    [
      "+ withSpan + annotateCurrentSpan",
      () =>
        Effect.runPromise(
          Effect.withSpan(
            Effect.tap(inner, () => Effect.annotateCurrentSpan({ status: 200, attempts: 1 })),
            "ofsc x",
            {
              kind: "client",
              captureStackTrace: false,
              attributes: { "http.request.method": "GET", "url.path": "/p", "ofsc.operation": "x" }
            }
          )
        )
    ],
    [
      "+ withSpan + annotate, tracer disabled",
      () =>
        Effect.runPromise(
          Effect.withSpan(
            Effect.tap(inner, () => Effect.annotateCurrentSpan({ status: 200, attempts: 1 })),
            "ofsc x",
            {
              kind: "client",
              captureStackTrace: false,
              attributes: { "http.request.method": "GET", "url.path": "/p", "ofsc.operation": "x" }
            }
          ).pipe(Effect.withTracerEnabled(false))
        )
    ],
    [
      "+ span only if a tracer other than the default is installed",
      () =>
        Effect.runPromise(
          Effect.tracerWith((tracer) =>
            tracer === defaultTracer
              ? inner
              : Effect.withSpan(inner, "ofsc x", { kind: "client", captureStackTrace: false })
          )
        )
    ],
    [
      "+ onExit(logDebug + annotateLogs)",
      () =>
        Effect.runPromise(
          Effect.onExit(inner, () =>
            Effect.logDebug("ofsc request").pipe(
              Effect.annotateLogs({ method: "GET", path: "/p", status: 200, durationMs: 1.23, attempt: 1 })
            )
          )
        )
    ],
    [
      "+ onExit(log only when Debug enabled)",
      () =>
        Effect.runPromise(
          Effect.onExit(inner, () =>
            Effect.flatMap(FiberRef.get(FiberRef.currentMinimumLogLevel), (min) =>
              LogLevel.greaterThan(min, LogLevel.Debug)
                ? Effect.void
                : Effect.logDebug("ofsc request").pipe(Effect.annotateLogs({ method: "GET", status: 200 }))
            )
          )
        )
    ],
    ["JSON.parse(shift)", () => JSON.parse(shiftText)],
    ["JSON.parse + schema decode (errors all, preserve)", () => decodeShift(JSON.parse(shiftText))],
    ["JSON.parse + schema decode (defaults)", () => decodeShiftDefault(JSON.parse(shiftText))],
    [
      "JSON.parse + decode (defaults) + copy unknown keys back",
      () => {
        const json: unknown = JSON.parse(shiftText)
        return Either.map(decodeShiftDefault(json), (decoded) => keepUnknownKeys(json, decoded))
      }
    ],
    ["100-item page: JSON.parse", () => JSON.parse(pageText)],
    ["100-item page: JSON.parse + decode (errors all, preserve)", () => decodePagePreserve(JSON.parse(pageText))],
    ["100-item page: JSON.parse + decode (defaults)", () => decodePageDefault(JSON.parse(pageText))],
    [
      "100-item page: JSON.parse + decode (defaults) + copy unknown keys back",
      () => {
        const json: unknown = JSON.parse(pageText)
        return Either.map(decodePageDefault(json), (decoded) => keepUnknownKeys(json, decoded))
      }
    ],
    ["Headers.fromInput (a response's 5 headers)", () => Headers.fromInput(responseHeaders)],
    [
      "input encode + fillPath",
      () => Either.map(encodeInput({ path: { label: "blue" } }), (encoded) => fillPath(getShift.path, encoded.path))
    ],
    [
      "HttpClientRequest.make + setHeader",
      () =>
        HttpClientRequest.setHeader(
          HttpClientRequest.make("GET")("http://127.0.0.1:1/rest/x", { urlParams: [], acceptJson: true }),
          "authorization",
          "Basic x"
        )
    ]
  ]
  const best = new Map<string, Array<number>>()
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of cases) {
      const started = performance.now()
      // a whole page takes milliseconds: fewer iterations keep the run short
      const count = name.startsWith("100-item") ? iterations / 100 : iterations
      for (let i = 0; i < count; i++) {
        const result = run()
        if (result instanceof Promise) await result
      }
      const perCall = ((performance.now() - started) * 1000) / count
      best.set(name, [...(best.get(name) ?? []), perCall])
    }
  }
  const median = (xs: Array<number>) => [...xs].sort((x, y) => x - y)[xs.length >> 1] as number
  const base = median(best.get("Effect.runPromise(succeed)") ?? [])
  console.log(`Part 2: CPU only, median of ${rounds} rounds × ${iterations} iterations (pages: ${iterations / 100})`)
  console.table(
    cases.map(([name]) => {
      const us = median(best.get(name) ?? [])
      return {
        case: name,
        "µs per call": us.toFixed(2),
        "added to runPromise µs": name.startsWith("+") ? (us - base).toFixed(2) : ""
      }
    })
  )
  await runtime.dispose()
}

const main = async () => {
  const only = process.argv[2]
  if (only !== "cpu") await withServer()
  if (only !== "io") await withoutIo()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
