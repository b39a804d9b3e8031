/**
 * Bad input over every operation of the six tables: each one must fail with OfscInvalidInput, as
 * a typed failure (no throw, no defect), and reach the server not at all. The inputs start from a
 * valid one per operation (from its schemas, checked against the simulator first) with one thing
 * spoiled, so each failure is the check under test, at the place the issue names.
 */
import { it } from "@effect/vitest"
import { type AnyOperation, OfscClient, OfscHttpClient, OfscTransport, type OfscTransportShape } from "@ofsc/core"
import { Arbitrary, Cause, Context, Effect, Exit, FastCheck, Layer, type Schema } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { allOperations, Simulator, simulatorClientOptions } from "../../src/index.js"

type Input = { readonly path?: Record<string, unknown>; readonly query?: Record<string, unknown>; body?: unknown }

/** One spoiled input and where its issue must be. */
interface BadInput {
  readonly input: unknown
  readonly at: ReadonlyArray<PropertyKey>
  /** What was spoiled, for the tally. */
  readonly kind: "path" | "query" | "body" | "binary"
}

const placeholders = (op: AnyOperation): ReadonlyArray<string> =>
  [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)

const fieldsOf = (schema: unknown): ReadonlyArray<string> =>
  Object.keys((schema as { readonly fields?: Record<string, unknown> } | undefined)?.fields ?? {})

/** Candidate valid inputs from the operation's own schemas (the simulator decides which are sendable). */
const candidates = (op: AnyOperation): ReadonlyArray<Input> =>
  FastCheck.sample(
    FastCheck.record({
      path: op.pathParams ? Arbitrary.make(op.pathParams) : FastCheck.constant(undefined),
      query: op.query ? Arbitrary.make(op.query) : FastCheck.constant(undefined),
      body:
        op.body.kind === "none"
          ? FastCheck.constant(undefined)
          : op.body.kind === "octet-stream"
            ? FastCheck.constant({ data: new Uint8Array([1, 2, 3]), contentType: "image/png", filename: "a.png" })
            : Arbitrary.make(op.body.schema as Schema.Schema<unknown>)
    }),
    { numRuns: 20, seed: 7 }
  ).map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Input)

const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c))
const withInside = (bad: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 6 }), bad, fc.string({ maxLength: 6 })).map(([a, b, c]) => `${a}${b}${c}`)
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))

const badSegment = fc.oneof(
  fc.constantFrom("", ".", "..", "\u007f"),
  withInside(control),
  withInside(loneSurrogate),
  fc.constantFrom("..\r\n", "a\u0000b", "\uDBFF")
)

const badQueryValue = (key: string) =>
  fc.oneof(
    fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, {}, { a: 1 }, [{}]),
    withInside(loneSurrogate),
    fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })).map(([a, b]) => [`${a},${b}`]),
    ...(key === "offset" || key === "limit" ? [fc.integer({ min: -1e9, max: -1 })] : [])
  )

const cycle = () => {
  const node: Record<string, unknown> = { id: 1 }
  node.again = { node }
  return node
}
const deep = (levels: number) => {
  let value: unknown = 1
  for (let i = 0; i < levels; i++) value = [value]
  return value
}
const badJsonValue = fc.oneof(
  fc.constant(0).map(cycle),
  fc.bigInt(),
  fc.integer({ min: 202, max: 2_000 }).map(deep),
  fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, () => 1, Symbol("s"), new Map([[1, 2]])),
  withInside(loneSurrogate)
)

const badContentType = fc.oneof(
  withInside(fc.constantFrom("\r\n", "\n", "\r", "\u0000")).map((s) => `image/png${s}`),
  fc.constantFrom("png", "image/", "/png", "image/png; charset", "image png", "text/plain; a=\u00e9")
)
const badFileName = fc.oneof(withInside(control), withInside(loneSurrogate), fc.constant(""))

