import { CoreOperations } from "@ofsc/core"
import { afterEach, describe, expect, it } from "vitest"
import {
  defaultApplication,
  operationKey,
  type RequestRecord,
  type SimulatorHandle,
  type SimulatorOptions,
  startSimulator
} from "../src/index.js"

const activities = "GET /rest/ofscCore/v1/activities"
const positions = "GET /rest/ofscCore/v1/resources/custom-actions/lastKnownPositions"
const listActivities = "/rest/ofscCore/v1/activities?dateFrom=2026-11-01&dateTo=2026-11-01&limit=2"
const listPositions = "/rest/ofscCore/v1/resources/custom-actions/lastKnownPositions"

let sim: SimulatorHandle | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

const start = async (options: SimulatorOptions) => {
  sim = await startSimulator(options)
  return sim
}

interface Answer {
  readonly status: number
  readonly retryAfter: string | null
  readonly json: unknown
  /** When the answer arrived, in ms after the call was made. */
  readonly ms: number
}

/** A plain HTTP call with the default Basic credentials. */
const call = async (s: SimulatorHandle, method: string, path: string, body?: unknown, signal?: AbortSignal) => {
  const user = `${defaultApplication.clientId}@${s.instance}:${defaultApplication.clientSecret}`
  const started = performance.now()
  const response = await fetch(s.url + path, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(user).toString("base64")}`,
      ...(body === undefined ? {} : { "content-type": "application/json" })
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal && { signal })
  })
  const text = await response.text()
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    json: text === "" ? undefined : JSON.parse(text),
    ms: performance.now() - started
  } satisfies Answer
}

const parallel = (n: number, f: (i: number) => Promise<Answer>) =>
  Promise.all(Array.from({ length: n }, (_, i) => f(i)))

/** How many answers had each status. */
const statuses = (answers: ReadonlyArray<Answer>) => {
  const counts: Record<number, number> = {}
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1
  return counts
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(check()).toBe(true)
}

describe("OFS concurrency limits", () => {
  it("GET activities: 3 run at once, 10 wait, the rest are refused with 429 and Retry-After", async () => {
    // long enough that all 20 have arrived before the first 3 finish, even on a loaded machine
    const latencyMs = 1500
    const s = await start({ faults: { latencyMs } })
    const answers = await parallel(20, () => call(s, "GET", listActivities))
    expect(statuses(answers)).toEqual({ 200: 13, 429: 7 })
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.retryAfter).toBe("1")
      expect(refused.json).toMatchObject({
        title: "Too Many Requests",
        status: "429",
        detail: expect.stringContaining(activities)
      })
    }
    // refused at once, without the latency of a request that runs: every refusal came back before
    // the first answer that ran (which took at least the latency)
    const served = answers.filter((a) => a.status === 200).map((a) => a.ms)
    const refusedMs = answers.filter((a) => a.status === 429).map((a) => a.ms)
    expect(Math.max(...refusedMs)).toBeLessThan(Math.min(...served))
    expect(Math.min(...served)).toBeGreaterThanOrEqual(latencyMs - 20)
    // 13 answers, 3 at a time: the last one waited through four rounds before its own
    expect(Math.max(...served)).toBeGreaterThanOrEqual(5 * latencyMs - 20)
    expect(s.stats.byOperation[activities]).toEqual({
      received: 20,
      running: 0,
      maxRunning: 3,
      queued: 0,
      queuedMax: 10,
      rejected: 7,
      appliedThenDropped: 0
    })
    expect(s.stats.requests).toBe(20)
  })

  it("refuses a request that waited longer than the queue wait", async () => {
    const s = await start({ faults: { latencyMs: 400 }, concurrencyLimits: { [activities]: { queueWaitMs: 100 } } })
    const answers = await parallel(5, () => call(s, "GET", listActivities))
    expect(statuses(answers)).toEqual({ 200: 3, 429: 2 })
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.retryAfter).toBe("1")
      expect(refused.json).toMatchObject({ detail: expect.stringContaining("waited too long") })
      expect(refused.ms).toBeGreaterThanOrEqual(90)
      expect(refused.ms).toBeLessThan(400)
    }
    expect(s.stats.byOperation[activities]).toMatchObject({ queuedMax: 2, rejected: 2, queued: 0 })
  })

  it("a client that leaves the queue frees its place", async () => {
    const s = await start({ faults: { latencyMs: 500 }, concurrencyLimits: { [activities]: { running: 1, queue: 2 } } })
    const line = () => s.stats.byOperation[activities]
    const leaving = new AbortController()
    const running = call(s, "GET", listActivities)
    await until(() => line()?.running === 1)
    const waiting = call(s, "GET", listActivities)
    const left = call(s, "GET", listActivities, undefined, leaving.signal).catch(() => "left" as const)
    await until(() => line()?.queued === 2)
    leaving.abort()
    expect(await left).toBe("left")
    await until(() => line()?.queued === 1)
    const last = call(s, "GET", listActivities)
    expect(statuses([await running, await waiting, await last])).toEqual({ 200: 3 })
    expect(line()).toMatchObject({ received: 4, rejected: 0, queuedMax: 2, maxRunning: 1 })
  })

  it("lastKnownPositions: 3 at once without resources and no queue; with resources, no limit", async () => {
    const s = await start({ faults: { latencyMs: 300 } })
    expect(statuses(await parallel(4, () => call(s, "GET", listPositions)))).toEqual({ 200: 3, 429: 1 })
    expect(s.stats.byOperation[positions]).toMatchObject({ received: 4, maxRunning: 3, queuedMax: 0, rejected: 1 })

    const named = `${listPositions}?resources=TECH_00001,TECH_00002`
    expect(statuses(await parallel(6, () => call(s, "GET", named)))).toEqual({ 200: 6 })
    // requests naming resources take none of the 3 slots
    const mixed = await parallel(6, (i) => call(s, "GET", i < 3 ? named : listPositions))
    expect(statuses(mixed)).toEqual({ 200: 6 })
    expect(s.stats.byOperation[positions]).toMatchObject({ received: 16, maxRunning: 6, rejected: 1 })
  })

  it("off: nothing is refused, and a running simulator can switch them or change a limit", async () => {
    const off = await start({ faults: { latencyMs: 150 }, concurrencyLimits: false })
    expect(statuses(await parallel(20, () => call(off, "GET", listActivities)))).toEqual({ 200: 20 })
    expect(off.stats.byOperation[activities]).toMatchObject({ maxRunning: 20, rejected: 0 })

    off.concurrencyLimits.enabled = true
    expect(statuses(await parallel(15, () => call(off, "GET", listActivities)))).toEqual({ 200: 13, 429: 2 })

    const limit = off.concurrencyLimits.limits[activities]
    if (limit === undefined) throw new Error("GET activities has a limit")
    limit.running = 1
    limit.queue = 0
    expect(statuses(await parallel(3, () => call(off, "GET", listActivities)))).toEqual({ 200: 1, 429: 2 })
  })

  it("findMatchingResources: 20 at once, the excess refused", async () => {
    const s = await start({ faults: { latencyMs: 200 } })
    const body = {
      date: "2026-11-01",
      activity: { activityType: "install", latitude: 40.5, longitude: -74.5, duration: 60 },
      criteria: { includeResources: "technicians" }
    }
    const answers = await parallel(22, () =>
      call(s, "POST", "/rest/ofscCore/v1/resources/custom-actions/findMatchingResources", body)
    )
    expect(statuses(answers)).toEqual({ 200: 20, 429: 2 })
  })
})

describe("request counters", () => {
  const createActivity = operationKey({ method: "POST", path: "/rest/ofscCore/v1/activities" })
  const activity = {
    resourceId: "TECH_00001",
    date: "2026-11-02",
    activityType: "install",
    customerName: "Counted",
    duration: 60
  }

  it("counts per operation and tells listeners of each request until they stop listening", async () => {
    const s = await start({})
    const seen: Array<RequestRecord> = []
    const stop = s.onRequest((record) => seen.push(record))
    expect((await call(s, "POST", "/rest/ofscCore/v1/activities", activity)).status).toBe(201)
    expect((await call(s, "POST", "/rest/ofscCore/v1/activities", activity)).status).toBe(201)
    expect((await call(s, "GET", listActivities)).status).toBe(200)
    expect((await call(s, "GET", "/rest/ofscCore/v1/nowhere")).status).toBe(404)
    await until(() => seen.length === 4)
    expect(seen.filter((r) => r.operation === createActivity)).toHaveLength(2)
    expect(seen.map(({ method, path, operation, status }) => ({ method, path, operation, status }))).toEqual([
      { method: "POST", path: "/rest/ofscCore/v1/activities", operation: createActivity, status: 201 },
      { method: "POST", path: "/rest/ofscCore/v1/activities", operation: createActivity, status: 201 },
      { method: "GET", path: "/rest/ofscCore/v1/activities", operation: activities, status: 200 },
      { method: "GET", path: "/rest/ofscCore/v1/nowhere", operation: undefined, status: 404 }
    ])
    stop()
    await call(s, "POST", "/rest/ofscCore/v1/activities", activity)
    expect(seen).toHaveLength(4)

    expect(s.stats.byOperation[createActivity]).toMatchObject({ received: 3, maxRunning: 1, rejected: 0 })
    const list = CoreOperations.operations.find(
      (op) => op.method === "GET" && op.path === "/rest/ofscCore/v1/activities"
    )
    expect(list && s.stats.byOperation[operationKey(list)]?.received).toBe(1)
    expect(s.stats.requests).toBe(5)
  })
})
