/**
 * The webhook outbox against a real database (a SQLite file; the main scenario on PostgreSQL too) and
 * a real HTTP receiver on 127.0.0.1 that drops connections, answers 500, stalls past the timeout or
 * redirects. What a receiver sees is checked as a receiver would: signatures recomputed here with
 * node:crypto, messages deduplicated by `webhook-id`, each entity's changes in order.
 */
import { createHmac, randomBytes } from "node:crypto"
import * as fs from "node:fs"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as os from "node:os"
import * as path from "node:path"
import { FetchHttpClient, type HttpClient } from "@effect/platform"
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Either, Fiber, Layer, Redacted, type Scope } from "effect"
import { databaseLayer } from "../src/database/connect.js"
import { parseDatabaseLocation } from "../src/database/location.js"
import { listDeliveries, retryDeliveries } from "../src/outbox/deliveries.js"
import { type DispatcherOptions, deliverDue, retryDelay, runDispatcher } from "../src/outbox/dispatcher.js"
import { endpointWants, type WebhookEndpoint } from "../src/outbox/webhooks.js"
import { freshPostgresDatabaseScoped } from "./support/postgres.js"

// ---------------------------------------------------------------------------------------------------
// the receiver

/** A request as it arrived, before the receiver chose how to answer. */
interface Arrival {
  readonly path: string
  readonly id: string
  readonly timestamp: string
  readonly signature: string
  readonly body: string
}

/** How the receiver treats a request. */
type Answer = "ok" | "drop" | "fail" | "stall" | "redirect"

/** A request and how it was answered (only "ok" is a 2xx: the receiver took it). */
interface Receipt extends Arrival {
  readonly answer: Answer
}

interface Receiver {
  readonly url: string
  readonly arrivals: Array<Receipt>
}

/** An HTTP server on 127.0.0.1 that records every request, then answers as `decide` says. */
const receiver = (decide: (arrival: Arrival, attempt: number) => Answer): Effect.Effect<Receiver, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<{ server: http.Server; receiver: Receiver }>((resume) => {
      const arrivals: Array<Receipt> = []
      const attempts = new Map<string, number>()
      const server = http.createServer((req, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (chunk: Buffer) => chunks.push(chunk))
        req.on("end", () => {
          const header = (name: string) => String(req.headers[name] ?? "")
          const arrival: Arrival = {
            path: req.url ?? "",
            id: header("webhook-id"),
            timestamp: header("webhook-timestamp"),
            signature: header("webhook-signature"),
            body: Buffer.concat(chunks).toString("utf8")
          }
          const key = `${arrival.path} ${arrival.id}`
          const attempt = (attempts.get(key) ?? 0) + 1
          attempts.set(key, attempt)
          const answer = decide(arrival, attempt)
          arrivals.push({ ...arrival, answer })
          switch (answer) {
            case "ok":
              return res.writeHead(204).end()
            case "fail":
              return res.writeHead(500, { "content-type": "text/plain" }).end("receiver is down\nfor now")
            case "redirect":
              return res.writeHead(307, { location: "/elsewhere" }).end()
            case "drop":
              return req.socket.destroy()
            case "stall":
              return
          }
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ server, receiver: { url: `http://127.0.0.1:${port}`, arrivals } }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map(({ receiver }) => receiver))

/** The change id of a `webhook-id` (`chg_12` is 12). */
const changeIdOf = (webhookId: string): number => Number(webhookId.replace(/^chg_/, ""))

// ---------------------------------------------------------------------------------------------------
// the database

type DatabaseKind = "SQLite" | "PostgreSQL"

/** A migrated mirror database of its own: a SQLite file in a temporary directory, or a fresh Postgres database. */
const database = (kind: DatabaseKind): Layer.Layer<SqlClient.SqlClient, unknown> =>
  Layer.unwrapScoped(
    Effect.gen(function* () {
      const text =
        kind === "PostgreSQL"
          ? (yield* freshPostgresDatabaseScoped).url
          : path.join(
              yield* Effect.acquireRelease(
                Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "ofsc-mirror-webhooks-"))),
                (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
              ),
              "mirror.db"
            )
      const location = parseDatabaseLocation(text)
      if (Either.isLeft(location)) return yield* Effect.die(location.left)
      return databaseLayer(location.right)
    })
  )

/** Runs a test on a fresh database, with the fetch HttpClient, on the real clock. */
const onDatabase = <A, E>(
  kind: DatabaseKind,
  test: Effect.Effect<A, E, SqlClient.SqlClient | HttpClient.HttpClient | Scope.Scope>
) => Effect.scoped(test).pipe(Effect.provide(Layer.merge(database(kind), FetchHttpClient.layer)))

interface NewChange {
  readonly entity: string
  readonly key: string
  readonly kind: "created" | "updated" | "deleted"
  readonly row: unknown
  readonly appliedAt?: string
}

/** Writes a change and its deliveries in one transaction, as the mirror's apply step does. */
const writeChange = (change: NewChange, endpoints: ReadonlyArray<WebhookEndpoint>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const appliedAt = change.appliedAt ?? new Date().toISOString()
    return yield* sql.withTransaction(
      Effect.gen(function* () {
        const [stored] = yield* sql<{ change_id: number | string }>`INSERT INTO mirror_changes ${sql.insert({
          run_id: 1,
          entity: change.entity,
          entity_key: change.key,
          kind: change.kind,
          event_type: change.kind === "deleted" ? "activityDeleted" : "activityUpdated",
          occurred_at: appliedAt,
          applied_at: appliedAt,
          fields: JSON.stringify(change.kind === "deleted" ? [] : ["status"]),
          data: change.row === null ? null : JSON.stringify(change.row)
        })} RETURNING change_id`
        const changeId = Number(stored?.change_id)
        const wanting = endpoints.filter((endpoint) => endpointWants(endpoint, change.entity))
        for (const endpoint of wanting)
          yield* sql`INSERT INTO mirror_deliveries ${sql.insert({
            change_id: changeId,
            endpoint: endpoint.name,
            // qualified by the entity, as the mirror writes it: keys of two entities never meet
            entity_key: `${change.entity}/${change.key}`,
            state: "pending",
            attempts: 0,
            next_attempt_at: appliedAt,
            created_at: appliedAt
          })}`
        return changeId
      })
    )
  })

