import { it } from "@effect/vitest"
import { Chunk, Effect, Either, Layer, Ref, Stream } from "effect"
import { describe, expect } from "vitest"
import { CoreOperations, OfscCore, type OfscError } from "../src/index.js"
import { clientLayer, testOptions } from "./support/client.js"
import { type Handler, testServer } from "./support/testServer.js"

/** OfscCore over a real transport against the local test server. */
const withCore = <A, E>(url: string, f: (core: OfscCore["Type"]) => Effect.Effect<A, E>) =>
  Effect.flatMap(OfscCore, f).pipe(Effect.provide(OfscCore.layer.pipe(Layer.provide(clientLayer(testOptions(url))))))

const activity = { activityId: 4225274, status: "started", resourceId: "33001", XA_NOTE: "kept" }

describe("OfscCore", () => {
  it.scopedLive("activities.get sends GET with the id in the path and decodes the activity", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: activity }))
      const got = yield* withCore(server.url, (core) => core.activities.get(4225274))
      expect(got).toEqual(activity)
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /rest/ofscCore/v1/activities/4225274"])
    })
  )

  it.scopedLive("activities.start posts the body to the custom action and decodes the answer", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: activity }))
      const started = yield* withCore(server.url, (core) =>
        core.activities.start(4225274, { time: "2025-06-02 08:15:00" })
      )
      expect(started.status).toBe("started")
      const seen = server.requests[0]!
      expect(seen.method).toBe("POST")
      expect(seen.path).toBe("/rest/ofscCore/v1/activities/4225274/custom-actions/start")
      expect(JSON.parse(seen.body.toString())).toEqual({ time: "2025-06-02 08:15:00" })
    })
  )

  it.scopedLive("activities.files.get downloads bytes; files.put uploads them with type and file name", () =>
    Effect.gen(function* () {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255])
      const server = yield* testServer((req) => (req.method === "GET" ? { bytes: png } : { status: 204 }))
      const { downloaded } = yield* withCore(server.url, (core) =>
        Effect.gen(function* () {
          yield* core.activities.files.put(4225274, "XA_PHOTO", {
            data: png,
            contentType: "image/png",
            filename: "site.png"
          })
          return { downloaded: yield* core.activities.files.get(4225274, "XA_PHOTO") }
        })
      )
      expect([...downloaded]).toEqual([...png])
      const [put, get] = server.requests
      expect(put?.method).toBe("PUT")
      expect(put?.path).toBe("/rest/ofscCore/v1/activities/4225274/XA_PHOTO")
      expect(put?.headers["content-type"]).toBe("image/png")
      expect(put?.headers["content-disposition"]).toBe('attachment; filename="site.png"')
      expect([...put!.body]).toEqual([...png])
      expect(get?.method).toBe("GET")
      expect(get?.headers.accept).toBe("application/octet-stream")
    })
  )

  it.scopedLive("query parameters: csv arrays, enums and dates go on the query string", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { items: [], hasMore: false } }))
      yield* withCore(server.url, (core) =>
        core.activities.list({
          resources: ["33001", "33002"],
          includeChildren: "all",
          dateFrom: "2025-06-02",
          dateTo: "2025-06-03",
          fields: ["activityId", "status"]
        })
      )
      const q = server.requests[0]!.query
      expect(q.get("resources")).toBe("33001,33002")
      expect(q.get("includeChildren")).toBe("all")
      expect(q.get("dateFrom")).toBe("2025-06-02")
      expect(q.get("fields")).toBe("activityId,status")
    })
  )

  it.scopedLive("a paged list streams every item across pages", () =>
    Effect.gen(function* () {
      const users = Array.from({ length: 5 }, (_, i) => ({
        login: `u${i}`,
        name: `User ${i}`,
        userType: "technician",
        language: "en",
        timeZone: "Eastern",
        resources: [`3300${i}`]
      }))
      const server = yield* testServer((req) => {
        const offset = Number(req.query.get("offset") ?? 0)
        const limit = Number(req.query.get("limit") ?? 100)
        return { json: { items: users.slice(offset, offset + limit), totalResults: users.length, offset, limit } }
      })
      const logins = yield* withCore(server.url, (core) =>
        Stream.runCollect(core.users.stream(undefined, { pageSize: 2 }))
      )
      expect(Chunk.toReadonlyArray(logins).map((u) => u.login)).toEqual(["u0", "u1", "u2", "u3", "u4"])
      expect(server.requests.map((r) => r.query.get("offset"))).toEqual(["0", "2", "4"])
      expect(server.requests.every((r) => r.path === "/rest/ofscCore/v1/users")).toBe(true)
    })
  )

  it.scopedLive("nested groups: resources.workSchedules.calendarView fills the path and the required query", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { "2025-06-02": { regular: { recordType: "working" } } } }))
      const view = yield* withCore(server.url, (core) =>
        core.resources.workSchedules.calendarView("33001", { dateFrom: "2025-06-02", dateTo: "2025-06-08" })
      )
      expect(view["2025-06-02"]?.regular?.recordType).toBe("working")
      const seen = server.requests[0]!
      expect(seen.path).toBe("/rest/ofscCore/v1/resources/33001/workSchedules/calendarView")
      expect(seen.query.get("dateFrom")).toBe("2025-06-02")
      expect(seen.query.get("dateTo")).toBe("2025-06-08")
    })
  )

  it.scopedLive("the token service posts a form", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({
        json: { access_token: "t0k", token_type: "bearer", expires_in: 3600 }
      }))
      const token = yield* withCore(server.url, (core) =>
        core.tokenService.requestToken({ grant_type: "client_credentials" })
      )
      expect(token).toEqual({ access_token: "t0k", token_type: "bearer", expires_in: 3600 })
      const seen = server.requests[0]!
      expect(seen.path).toBe("/rest/oauthTokenService/v2/token")
      expect(seen.headers["content-type"]).toContain("application/x-www-form-urlencoded")
      expect(seen.body.toString()).toBe("grant_type=client_credentials")
    })
  )

  it.scopedLive("wrong input fails with OfscInvalidInput before anything is sent", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: activity }))
      const results = yield* withCore(server.url, (core) =>
        Effect.all([
          Effect.either(core.activities.get(1.5)),
          Effect.either(core.users.get("")),
          // as a JavaScript caller could: an enum value the type would refuse
          Effect.either(core.resources.plans.delete("33001", { measure: "hours" as "points", date: "2025-06-02" }))
        ])
      )
      const tags = results.map((r: Either.Either<unknown, OfscError>) =>
        Either.match(r, { onLeft: (e) => e._tag, onRight: () => "sent" })
      )
      expect(tags).toEqual(["OfscInvalidInput", "OfscInvalidInput", "OfscInvalidInput"])
      expect(server.requests).toHaveLength(0)
    })
  )

  it.scopedLive("raw reaches a path the table does not know, through the same transport", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { ok: true } }))
      const answer = yield* withCore(server.url, (core) =>
        core.raw("GET", "/rest/ofscCore/v2/somethingNew", { query: { q: "x" } })
      )
      expect(answer).toEqual({ ok: true })
      expect(server.requests[0]?.path).toBe("/rest/ofscCore/v2/somethingNew")
      expect(server.requests[0]?.query.get("q")).toBe("x")
    })
  )

  it("the table holds every core and token-service operation once", () => {
    const ids = CoreOperations.operations.map((op) => op.id)
    expect(ids).toHaveLength(129)
    expect(new Set(ids).size).toBe(129)
    expect(ids).toContain("core.events.list")
    expect(CoreOperations.eventsList.paging).toBe("cursor")
    expect(CoreOperations.usersList.paging).toBe("offset-limit")
  })
})

