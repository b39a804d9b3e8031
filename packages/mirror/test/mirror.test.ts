/**
 * The mirror against the simulator, on SQLite: a first load equals the store, then writes made
 * through the API arrive through the events and the tables equal the store again.
 */
import { createHmac } from "node:crypto"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { SqlClient } from "@effect/sql"
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Simulator } from "@ofsc/simulator"
import { Chunk, Effect, Fiber, Layer, Redacted, Schedule, Stream } from "effect"
import { describe, expect } from "vitest"
import { type ChangeRecord, Mirror } from "../src/index.js"
import { buildMirror, coreLayer, differences, mirrorLayer, sqlLayer, tempSqlite } from "./support/harness.js"

/** A receiver on 127.0.0.1 that answers 500 to every third request and records the others' bodies by webhook id. */
const flakyReceiver = Effect.acquireRelease(
  Effect.async<{
    server: http.Server
    url: string
    received: Map<string, { body: string; signature: string; timestamp: string }>
  }>((resume) => {
    const received = new Map<string, { body: string; signature: string; timestamp: string }>()
    let n = 0
    const server = http.createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (c: Buffer) => chunks.push(c))
      req.on("end", () => {
        n++
        if (n % 3 === 0) return res.writeHead(500).end()
        received.set(String(req.headers["webhook-id"]), {
          body: Buffer.concat(chunks).toString("utf8"),
          signature: String(req.headers["webhook-signature"]),
          timestamp: String(req.headers["webhook-timestamp"])
        })
        res.writeHead(204).end()
      })
    })
    server.listen(0, "127.0.0.1", () =>
      resume(
        Effect.succeed({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received })
      )
    )
  }),
  ({ server }) => Effect.promise(() => new Promise<void>((done) => server.close(() => done())))
)

const window = { from: "2026-11-01", to: "2026-11-10" }

describe("mirror on SQLite", () => {
  it.live(
    "loads the snapshot, then follows the events to the store's state",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const sim = yield* Simulator.scoped({ seed: 7, size: "small" })
          const database = tempSqlite()
          const context = yield* buildMirror(sim, { database, window })
          const mirror = Layer.succeedContext(context)
          yield* Effect.gen(function* () {
            const m = yield* Mirror
            yield* m.run({ follow: false })
            expect(yield* differences(sim, window)).toEqual({})
            const core = yield* OfscCore
            const created = yield* core.activities.create({
              resourceId: "TECH_00002",
              date: "2026-11-05",
              activityType: "install",
              customerName: "Ada"
            })
            yield* core.activities.update(created.activityId as number, { customerName: "Ada Lovelace" })
            yield* core.activities.start(created.activityId as number, {})
            yield* m.run({ follow: false })
            expect(yield* differences(sim, window)).toEqual({})
            const status = yield* m.status
            expect(status.phase).toBe("following")
            expect(status.eventsApplied).toBeGreaterThanOrEqual(3)
          }).pipe(Effect.provide(mirror))
        })
      ),
    120_000
  )

  it.live(
    "forwards every change as a signed webhook and as a Stream, in the order applied",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const sim = yield* Simulator.scoped({ seed: 8, size: "small" })
          const hook = yield* flakyReceiver
          const secret = "a receiver's secret"
          const database = tempSqlite()
          const context = yield* Layer.build(
            Layer.mergeAll(
              mirrorLayer(sim, {
                database,
                window,
                pollInterval: "200 millis",
                webhooks: [{ name: "erp", url: hook.url, secret: Redacted.make(secret) }]
              }),
              coreLayer(sim),
              sqlLayer(database)
            )
          )
          yield* Effect.gen(function* () {
            const m = yield* Mirror
            const core = yield* OfscCore
            const sql = yield* SqlClient.SqlClient
            yield* m.run({ follow: false })
            const streamed = yield* Effect.fork(Stream.runCollect(Stream.take(m.changes, 3)))
            yield* Effect.sleep("100 millis")
            const following = yield* Effect.fork(m.run())
            const created = yield* core.activities.create({
              resourceId: "TECH_00003",
              date: "2026-11-04",
              activityType: "install"
            })
            const id = created.activityId as number
            yield* core.activities.update(id, { customerName: "Grace" })
            yield* core.activities.delete(id)
            const joined = yield* Fiber.join(streamed).pipe(Effect.timeout("20 seconds"), Effect.either)
            if (joined._tag === "Left") {
              const exit = yield* Fiber.poll(following)
              throw new Error(`no changes streamed; the mirror: ${JSON.stringify(exit)}`)
            }
            const changes = Chunk.toReadonlyArray(joined.right) as ReadonlyArray<ChangeRecord>
            expect(changes.map((c) => [c.entityKey, c.kind])).toEqual([
              [String(id), "created"],
              [String(id), "updated"],
              [String(id), "deleted"]
            ])
            // every change of the outbox reaches the receiver at least once, whatever it answered before
            const ids = (yield* sql<{
              change_id: number
            }>`SELECT change_id FROM mirror_changes ORDER BY change_id`).map((r) => `chg_${r.change_id}`)
            yield* Effect.retry(
              Effect.suspend(() => (ids.every((i) => hook.received.has(i)) ? Effect.void : Effect.fail("waiting"))),
              { schedule: Schedule.spaced("100 millis"), times: 600 }
            ).pipe(Effect.ignore)
            expect([...hook.received.keys()].sort()).toEqual([...ids].sort())
            for (const [webhookId, { body, signature, timestamp }] of hook.received) {
              const expected = createHmac("sha256", Buffer.from(secret, "utf8"))
                .update(`${webhookId}.${timestamp}.${body}`)
                .digest("base64")
              expect(signature).toBe(`v1,${expected}`)
              expect(body).not.toContain(secret)
            }
            const rows = yield* sql<Record<string, unknown>>`SELECT * FROM mirror_deliveries`
            expect(JSON.stringify(rows)).not.toContain(secret)
            yield* Fiber.interrupt(following)
          }).pipe(Effect.provide(Layer.succeedContext(context)))
        })
      ),
    120_000
  )
})
