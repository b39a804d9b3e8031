// Lists the first contacts of the Collaboration address book.

import { OfscCollaboration } from "@ofsc/collaboration"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Chunk, Console, Effect, Layer, Stream } from "effect"

const program = Effect.gen(function* () {
  const collaboration = yield* OfscCollaboration
  const contacts = yield* collaboration.addressBook.stream().pipe(Stream.take(20), Stream.runCollect)
  yield* Console.log(`${Chunk.size(contacts)} contacts`)
})

const services = OfscCollaboration.layer.pipe(
  Layer.provide(OfscClient.layerFromEnv),
  Layer.provide(OfscHttpClient.layer)
)
Effect.runPromise(program.pipe(Effect.provide(services)))
