/**
 * The transport's own work per call, with the network taken out: an in-process HttpClient answers
 * every request at once with the same shift, so what is timed is Effect's runtime, the input check,
 * permits, deadline, logging and tracing hooks and decoding, next to a bare `HttpClient.get` over
 * the same client (the floor). This is how the per-GET costs were bisected (README, "Per GET"):
 * every variant runs in one process, in alternating rounds, and CPU time per call is printed.
 * Run with `pnpm --filter @ofsc/bench bench:work`.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { AttemptDeadline, OfscTransport } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect, Layer, ManagedRuntime } from "effect"
import { clientLayerWithout, getShift } from "./harness.js"

const origin = "http://127.0.0.1:1"
const body = JSON.stringify({
  label: "blue",
  name: "Blue",
  active: true,
  type: "regular",
  workTimeStart: "08:00:00",
  workTimeEnd: "17:00:00",
  points: 3,
  links: [{ rel: "canonical", href: `${origin}/rest/ofscMetadata/v1/shifts/blue` }]
})
const text = Effect.succeed(body)

/** The smallest HttpClientResponse the transport reads: status, headers, text. */
const answer = (request: unknown): HttpClientResponse.HttpClientResponse =>
  ({
    [HttpClientResponse.TypeId]: HttpClientResponse.TypeId,
    request,
    status: 200,
    headers: { "content-type": "application/json" },
    text,
    json: Effect.sync(() => JSON.parse(body) as unknown),
    arrayBuffer: Effect.succeed(new ArrayBuffer(0))
  }) as unknown as HttpClientResponse.HttpClientResponse

/** An HttpClient that answers at once. */
const instantClient: HttpClient.HttpClient = HttpClient.makeWith(
  (prepared: Effect.Effect<HttpClientRequest.HttpClientRequest>) => Effect.map(prepared, answer),
  Effect.succeed<HttpClientRequest.HttpClientRequest>
)

/**
 * The API over the instant client. With `keepsDeadline` it is provided with
 * `AttemptDeadline.KeptByClient`, as OfscHttpClient's clients are, so the transport hands it the
 * deadline as a service instead of timing each attempt out with a fiber.
 */
const runtimeOver = (keepsDeadline: boolean) =>
  ManagedRuntime.make(
    OfscMetadata.layer.pipe(
      Layer.provideMerge(clientLayerWithout(origin)),
      Layer.provideMerge(Layer.succeed(HttpClient.HttpClient, instantClient)),
      Layer.provideMerge(keepsDeadline ? AttemptDeadline.layerKeptByClient : Layer.empty)
    )
  )

const main = async () => {
  const calls = Number(process.env.BENCH_CALLS ?? 20_000)
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
  const native = runtimeOver(true)
  const generic = runtimeOver(false)
  const client = await native.runPromise(HttpClient.HttpClient)
  const nativeMetadata = await native.runPromise(OfscMetadata)
  const genericMetadata = await generic.runPromise(OfscMetadata)
  const transport = await native.runPromise(OfscTransport)
  const variants: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
    [
      "(f) floor: HttpClient.get + JSON.parse",
      () =>
        native.runPromise(
          Effect.flatMap(client.get(`${origin}/rest/ofscMetadata/v1/shifts/blue`), (response) =>
            Effect.map(response.text, (t) => JSON.parse(t) as unknown)
          )
        )
    ],
    ["(b) metadata.shifts.get, client keeps the deadline", () => native.runPromise(nativeMetadata.shifts.get("blue"))],
    [
      "(w) metadata.shifts.get, generic deadline (a fiber per attempt)",
      () => generic.runPromise(genericMetadata.shifts.get("blue"))
    ],
    [
      "(g) hand-written Operation (Schema decode)",
      () => native.runPromise(transport.call(getShift, { path: { label: "blue" } }))
    ]
  ]
  const cpu = new Map<string, Array<number>>(variants.map(([name]) => [name, []]))
  for (const [, call] of variants) for (let i = 0; i < 2_000; i++) await call()
  for (let round = 0; round < rounds; round++) {
    for (const [name, call] of variants) {
      const before = process.cpuUsage()
      for (let i = 0; i < calls; i++) await call()
      const used = process.cpuUsage(before)
      cpu.get(name)?.push((used.user + used.system) / calls)
    }
  }
  const median = (values: ReadonlyArray<number>) =>
    [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0
  const floor = median(cpu.get(variants[0]?.[0] ?? "") ?? [])
  console.log(`node ${process.version}, ${rounds} rounds × ${calls} calls per variant, no network`)
  console.table(
    [...cpu].map(([name, values]) => ({
      variant: name,
      "CPU µs/call (median round)": median(values).toFixed(1),
      "over the floor µs": (median(values) - floor).toFixed(1)
    }))
  )
  await native.dispose()
  await generic.dispose()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