describe("OfscCore events.stream", () => {
  /** Serves polls from a script keyed by the page asked for (`<none>` when no page is given). */
  const eventsServer =
    (script: Record<string, { nextPage: string; items: ReadonlyArray<unknown> }>): Handler =>
    (req) => {
      const page = req.query.get("page") ?? (req.query.get("since") ? `since:${req.query.get("since")}` : "<none>")
      const answer = script[page]
      return answer
        ? { json: { ...answer, found: answer.items.length > 0 } }
        : { status: 500, text: `unexpected ${page}` }
    }
  const event = (n: number) => ({ eventType: "activityUpdated", time: `2025-06-02 08:0${n}:00`, user: "dispatcher" })

  it.scopedLive("follows nextPage until a poll brings no events, reporting each cursor", () =>
    Effect.gen(function* () {
      const server = yield* testServer(
        eventsServer({
          "<none>": { nextPage: "p2", items: [event(1), event(2)] },
          p2: { nextPage: "p3", items: [event(3)] },
          p3: { nextPage: "p4", items: [] }
        })
      )
      const cursors = yield* Ref.make<ReadonlyArray<string>>([])
      const events = yield* withCore(server.url, (core) =>
        Stream.runCollect(
          core.events.stream(
            { subscriptionId: "sub-1", limit: 2 },
            { onCursor: (page) => Ref.update(cursors, (all) => [...all, page]) }
          )
        )
      )
      expect(Chunk.toReadonlyArray(events).map((e) => e.time)).toEqual([
        "2025-06-02 08:01:00",
        "2025-06-02 08:02:00",
        "2025-06-02 08:03:00"
      ])
      expect(server.requests.map((r) => r.query.get("page"))).toEqual([null, "p2", "p3"])
      expect(server.requests.every((r) => r.query.get("subscriptionId") === "sub-1")).toBe(true)
      expect(server.requests.every((r) => r.query.get("limit") === "2")).toBe(true)
      expect(yield* Ref.get(cursors)).toEqual(["p2", "p3", "p4"])
    })
  )

  it.scopedLive("starting from `since`: the positioning poll brings no events but does not end the stream", () =>
    Effect.gen(function* () {
      const server = yield* testServer(
        eventsServer({
          "since:2025-06-02 08:00:00": { nextPage: "s1", items: [] },
          s1: { nextPage: "s2", items: [event(4)] },
          s2: { nextPage: "s3", items: [] }
        })
      )
      const events = yield* withCore(server.url, (core) =>
        Stream.runCollect(core.events.stream({ subscriptionId: "sub-1", since: "2025-06-02 08:00:00" }))
      )
      expect(Chunk.toReadonlyArray(events).map((e) => e.time)).toEqual(["2025-06-02 08:04:00"])
      // `since` is sent once, never together with a page
      expect(server.requests.map((r) => [r.query.get("since"), r.query.get("page")])).toEqual([
        ["2025-06-02 08:00:00", null],
        [null, "s1"],
        [null, "s2"]
      ])
    })
  )
})