/** The bad inputs for one operation, each spoiling one thing of a valid input. */
const badInputs = (op: AnyOperation, base: Input): fc.Arbitrary<BadInput> => {
  const kinds: Array<fc.Arbitrary<BadInput>> = []
  const names = placeholders(op)
  if (names.length > 0) {
    kinds.push(
      fc.tuple(fc.constantFrom(...names), badSegment).map(([name, value]) => ({
        input: { ...base, path: { ...base.path, [name]: value } },
        at: ["path", name],
        kind: "path" as const
      }))
    )
  }
  const queryKeys = fieldsOf(op.query)
  const unknownKey = fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((k) => !queryKeys.includes(k) && k !== "__proto__")
  kinds.push(
    fc.tuple(unknownKey, fc.anything()).map(([key, value]) => ({
      input: { ...base, query: { ...base.query, [key]: value } },
      at: op.query ? ["query", key] : ["query"],
      kind: "query" as const
    }))
  )
  if (queryKeys.length > 0) {
    kinds.push(
      fc
        .constantFrom(...queryKeys)
        .chain((key) => badQueryValue(key).map((value) => ({ key, value })))
        .map(({ key, value }) => ({
          input: { ...base, query: { ...base.query, [key]: value } },
          at: ["query", key],
          kind: "query" as const
        }))
    )
  }
  if (op.body.kind === "json") {
    const spoiled = (value: unknown): unknown =>
      Array.isArray(base.body)
        ? [...base.body, value]
        : typeof base.body === "object" && base.body !== null
          ? { ...base.body, XA_FUZZ: value }
          : value
    kinds.push(
      badJsonValue.map((value) => ({ input: { ...base, body: spoiled(value) }, at: ["body"], kind: "body" as const }))
    )
    // a body of the wrong shape altogether
    kinds.push(
      fc
        .constantFrom<unknown>(42, "text", true, null)
        .map((body) => ({ input: { ...base, body }, at: ["body"], kind: "body" as const }))
    )
  }
  if (op.body.kind === "octet-stream") {
    const body = base.body as Record<string, unknown>
    const binary = (part: "contentType" | "filename") => (value: string) => ({
      input: { ...base, body: { ...body, [part]: value } },
      at: ["body", part],
      kind: "binary" as const
    })
    kinds.push(badContentType.map(binary("contentType")), badFileName.map(binary("filename")))
  }
  if (op.body.kind === "form" || op.body.kind === "multipart") {
    const keys = fieldsOf(op.body.schema)
    kinds.push(
      fc
        .tuple(fc.constantFrom(...keys), fc.oneof(withInside(loneSurrogate), fc.constantFrom<unknown>({}, 1, null)))
        .map(([key, value]) => ({
          input: { ...base, body: { ...(base.body as object), [key]: value } },
          at: ["body", key],
          kind: "body" as const
        }))
    )
  }
  if (op.body.kind === "none") {
    kinds.push(
      fc.anything().map((body) => ({ input: { ...base, body: body ?? {} }, at: ["body"], kind: "body" as const }))
    )
  }
  return fc.oneof(...kinds)
}

const startsWith = (path: ReadonlyArray<PropertyKey>, prefix: ReadonlyArray<PropertyKey>) =>
  prefix.every((p, i) => String(path[i]) === String(p))

/** A transport over undici against the simulator, Basic auth (so no token request), no retries; for the scope. */
const transportFor = (sim: Simulator["Type"]) =>
  Effect.map(
    Layer.build(
      OfscClient.layer(simulatorClientOptions(sim, { retry: false })).pipe(Layer.provide(OfscHttpClient.layerUndici))
    ),
    (context) => Context.get(context, OfscTransport)
  )

/** The first candidate the transport accepts (whatever the simulator answers to it). */
const validBase = (transport: OfscTransportShape, op: AnyOperation) =>
  Effect.gen(function* () {
    for (const input of candidates(op)) {
      const exit = yield* Effect.exit(transport.call(op, input as never))
      // an HTTP answer of any kind: the input went out, so it was valid
      if (Exit.isSuccess(exit) || (exit.cause._tag === "Fail" && "status" in exit.cause.error)) return input
    }
    return yield* Effect.dieMessage(`${op.id}: no valid input among the candidates`)
  })

describe("invalid input over every operation", () => {
  it.scopedLive(
    "every spoiled input is OfscInvalidInput at its place, and nothing is sent, thrown or died",
    () =>
      Effect.gen(function* () {
        const sim = yield* Simulator.scoped({ seed: 5, size: "small" })
        const transport = yield* transportFor(sim)
        const bases = new Map<AnyOperation, Input>()
        for (const op of allOperations) bases.set(op, yield* validBase(transport, op))

        const before = sim.stats.requests
        const tally = { inputs: 0, thrown: 0, defects: 0, otherOutcomes: [] as Array<string> }
        const byKind: Record<BadInput["kind"], number> = { path: 0, query: 0, body: 0, binary: 0 }
        for (const op of allOperations) {
          const base = bases.get(op)!
          for (const bad of fc.sample(badInputs(op, base), { numRuns: 24, seed: op.id.length })) {
            tally.inputs++
            byKind[bad.kind]++
            let exit: Exit.Exit<unknown, unknown>
            try {
              exit = yield* Effect.exit(transport.call(op, bad.input as never))
            } catch {
              tally.thrown++
              continue
            }
            if (Exit.isFailure(exit) && Cause.isDie(exit.cause)) tally.defects++
            const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
            const tagged = error as { readonly _tag?: string; readonly issues?: ReadonlyArray<{ path: [] }> }
            const placed = tagged?.issues?.some((i) => startsWith(i.path, bad.at)) ?? false
            if (tagged?._tag !== "OfscInvalidInput" || !placed) {
              tally.otherOutcomes.push(
                `${op.id} at ${bad.at.join(".")}: ${Exit.isSuccess(exit) ? "sent" : String(error)}`
              )
            }
          }
        }
        const sent = sim.stats.requests - before
        console.log(
          `invalid-input fuzz: ${tally.inputs} inputs over ${allOperations.length} operations, ` +
            `${sent} sent, ${tally.thrown} thrown, ${tally.defects} defects ` +
            `(path ${byKind.path}, query ${byKind.query}, body ${byKind.body}, binary ${byKind.binary})`
        )
        // one line per operation and place is enough to see what went wrong
        expect([...new Set(tally.otherOutcomes.map((o) => o.slice(0, 160)))].slice(0, 20)).toEqual([])
        expect({ sent, thrown: tally.thrown, defects: tally.defects }).toEqual({ sent: 0, thrown: 0, defects: 0 })
        expect(tally.inputs).toBeGreaterThanOrEqual(5_000)
      }),
    120_000
  )
})