/** Every text of the outbox tables, to look for secrets in. */
const outboxText = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const deliveries = yield* sql`SELECT * FROM mirror_deliveries`
  const changes = yield* sql`SELECT * FROM mirror_changes`
  return JSON.stringify([deliveries, changes])
})

/** Waits until `done` holds, looking every 50 ms; fails with `what` after `within`. */
const waitUntil = <R>(what: string, done: Effect.Effect<boolean, unknown, R>, within: Duration.DurationInput) =>
  Effect.gen(function* () {
    const deadline = Date.now() + Duration.toMillis(within)
    while (!(yield* done)) {
      if (Date.now() > deadline) return yield* Effect.fail(new Error(`timed out waiting until ${what}`))
      yield* Effect.sleep(Duration.millis(50))
    }
  })

const countWhere = (state: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ n: number | string }>`SELECT count(*) AS n FROM mirror_deliveries WHERE state = ${state}`,
      (rows) => Number(rows[0]?.n ?? 0)
    )
  )

// ---------------------------------------------------------------------------------------------------
// what a receiver checks, with node:crypto alone

const whsecKey = randomBytes(32)
const whsecSecret = `whsec_${whsecKey.toString("base64")}`
const rawSecret = "a plain-text shared secret 7f3a9c"

/** Whether an arrival carries a valid Standard Webhooks signature under `key`. */
const signedWith = (key: Buffer, arrival: Arrival): boolean => {
  const expected = createHmac("sha256", key)
    .update(`${arrival.id}.${arrival.timestamp}.${arrival.body}`)
    .digest("base64")
  return arrival.signature.split(" ").includes(`v1,${expected}`)
}

/** The first arrival of each webhook id, in arrival order. */
const firstReceipts = <A extends Arrival>(arrivals: ReadonlyArray<A>): Array<A> => {
  const seen = new Set<string>()
  return arrivals.filter((a) => {
    if (seen.has(a.id)) return false
    seen.add(a.id)
    return true
  })
}

/** Fast retries, a short timeout: the test runs in seconds, and slow answers under load only cause repeats. */
const fast = {
  timeout: Duration.millis(400),
  backoffBase: Duration.millis(20),
  backoffMax: Duration.millis(200),
  idlePause: Duration.millis(20)
} satisfies Omit<DispatcherOptions, "endpoints">

