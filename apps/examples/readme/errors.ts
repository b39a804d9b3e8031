// Three ways to meet a typed failure at the edge of a program. Effect.runPromise rejects with a
// FiberFailure, not with the OfscError itself, so `instanceof OfscNotFound` on a rejection is false.
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Cause, Console, Effect, Either, Exit, Layer, Option } from "effect"

const services = OfscMetadata.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
const getShift = (label: string) => Effect.flatMap(OfscMetadata, (metadata) => metadata.shifts.get(label))

// 1. Effect.either: the failure becomes a value you branch on
const withEither = Effect.gen(function* () {
  const result = yield* Effect.either(getShift("no-such-shift"))
  if (Either.isLeft(result)) yield* Console.log(`either: ${result.left._tag}`)
  else yield* Console.log(`either: found ${result.right.label}`)
})

// 2. catchTags: handle the tags you expect, let the others through
const withCatchTags = getShift("no-such-shift").pipe(
  Effect.map((shift) => `found ${shift.label}`),
  Effect.catchTags({
    OfscNotFound: (e) => Effect.succeed(`not found (${e.status})`),
    OfscAuthenticationError: () => Effect.succeed("check OFSC_CLIENT_ID and OFSC_CLIENT_SECRET")
  }),
  Effect.flatMap((text) => Console.log(`catchTags: ${text}`))
)

const main = async () => {
  await Effect.runPromise(Effect.provide(Effect.zipRight(withEither, withCatchTags), services))

  // 3. runPromiseExit: the Exit holds the Cause; Cause.failureOption gives the typed error back
  const exit = await Effect.runPromiseExit(Effect.provide(getShift("no-such-shift"), services))
  if (Exit.isFailure(exit)) {
    const failure = Cause.failureOption(exit.cause)
    if (Option.isSome(failure) && failure.value._tag === "OfscNotFound") console.log("exit: not found")
    else console.log(`exit: ${Cause.pretty(exit.cause)}`)
  } else {
    console.log(`exit: found ${exit.value.label}`)
  }
}

main()
