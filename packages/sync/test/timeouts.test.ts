// The two deadlines of a blocking call, by their names: attemptTimeoutMs bounds one HTTP attempt
// (a late one is retried like a broken connection), callTimeoutMs bounds the whole call. From dist/.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createOfscSync, OfscSyncTimeout, OfscTransportError } from "../dist/index.js"
import { type ServerProcess, startServer, syncOptions } from "./support/server.js"
import { thrown } from "./support/thrown.js"

let server: ServerProcess
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.stop())

/** Runs `f` with a client and closes it whatever happens. */
const withClient = <A>(
  options: Parameters<typeof createOfscSync>[0],
  f: (ofs: ReturnType<typeof createOfscSync>) => A
) => {
  const ofs = createOfscSync(options)
  try {
    return f(ofs)
  } finally {
    ofs.close()
  }
}

const seenCount = (ofs: ReturnType<typeof createOfscSync>, key: string) =>
  (ofs.core.raw("GET", `/__seen/${key}`) as { count: number }).count

describe("attemptTimeoutMs: one HTTP attempt", () => {
  it("a late attempt is abandoned and retried, and the call succeeds within its own deadline", () =>
    withClient(
      { ...syncOptions(server.origin), attemptTimeoutMs: 300, maxRetries: 2, callTimeoutMs: 30_000 },
      (ofs) => {
        expect(ofs.core.raw("GET", "/slow-once/retried")).toEqual({ attempt: 2 })
        expect(seenCount(ofs, "retried")).toBe(2)
      }
    ))

  it("without retries, a late attempt fails the call with OfscTransportError(Timeout), not OfscSyncTimeout", () =>
    withClient(
      { ...syncOptions(server.origin), attemptTimeoutMs: 300, maxRetries: 0, callTimeoutMs: 30_000 },
      (ofs) => {
        const error = thrown(() => ofs.core.raw("GET", "/slow"))
        expect(error).toBeInstanceOf(OfscTransportError)
        expect(error).toMatchObject({ reason: "Timeout" })
        expect((error as Error).message).toContain(`to ${new URL(server.origin).host} failed: Timeout`)
      }
    ))

  it("the deprecated requestTimeoutMs still sets it", () =>
    withClient({ ...syncOptions(server.origin), requestTimeoutMs: 300, maxRetries: 0 }, (ofs) => {
      expect(thrown(() => ofs.core.raw("GET", "/slow"))).toMatchObject({
        _tag: "OfscTransportError",
        reason: "Timeout"
      })
    }))
})

describe("callTimeoutMs: the whole blocking call", () => {
  it("a call past it throws OfscSyncTimeout even while its attempt may go on, and the next call works", () =>
    withClient({ ...syncOptions(server.origin), attemptTimeoutMs: 20_000, callTimeoutMs: 400 }, (ofs) => {
      const error = thrown(() => ofs.core.raw("GET", "/slow"))
      expect(error).toBeInstanceOf(OfscSyncTimeout)
      expect((error as Error).message).toContain("callTimeoutMs")
      expect(ofs.core.raw("GET", "/fast")).toMatchObject({ path: "/fast" })
      // a longer deadline for one view of the client
      expect(ofs.withOptions({ callTimeoutMs: 10_000 }).core.raw("GET", "/slow")).toEqual({ slow: true })
    }))

  it("retries do not extend it: a call whose attempts keep timing out ends at callTimeoutMs", () =>
    withClient(
      { ...syncOptions(server.origin), attemptTimeoutMs: 1_500, maxRetries: 3, callTimeoutMs: 2_000 },
      (ofs) => {
        expect(thrown(() => ofs.core.raw("GET", "/slow"))).toBeInstanceOf(OfscSyncTimeout)
      }
    ))

  it("the deprecated timeoutMs still sets it, in the options and in withOptions", () =>
    withClient({ ...syncOptions(server.origin), timeoutMs: 400 }, (ofs) => {
      expect(thrown(() => ofs.core.raw("GET", "/slow"))).toBeInstanceOf(OfscSyncTimeout)
      expect(ofs.withOptions({ timeoutMs: 10_000 }).core.raw("GET", "/slow")).toEqual({ slow: true })
    }))
})
