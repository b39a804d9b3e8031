import { it } from "@effect/vitest"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Chunk, Effect, Layer, Redacted, Stream } from "effect"
import { describe, expect } from "vitest"
// the scriptable server of @ofsc/core's own tests (plain node:http, no @ofsc code)
import { testServer } from "../../core/test/support/testServer.js"
import { CollaborationOperations, OfscCollaboration } from "../src/index.js"

/** OfscCollaboration over a real transport (Basic auth, undici) against the local test server. */
const withCollaboration = <A, E>(url: string, f: (c: OfscCollaboration["Type"]) => Effect.Effect<A, E>) =>
  Effect.flatMap(OfscCollaboration, f).pipe(
    Effect.provide(
      OfscCollaboration.layer.pipe(
        Layer.provide(
          OfscClient.layer({
            baseUrl: url,
            instance: "test",
            credentials: { _tag: "Basic", clientId: "itest", clientSecret: Redacted.make("s3cret") },
            timeout: "2 seconds"
          })
        ),
        Layer.provide(OfscHttpClient.layerUndici)
      )
    )
  )

describe("OfscCollaboration", () => {
  it.scopedLive("chats.create posts the request and decodes the 201 answer", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 201, json: { chatId: 77, type: "normal", startedBy: "disp" } }))
      const chat = yield* withCollaboration(server.url, (c) =>
        c.chats.create({ text: "Can you take 4225274?", recipients: ["tech1"] })
      )
      expect(chat.chatId).toBe(77)
      const seen = server.requests[0]!
      expect(`${seen.method} ${seen.path}`).toBe("POST /rest/ofscCollaboration/v1/chats")
      expect(JSON.parse(seen.body.toString())).toEqual({ text: "Can you take 4225274?", recipients: ["tech1"] })
    })
  )

  it.scopedLive("chats.participants: stream pages through the list, invite is a custom action with no answer", () =>
    Effect.gen(function* () {
      const people = ["ann", "bob", "cy"].map((login) => ({ login, name: login.toUpperCase(), present: true }))
      const server = yield* testServer((req) => {
        if (req.method === "POST") return { status: 204 }
        const offset = Number(req.query.get("offset") ?? 0)
        const limit = Number(req.query.get("limit") ?? 10)
        return { json: { items: people.slice(offset, offset + limit), totalResults: people.length, offset, limit } }
      })
      const logins = yield* withCollaboration(server.url, (c) =>
        Effect.zipLeft(
          Stream.runCollect(Stream.map(c.chats.participants.stream(77, undefined, { pageSize: 2 }), (p) => p.login)),
          c.chats.participants.invite(77, { login: "dee" })
        )
      )
      expect(Chunk.toReadonlyArray(logins)).toEqual(["ann", "bob", "cy"])
      expect(server.requests.map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual([
        "GET /rest/ofscCollaboration/v1/chats/77/participants?limit=2&offset=0",
        "GET /rest/ofscCollaboration/v1/chats/77/participants?limit=2&offset=2",
        "POST /rest/ofscCollaboration/v1/chats/77/participants/invite?"
      ])
      expect(JSON.parse(server.requests[2]!.body.toString())).toEqual({ login: "dee" })
    })
  )

  it("the table holds all 7 collaboration operations", () => {
    expect(CollaborationOperations.operations).toHaveLength(7)
    expect(CollaborationOperations.addressBookList.paging).toBe("offset-limit")
  })
})
