/** The operations the retry tests call on their test server: a GET, a POST, and a POST marked safe to retry. */
import { Schema } from "effect"
import { Operation } from "../../src/index.js"

/** What every thing answer holds. */
export const Thing = Schema.Struct({ id: Schema.Int })

/** An idempotent read. */
export const getThing = Operation.make({
  id: "test.things.get",
  method: "GET",
  path: "/rest/test/v1/things",
  success: { kind: "json", schema: Thing }
})

/** A write that is not safe to send twice. */
export const createThing = Operation.make({
  id: "test.things.create",
  method: "POST",
  path: "/rest/test/v1/things",
  body: { kind: "json", schema: Thing },
  success: { kind: "json", schema: Thing }
})

/** A POST that only reads, marked `retrySafe`. */
export const searchThings = Operation.make({
  id: "test.things.search",
  method: "POST",
  path: "/rest/test/v1/things/search",
  body: { kind: "json", schema: Thing },
  success: { kind: "json", schema: Thing },
  retrySafe: true
})