// ---------------------------------------------------------------------------------------------------

describe("webhook outbox", () => {
  for (const kind of ["SQLite", "PostgreSQL"] as const) {
    it.live(
      `${kind}: every change arrives, signed, each entity's in order, through drops, 500s and stalls`,
      () =>
        onDatabase(
          kind,
          Effect.gen(function* () {
            // by change id: a fifth are dropped at first, a fifth fail twice (after arriving), a fifth stall once
            const server = yield* receiver((arrival, attempt) => {
              const mode = changeIdOf(arrival.id) % 5
              if (mode === 1 && attempt === 1) return "drop"
              if (mode === 2 && attempt <= 2) return "fail"
              if (mode === 3 && attempt === 1) return "stall"
              return "ok"
            })
            const everything: WebhookEndpoint = {
              name: "everything",
              url: `${server.url}/all`,
              secret: Redacted.make(whsecSecret)
            }
            const activitiesOnly: WebhookEndpoint = {
              name: "activities",
              url: `${server.url}/activities`,
              secret: Redacted.make(rawSecret),
              entities: ["activity"]
            }
            const endpoints = [everything, activitiesOnly]

            // five activities and three resources (one with an activity's key), four changes each, interleaved
            const entities = [
              ...[1, 2, 3, 4, 5].map((n) => ({ entity: "activity", key: String(4000 + n) })),
              ...["r1", "r2", "4002"].map((key) => ({ entity: "resource", key }))
            ]
            const written: Array<{ changeId: number; entity: string; key: string }> = []
            for (let round = 0; round < 4; round++) {
              for (const { entity, key } of entities) {
                const kind = round === 0 ? "created" : round === 3 && key === "4001" ? "deleted" : "updated"
                const row = kind === "deleted" ? null : { id: key, status: `s${round}` }
                const changeId = yield* writeChange({ entity, key, kind, row }, endpoints)
                written.push({ changeId, entity, key })
              }
            }

            const dispatcher = yield* Effect.fork(runDispatcher({ endpoints, ...fast }))
            yield* waitUntil(
              "every delivery is delivered",
              Effect.map(countWhere("delivered"), (n) => n === written.length + 20),
              Duration.seconds(45)
            )
            yield* Fiber.interrupt(dispatcher)

            for (const [endpoint, key, wanted] of [
              ["/all", whsecKey, written],
              ["/activities", Buffer.from(rawSecret, "utf8"), written.filter((w) => w.entity === "activity")]
            ] as const) {
              const arrivals = server.arrivals.filter((a) => a.path === endpoint)
              // every request, failed ones too, is signed for what it carries
              for (const arrival of arrivals) expect(signedWith(key, arrival)).toBe(true)
              // deduplicated by webhook-id, what arrived is exactly the changes this endpoint wants
              const firsts = firstReceipts(arrivals)
              expect(firsts.map((a) => changeIdOf(a.id)).sort((a, b) => a - b)).toEqual(
                wanted.map((w) => w.changeId).sort((a, b) => a - b)
              )
              // each entity's changes arrived in the order they were made, and none was sent before
              // the receiver had taken (2xx) every earlier change of its entity
              for (const { entity, key: entityKey } of entities) {
                const ofEntity = arrivals.filter((a) => {
                  const payload = JSON.parse(a.body)
                  return payload.data.entity === entity && payload.data.key === entityKey
                })
                const firstIds = firstReceipts(ofEntity).map((a) => changeIdOf(a.id))
                expect(firstIds.length).toBe(endpoint === "/all" || entity === "activity" ? 4 : 0)
                expect(firstIds).toEqual([...firstIds].sort((a, b) => a - b))
                const taken = new Set<number>()
                for (const a of ofEntity) {
                  expect(firstIds.filter((id) => id < changeIdOf(a.id) && !taken.has(id))).toEqual([])
                  if (a.answer === "ok") taken.add(changeIdOf(a.id))
                }
              }
              // the body is the change, the same on every attempt
              const bodies = new Map<string, Set<string>>()
              for (const a of arrivals) bodies.set(a.id, (bodies.get(a.id) ?? new Set()).add(a.body))
              for (const set of bodies.values()) expect(set.size).toBe(1)
            }

            // a message as a receiver reads it
            const deleted = written.filter((w) => w.key === "4001").at(-1)
            const sample = firstReceipts(server.arrivals.filter((a) => a.path === "/all")).find(
              (a) => changeIdOf(a.id) === deleted?.changeId
            )
            expect(JSON.parse(sample?.body ?? "{}")).toMatchObject({
              id: `chg_${deleted?.changeId}`,
              type: "ofsc.activity.deleted",
              data: { entity: "activity", key: "4001", kind: "deleted", fields: [], row: null }
            })
            const updated = firstReceipts(server.arrivals).find(
              (a) => JSON.parse(a.body).type === "ofsc.resource.updated"
            )
            expect(JSON.parse(updated?.body ?? "{}").data).toMatchObject({ fields: ["status"], row: { status: "s1" } })

            // the failures happened, and were recorded without secrets
            const rows = yield* listDeliveries({ limit: 1000 })
            expect(rows.length).toBe(written.length + 20)
            const errors = rows.map((r) => r.lastError ?? "")
            expect(errors.some((e) => e.startsWith("HTTP 500: receiver is down for now"))).toBe(true)
            expect(errors.some((e) => e.startsWith("no answer within"))).toBe(true)
            expect(errors.some((e) => e.startsWith("could not send"))).toBe(true)
            expect(rows.every((r) => r.state === "delivered" && r.deliveredAt !== null)).toBe(true)
            const text = yield* outboxText
            for (const secret of [whsecSecret, whsecKey.toString("base64"), rawSecret])
              expect(text).not.toContain(secret)
          })
        ),
      90_000
    )
  }

  it.live(
    "a delivery past maxAge is dead; retried, it is delivered; redirects and URL credentials",
    () =>
      onDatabase(
        "SQLite",
        Effect.gen(function* () {
          let down = true
          const server = yield* receiver((arrival) =>
            arrival.path === "/moved" ? "redirect" : down || arrival.path === "/elsewhere" ? "fail" : "ok"
          )
          const hook: WebhookEndpoint = { name: "hook", url: `${server.url}/hook`, secret: Redacted.make(rawSecret) }
          const moved: WebhookEndpoint = { name: "moved", url: `${server.url}/moved`, secret: Redacted.make(rawSecret) }
          // credentials in a URL: the fetch client refuses them, and the reason must not repeat them
          const withPassword: WebhookEndpoint = {
            name: "with-password",
            url: `http://admin:hunter2-pw@127.0.0.1:9/hook?token=t0ken-in-query`,
            secret: Redacted.make(whsecSecret)
          }
          const endpoints = [hook, moved, withPassword]
          const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString()
          const old = yield* writeChange(
            { entity: "activity", key: "1", kind: "updated", row: { a: 1 }, appliedAt: twoDaysAgo },
            endpoints
          )
          const fresh = yield* writeChange({ entity: "activity", key: "2", kind: "created", row: { a: 2 } }, [hook])

          const first = yield* deliverDue({ endpoints, ...fast })
          expect(first).toMatchObject({ attempted: 4, dead: 3, retrying: 1, delivered: 0 })
          const dead = yield* listDeliveries({ state: "dead", limit: 10 })
          expect(dead.map((d) => [d.endpoint, d.changeId, d.attempts]).sort()).toEqual(
            [
              ["hook", old, 1],
              ["moved", old, 1],
              ["with-password", old, 1]
            ].sort()
          )
          const reasons = Object.fromEntries(dead.map((d) => [d.endpoint, d.lastError]))
          expect(reasons.hook).toBe("HTTP 500: receiver is down for now")
          expect(reasons.moved).toBe("HTTP 307 (redirects are not followed)")
          expect(reasons["with-password"]).toMatch(/^could not send/)
          expect(server.arrivals.some((a) => a.path === "/elsewhere")).toBe(false)
          const text = yield* outboxText
          for (const secret of ["hunter2-pw", "t0ken-in-query", rawSecret, whsecSecret])
            expect(text).not.toContain(secret)

          // the receiver recovers; the dead delivery to it is retried and arrives
          down = false
          expect(
            yield* retryDeliveries({ deliveryIds: dead.filter((d) => d.endpoint === "hook").map((d) => d.deliveryId) })
          ).toBe(1)
          const [retried] = yield* listDeliveries({ endpoint: "hook", state: "pending", limit: 10 }).pipe(
            Effect.map((rows) => rows.filter((r) => r.changeId === old))
          )
          expect(retried).toMatchObject({ attempts: 1, lastError: "HTTP 500: receiver is down for now" })
          yield* waitUntil(
            "the retried and the fresh delivery are delivered",
            Effect.map(deliverDue({ endpoints: [hook], ...fast }), () => false).pipe(
              Effect.zipRight(
                Effect.map(
                  listDeliveries({ endpoint: "hook", state: "delivered", limit: 10 }),
                  (rows) => rows.length === 2
                )
              )
            ),
            Duration.seconds(20)
          )
          const ids = firstReceipts(server.arrivals.filter((a) => a.path === "/hook")).map((a) => changeIdOf(a.id))
          expect(ids.sort()).toEqual([old, fresh].sort())
          // retrying the dead (by state) brings back only those still dead
          expect(yield* retryDeliveries()).toBe(2)
          expect(yield* countWhere("dead")).toBe(0)
        })
      ),
    60_000
  )

  it.live(
    "an endpoint that never answers holds up only itself",
    () =>
      onDatabase(
        "SQLite",
        Effect.gen(function* () {
          const server = yield* receiver((arrival) => (arrival.path === "/stuck" ? "stall" : "ok"))
          const stuck: WebhookEndpoint = { name: "stuck", url: `${server.url}/stuck`, secret: Redacted.make(rawSecret) }
          const healthy: WebhookEndpoint = {
            name: "healthy",
            url: `${server.url}/ok`,
            secret: Redacted.make(rawSecret)
          }
          // more entities than the stuck endpoint has slots, three changes each
          for (let round = 0; round < 3; round++)
            for (let n = 0; n < 12; n++)
              yield* writeChange({ entity: "activity", key: String(n), kind: "updated", row: { round } }, [
                stuck,
                healthy
              ])
          const dispatcher = yield* Effect.fork(
            runDispatcher({ ...fast, endpoints: [stuck, healthy], timeout: Duration.seconds(60), concurrency: 4 })
          )
          yield* waitUntil(
            "the healthy endpoint has every change",
            Effect.map(
              listDeliveries({ endpoint: "healthy", state: "delivered", limit: 100 }),
              (rows) => rows.length === 36
            ),
            Duration.seconds(30)
          )
          yield* Fiber.interrupt(dispatcher)
          // the stuck one got as many requests as it has slots, none answered, nothing recorded
          expect(server.arrivals.filter((a) => a.path === "/stuck").length).toBe(4)
          const stuckRows = yield* listDeliveries({ endpoint: "stuck", limit: 100 })
          expect(stuckRows.every((r) => r.state === "pending" && r.attempts === 0)).toBe(true)
        })
      ),
    60_000
  )

  it.live(
    "an attempt interrupted before its answer records nothing: the delivery stays pending",
    () =>
      onDatabase(
        "SQLite",
        Effect.gen(function* () {
          const server = yield* receiver(() => "stall")
          const hook: WebhookEndpoint = { name: "hook", url: `${server.url}/hook`, secret: Redacted.make(rawSecret) }
          yield* writeChange({ entity: "user", key: "jdoe", kind: "updated", row: { login: "jdoe" } }, [hook])
          const dispatcher = yield* Effect.fork(runDispatcher({ endpoints: [hook], timeout: Duration.seconds(30) }))
          yield* waitUntil(
            "the request arrives",
            Effect.sync(() => server.arrivals.length === 1),
            Duration.seconds(20)
          )
          yield* Fiber.interrupt(dispatcher)
          const [row] = yield* listDeliveries({ limit: 10 })
          expect(row).toMatchObject({ state: "pending", attempts: 0, lastError: null, deliveredAt: null })
        })
      ),
    30_000
  )

  it("retryDelay doubles from the base up to the cap, jittered to between half and all of it", () => {
    const backoff = { base: Duration.seconds(1), max: Duration.minutes(5) }
    const ms = (failures: number, random: number) => Duration.toMillis(retryDelay(failures, backoff, random))
    expect([1, 2, 3, 4].map((n) => ms(n, 0.999999))).toEqual([1000, 2000, 4000, 8000])
    expect([1, 2, 3, 4].map((n) => ms(n, 0))).toEqual([500, 1000, 2000, 4000])
    expect(ms(20, 0.999999)).toBe(300_000)
    expect(ms(1000, 0)).toBe(150_000)
  })
})
