/**
 * List answers carry OFS's links: `canonical` with the query as asked (limit and offset as
 * answered), `next` exactly while there is more, `describedby` at the module's metadata catalog;
 * and the client's models keep them. Error details use OFS's wording where OFS shows one.
 */
import { it as effectIt } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { linkHref, linksOf } from "@ofsc/models"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Simulator, startSimulator } from "../src/index.js"
import { send, servicesFor } from "./support/engineClient.js"

interface Page {
  readonly hasMore: boolean
  readonly totalResults: number
  readonly items: ReadonlyArray<unknown>
  readonly links: ReadonlyArray<{ readonly rel: string; readonly href: string }>
}

describe("list links", () => {
  it("canonical carries the query, next is there exactly while there is more", async () => {
    const sim = await startSimulator({ seed: 3 })
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 30 }), async (limit, offset) => {
          const path = "/rest/ofscCore/v1/users"
          const page = (await Effect.runPromise(send(sim, "GET", `${path}?offset=${offset}&limit=${limit}`)))
            .json as Page
          const more = offset + limit < page.totalResults
          expect(page.hasMore).toBe(more)
          expect(page.links).toEqual([
            { rel: "canonical", href: `${sim.url}${path}?limit=${limit}&offset=${offset}` },
            ...(more ? [{ rel: "next", href: `${sim.url}${path}?limit=${limit}&offset=${offset + limit}` }] : []),
            { rel: "describedby", href: `${sim.url}/rest/ofscCore/v1/metadata-catalog/users` }
          ])
        }),
        { numRuns: 25 }
      )
      // other query parameters stay in the links; following `next` reaches every item once
      const first = `/rest/ofscCore/v1/activities?resources=FLUSA&dateFrom=2026-11-01&dateTo=2026-11-01&limit=40`
      let page = (await Effect.runPromise(send(sim, "GET", first))).json as Page
      expect(linkHref(page, "canonical")).toBe(
        `${sim.url}/rest/ofscCore/v1/activities?resources=FLUSA&dateFrom=2026-11-01&dateTo=2026-11-01&limit=40&offset=0`
      )
      const seen = [...page.items]
      for (let next = linkHref(page, "next"); next !== undefined; next = linkHref(page, "next")) {
        page = (await Effect.runPromise(send(sim, "GET", next.slice(sim.url.length)))).json as Page
        seen.push(...page.items)
      }
      expect(page.hasMore).toBe(false)
      expect(seen.length).toBe(sim.data.activities.filter((a) => a.date === "2026-11-01").length)
    } finally {
      await sim.stop()
    }
  })

  effectIt.scopedLive("the client's models keep the links of lists and of the shifts in them", () =>
    Effect.gen(function* () {
      const sim = yield* Simulator.scoped({ seed: 3 })
      const program = Effect.gen(function* () {
        const page = yield* (yield* OfscMetadata).shifts.list({ limit: 4 })
        expect(linkHref(page, "next")).toBe(`${sim.url}/rest/ofscMetadata/v1/shifts?limit=4&offset=4`)
        expect(linksOf(page.items?.[0]).map((l) => l.rel)).toEqual(["canonical", "describedby"])
        const resources = yield* (yield* OfscCore).resources.list({ limit: 100 })
        expect(linkHref(resources, "next")).toBeUndefined()
        expect(linkHref(resources, "describedby")).toBe(`${sim.url}/rest/ofscCore/v1/metadata-catalog/resources`)
      })
      yield* Effect.provide(program, servicesFor(sim))
    })
  )

  effectIt.scopedLive("error details use OFS's wording: 'Invalid JSON', 'Invalid parameter type'", () =>
    Effect.gen(function* () {
      const sim = yield* Simulator.scoped({ seed: 3 })
      const auth = `Basic ${Buffer.from(`ofsc-sim@${sim.instance}:sim-secret`).toString("base64")}`
      const raw = (path: string, body: string) =>
        Effect.promise(async () => {
          const answer = await fetch(sim.url + path, {
            method: "PUT",
            headers: { authorization: auth, "content-type": "application/json" },
            body
          })
          return { status: answer.status, json: await answer.json() }
        })
      const badRequest = (detail: string) => ({
        status: 400,
        json: {
          type: "http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1",
          title: "Bad Request",
          status: "400",
          detail
        }
      })
      expect(yield* raw("/rest/ofscMetadata/v1/shifts/x", '{"name": "x",')).toEqual(badRequest("Invalid JSON"))
      expect(yield* raw("/rest/ofscMetadata/v1/workSkills/x", "not json")).toEqual(badRequest("Invalid JSON"))
      const wrongType = JSON.stringify({ name: "x", type: "regular", workTimeStart: 900, workTimeEnd: "18:00" })
      expect(yield* raw("/rest/ofscMetadata/v1/shifts/x", wrongType)).toEqual(badRequest("Invalid parameter type"))
    })
  )
})
