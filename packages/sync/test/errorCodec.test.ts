// Every error class that crosses from the worker to the script comes back as itself: the same class
// (instanceof), tag, fields and message, through a real structured clone (what postMessage does).
import {
  OfscConfigError,
  OfscDecodeError,
  OfscIdempotencyConflict,
  OfscNotFound,
  OfscRateLimited,
  OfscSubscriptionExpired,
  OfscTransportError
} from "@ofsc/core/errors"
import { Duration, Option } from "effect"
import { describe, expect, it } from "vitest"
import { OfscStreamReleased, OfscSyncTimeout } from "../src/errors.js"
import { decodeError, encodeError } from "../src/internal/codec.js"

const call = { operation: "metadata.shifts.get", method: "GET", path: "/rest/ofscMetadata/v1/shifts/day" }

const crossed = (error: unknown) => decodeError(structuredClone(encodeError(error)))

describe("errors across the thread boundary", () => {
  const errors: ReadonlyArray<Error & { readonly _tag: string }> = [
    new OfscNotFound({ ...call, status: 404, title: "Not Found", resumeFrom: 200 }),
    new OfscRateLimited({ ...call, status: 429, retryAfter: Option.some(Duration.seconds(7)) }),
    new OfscTransportError({ ...call, reason: "Connect", server: "127.0.0.1:9", cause: "ECONNREFUSED" }),
    new OfscDecodeError({ ...call, status: 200, issues: [{ path: ["items", 0, Symbol.for("k")], message: "x" }] }),
    new OfscConfigError({ key: "OFSC_CLIENT_SECRET", reason: "is not set" }),
    new OfscSubscriptionExpired({ ...call, status: 404, subscriptionId: "s1" }),
    new OfscIdempotencyConflict({
      operation: "core.activities.create",
      idempotencyKey: "k",
      keyField: "apptNumber",
      matches: [1, 2]
    }),
    new OfscSyncTimeout({ method: "core.activities.get", timeoutMs: 50 }),
    new OfscStreamReleased({ method: "core.activities.stream", reason: "idle", limit: Number.POSITIVE_INFINITY })
  ]

  it.each(errors.map((e) => [e._tag, e] as const))("%s comes back as the same class", (_, error) => {
    const back = crossed(error)
    expect(back).toBeInstanceOf(error.constructor)
    expect(back.message).toBe(error.message)
    expect({ ...back }).toEqual({ ...error })
  })

  it("an error of a class it does not know keeps its tag, fields and message; anything else its message", () => {
    const foreign = Object.assign(new Error("mirror busy"), { _tag: "MirrorBusy", owner: "runner-2" })
    expect(crossed(foreign)).toMatchObject({ _tag: "MirrorBusy", owner: "runner-2" })
    expect(crossed(new TypeError("boom")).message).toBe("boom")
  })
})
