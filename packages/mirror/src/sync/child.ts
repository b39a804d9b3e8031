/** The child process of MirrorSync: reads one request from stdin, runs it, prints one JSON line. */
import { readFileSync } from "node:fs"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Effect, Either, Layer, Redacted } from "effect"
import { databaseLayer } from "../database/connect.js"
import { parseDatabaseLocation } from "../database/location.js"
import { Mirror } from "../Mirror.js"
import { readStatus } from "../MirrorStatus.js"
import { type ChildReply, type ChildRequest, childSecretVariable } from "./protocol.js"

const request = JSON.parse(readFileSync(0, "utf8")) as ChildRequest
const secret = process.env[childSecretVariable]
const client =
  request.client === undefined
    ? OfscClient.layerFromEnv
    : OfscClient.layer({
        baseUrl: request.client.baseUrl,
        instance: request.client.instance,
        credentials: { _tag: "Basic", clientId: request.client.clientId, clientSecret: Redacted.make(secret ?? "") }
      })
const services = Layer.merge(client.pipe(Layer.provide(OfscHttpClient.layerUndici)), OfscHttpClient.layerUndici)

// the status needs the database alone: no OFS settings
const statusOnly = Effect.flatMap(
  Either.match(parseDatabaseLocation(request.mirror.database), { onLeft: Effect.fail, onRight: Effect.succeed }),
  (location) => Effect.provide(readStatus(location.display), databaseLayer(location))
)

const program =
  request.action === "status"
    ? statusOnly
    : Effect.gen(function* () {
        const mirror = yield* Mirror
        yield* mirror.run({ follow: false })
        return yield* mirror.status
      }).pipe(Effect.provide(Mirror.layer(request.mirror).pipe(Layer.provide(services))))

const reply = (answer: ChildReply) => process.stdout.write(`${JSON.stringify(answer)}\n`)

Effect.runPromise(
  Effect.match(program, {
    onSuccess: (status): ChildReply => ({ ok: true, status }),
    onFailure: (error): ChildReply => ({
      ok: false,
      tag: (error as { _tag?: string })._tag ?? "Error",
      message: (error as { message?: string }).message ?? String(error)
    })
  })
).then(
  (answer) => {
    reply(answer)
    process.exitCode = answer.ok ? 0 : 1
  },
  (defect: unknown) => {
    reply({ ok: false, tag: "Defect", message: defect instanceof Error ? defect.message : String(defect) })
    process.exitCode = 1
  }
)
