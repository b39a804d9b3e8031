/**
 * @ofsc/config-as-code from a synchronous script: the plain functions over @ofsc/sync answers, the way the
 * README shows, against two simulators in their own processes (a blocking client must never share
 * a thread with its server).
 */
import { type ChildProcess, fork } from "node:child_process"
import { fileURLToPath } from "node:url"
import { createOfscSync, type OfscSync } from "@ofsc/sync"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exportItem, findResource, planChanges, renderPlan, type Snapshot, writeBody } from "../src/index.js"

const children: Array<ChildProcess> = []
let prod: OfscSync
let test: OfscSync

const simulatorProcess = async (seed: number) => {
  const child = fork(fileURLToPath(new URL("./support/simulatorProcess.mjs", import.meta.url)), [String(seed)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"]
  })
  children.push(child)
  const { url, instance } = await new Promise<{ url: string; instance: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { url: string; instance: string }))
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)))
  })
  // the options, not the client: awaiting a client would read its `then` as an OFS method
  return { baseUrl: url, instance, clientId: "ofsc-sim", clientSecret: "sim-secret", maxRetries: 0 }
}

beforeAll(async () => {
  const [prodOptions, testOptions] = await Promise.all([simulatorProcess(1), simulatorProcess(1)])
  prod = createOfscSync(prodOptions)
  test = createOfscSync(testOptions)
  test.metadata.shifts.put("day", {
    active: true,
    name: "Day (test)",
    type: "regular",
    workTimeStart: "07:00",
    workTimeEnd: "15:00"
  })
  test.metadata.shifts.put("extra", {
    active: true,
    name: "Extra",
    type: "regular",
    workTimeStart: "09:00",
    workTimeEnd: "10:00"
  })
})

afterAll(() => {
  prod?.close()
  test?.close()
  for (const child of children) child.kill()
})

const shifts = findResource("shifts")

const read = (ofs: OfscSync): Snapshot => ({
  shifts: Object.fromEntries(
    [...ofs.metadata.shifts.stream()].map((s) => [String(s.label), exportItem(shifts as NonNullable<typeof shifts>, s)])
  )
})

describe("from a synchronous script", () => {
  it("plans with @ofsc/sync answers and applies with its blocking calls; the second plan is empty", () => {
    const resource = shifts as NonNullable<typeof shifts>
    const plan = planChanges(read(prod), read(test), { prune: true })
    expect(renderPlan(plan)).toContain("~ update shifts/day\n")
    expect(plan.entries.map((e) => `${e.action} ${e.key}`)).toEqual(["update day", "delete extra"])
    for (const entry of plan.entries)
      if (entry.action === "delete") test.metadata.shifts.delete(entry.key)
      else test.metadata.shifts.put(entry.key, writeBody(resource, entry.item) as never)
    expect(planChanges(read(prod), read(test), { prune: true }).entries).toEqual([])
  })
})
