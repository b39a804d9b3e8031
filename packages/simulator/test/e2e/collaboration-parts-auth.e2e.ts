/**
 * End-to-end: every ofscCollaboration and ofscPartsCatalog operation, and the two token service
 * operations (the issued token then authenticates a call of its own), against the simulator.
 */
import { OfscCollaboration } from "@ofsc/collaboration"
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { OfscPartsCatalog } from "@ofsc/parts-catalog"
import { Chunk, Effect, Layer, Redacted, Stream } from "effect"
import { expect } from "vitest"
import { Simulator } from "../../src/index.js"
import { seeded } from "./support/data.js"
import { e2eSuite, expectFailure } from "./support/harness.js"

/** Registers the collaboration / parts catalog / token service suite. */
export const collaborationPartsAuthSuite = () =>
  e2eSuite("e2e collaboration, parts catalog, token service", (it) => {
    it.effect("address book: list and stream the contacts", () =>
      Effect.gen(function* () {
        const collab = yield* OfscCollaboration
        const page = yield* collab.addressBook.list({ limit: 5 })
        expect((page.items ?? []).length).toBeGreaterThan(0)
        expect((page.items ?? []).length).toBeLessThanOrEqual(5)
        for (const c of page.items ?? []) expect(["user", "helpdesk"]).toContain(c.type)
        const all = yield* Stream.runCollect(collab.addressBook.stream({}, { pageSize: 4 }))
        expect(Chunk.size(all)).toBe(page.totalResults ?? Chunk.size(all))
        expect(Chunk.toReadonlyArray(all).map((c) => c.contactId)).toContain(seeded.user(1))
      })
    )

    it.effect("chats: start, send, read messages, invite, participants, leave", () =>
      Effect.gen(function* () {
        const collab = yield* OfscCollaboration
        const chat = yield* collab.chats.create({ recipients: [seeded.user(1)], text: "Can you take job 17?" })
        const chatId = chat.chatId!
        expect(chatId).toEqual(expect.any(Number))

        const sent = yield* collab.chats.messages.create(chatId, { text: "It is urgent." })
        expect(sent.text).toBe("It is urgent.")
        expect(sent.messageId).toEqual(expect.any(Number))
        const messages = yield* collab.chats.messages.list(chatId)
        expect((messages.items ?? []).map((m) => m.text)).toEqual(
          expect.arrayContaining(["Can you take job 17?", "It is urgent."])
        )

        yield* collab.chats.participants.invite(chatId, { login: seeded.user(2) })
        const participants = yield* collab.chats.participants.list(chatId)
        expect((participants.items ?? []).map((p) => p.login)).toEqual(
          expect.arrayContaining([seeded.user(1), seeded.user(2)])
        )
        yield* collab.chats.leave(chatId)
        yield* expectFailure(collab.chats.messages.list(99_999_999), "OfscNotFound")
        yield* expectFailure(collab.chats.leave(99_999_999), "OfscNotFound")
      })
    )

    it.effect("parts catalog: put a catalog, put an item, delete it, delete again is not found", () =>
      Effect.gen(function* () {
        const parts = yield* OfscPartsCatalog
        yield* parts.catalogs.put("e2e_catalog", "en-US", {
          name: "E2E parts",
          fieldSchemas: [
            { label: "name", name: "Name", searchable: true, preview: true },
            { label: "price", name: "Price" }
          ],
          typeSchemas: [{ itemType: "part", inventoryType: "router" }]
        })
        yield* parts.catalogs.items.put("e2e_catalog", "en-US", "RX-100", {
          type: "part",
          fields: [
            { label: "name", value: "Router RX-100" },
            { label: "price", value: "99" }
          ]
        })
        yield* parts.catalogs.items.delete("e2e_catalog", "en-US", "RX-100")
        yield* expectFailure(parts.catalogs.items.delete("e2e_catalog", "en-US", "RX-100"), "OfscNotFound")
        yield* expectFailure(parts.catalogs.items.delete("no_such_catalog", "en-US", "RX-100"), "OfscNotFound")
      })
    )

    it.effect("token service v1 and v2 issue tokens; a v2 token authenticates a call", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const sim = yield* Simulator
        const v2 = yield* core.tokenService.requestToken({ grant_type: "client_credentials" })
        expect(v2.access_token).toEqual(expect.any(String))
        expect(v2.token_type?.toLowerCase()).toBe("bearer")
        expect(v2.expires_in).toBeGreaterThan(0)
        const v1 = yield* core.tokenService.requestTokenV1({ grant_type: "client_credentials" })
        expect(v1.token).toEqual(expect.any(String))
        expect(v1.expires_in).toBeGreaterThan(0)

        const withToken = OfscClient.layer({
          baseUrl: sim.url,
          credentials: { _tag: "Bearer", token: Redacted.make(v2.access_token!) },
          retry: { maxRetries: 0 }
        }).pipe(Layer.provide(OfscHttpClient.layerUndici), Layer.orDie)
        const user = yield* Effect.flatMap(OfscCore, (c) => c.users.get(seeded.user(1))).pipe(
          Effect.provide(OfscCore.layer.pipe(Layer.provide(withToken)))
        )
        expect(user.login).toBe(seeded.user(1))

        yield* expectFailure(
          core.tokenService.requestToken({
            grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
            assertion: "not-a-jwt"
          }),
          "OfscBadRequest"
        )
      })
    )
  })
