import * as fs from "node:fs"
import * as path from "node:path"
import { it } from "@effect/vitest"
import { MetadataOperations } from "@ofsc/metadata"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import {
  applyPlan,
  configResources,
  fileNameOf,
  planChanges,
  readFolder,
  readInstance,
  writeFolder
} from "../src/index.js"
import { callOperation } from "../src/internal/calls.js"
import { countWrites, filesOf, on, platform, tempDir, twoInstances } from "./support/instances.js"

/** Exports the instance behind `sim` to a fresh folder and answers the folder. */
const exportTo = (sim: Parameters<typeof on>[0], name: string) =>
  Effect.gen(function* () {
    const dir = tempDir(name)
    yield* writeFolder(dir, yield* on(sim, readInstance())).pipe(Effect.provide(platform))
    return dir
  })

const writtenNames = new Set(configResources.filter((r) => r.written).map((r) => r.name))

describe("config export, diff and apply between two simulators", () => {
  it.scopedLive("export A, apply to B (--prune), export B: the same files but for what cannot be written", () =>
    Effect.gen(function* () {
      const { a, b } = yield* twoInstances
      const dirA = yield* exportTo(a, "a")
      const source = yield* readFolder(dirA).pipe(Effect.provide(platform))
      const plan = planChanges(source, yield* on(b, readInstance()), { prune: true })
      // an item of every written resource is carried, each through its own kind of write
      expect(new Set(plan.entries.map((e) => e.resource))).toEqual(
        new Set([...writtenNames].filter((name) => name !== "applications"))
      )
      expect(plan.entries.find((e) => e.resource === "linkTemplates")).toMatchObject({
        action: "create",
        key: "follows"
      })
      const report = yield* on(b, applyPlan(plan))
      expect(report.failed).toBe(0)
      const dirB = yield* exportTo(b, "b")
      const [filesA, filesB] = [filesOf(dirA), filesOf(dirB)]
      const differing = [...new Set([...Object.keys(filesA), ...Object.keys(filesB)])]
        .filter((file) => filesA[file] !== filesB[file])
        .sort()
      // every written resource is identical, but for B's items that OFS offers no delete for
      const cannotDelete = plan.kept.map((k) => `${k.resource}/${fileNameOf(k.key)}`).sort()
      expect(differing.filter((file) => writtenNames.has(file.split("/")[0] ?? ""))).toEqual(cannotDelete)
      expect(cannotDelete).toEqual(["workZones/WZ_B.yaml"])
      expect(plan.kept.every((k) => k.reason === "cannot be deleted through the API")).toBe(true)
      // what differs elsewhere is exported for reference only (capacity areas come from B's own buckets)
      const others = [
        ...new Set(differing.filter((f) => !writtenNames.has(f.split("/")[0] ?? "")).map((f) => f.split("/")[0]))
      ]
      expect(others.every((name) => configResources.find((r) => r.name === name)?.written === false)).toBe(true)
    })
  )

  it.scopedLive("applying twice: the second plan is empty and the second apply sends no write", () =>
    Effect.gen(function* () {
      const { a, b } = yield* twoInstances
      const source = yield* on(a, readInstance())
      const first = planChanges(source, yield* on(b, readInstance()))
      expect(first.entries.map((e) => `${e.action} ${e.resource}/${e.key}`)).toEqual(
        expect.arrayContaining(["update shifts/day", "create shifts/evening", "update activityTypes/install"])
      )
      yield* on(b, applyPlan(first))
      const counter = countWrites(b)
      const second = planChanges(source, yield* on(b, readInstance()))
      const report = yield* on(b, applyPlan(second))
      counter.stop()
      expect(second.entries).toEqual([])
      expect(report.results).toEqual([])
      expect(counter.writes).toEqual([])
    })
  )

  it.scopedLive(
    "a dry run (planning) sends no write; a shift in use on B is refused with 409 and the rest applied",
    () =>
      Effect.gen(function* () {
        const { a, b } = yield* twoInstances
        // a source without `late`: on B, `late` is in the seeded technicians' work schedules
        const ofA = yield* on(a, readInstance())
        const { late, ...shiftsOfA } = ofA.shifts ?? {}
        expect(late).toBeDefined()
        const source = { ...ofA, shifts: shiftsOfA }
        const counter = countWrites(b)
        const plan = planChanges(source, yield* on(b, readInstance()), { prune: true })
        expect(counter.writes).toEqual([])
        const deletes = plan.entries.filter((e) => e.action === "delete").map((e) => `${e.resource}/${e.key}`)
        expect(deletes).toEqual(expect.arrayContaining(["shifts/late", "shifts/b_only", "workSkills/b_skill"]))
        // deletes run after every create and update
        const firstDelete = plan.entries.findIndex((e) => e.action === "delete")
        expect(plan.entries.slice(firstDelete).every((e) => e.action === "delete")).toBe(true)
        const report = yield* on(b, applyPlan(plan))
        counter.stop()
        const failed = report.results.filter((r) => r.outcome === "failed")
        expect(failed.map((r) => [r.entry.resource, r.entry.key, r.outcome === "failed" && r.failure.status])).toEqual([
          ["shifts", "late", 409]
        ])
        expect(failed[0]?.outcome === "failed" && failed[0].failure.detail).toBe("Object is already in use")
        expect(report.applied).toBe(plan.entries.length - 1)
        expect(counter.writes.length).toBe(plan.entries.length)
        const after = yield* on(b, readInstance({ only: ["shifts", "workSkills"] }))
        expect(Object.keys(after.shifts ?? {})).toContain("late")
        expect(Object.keys(after.shifts ?? {})).not.toContain("b_only")
        expect(Object.keys(after.workSkills ?? {})).not.toContain("b_skill")
      })
  )

  it.scopedLive("an edited export folder (one shift changed, one added, one removed) plans exactly those three", () =>
    Effect.gen(function* () {
      const { a } = yield* twoInstances
      const dir = yield* exportTo(a, "edit")
      const shifts = path.join(dir, "shifts")
      const day = fs.readFileSync(path.join(shifts, "day.yaml"), "utf8")
      fs.writeFileSync(path.join(shifts, "day.yaml"), day.replace("name: Day", "name: Day shift"))
      fs.writeFileSync(
        path.join(shifts, "night.yaml"),
        "label: night\nname: Night\nactive: true\ntype: regular\nworkTimeStart: '22:00:00'\nworkTimeEnd: '06:00:00'\n"
      )
      fs.rmSync(path.join(shifts, "late.yaml"))
      const source = yield* readFolder(dir).pipe(Effect.provide(platform))
      const plan = planChanges(source, yield* on(a, readInstance()), { prune: true })
      expect(plan.entries).toEqual([
        {
          action: "update",
          resource: "shifts",
          key: "day",
          item: expect.anything(),
          changes: [{ field: "name", before: "Day", after: "Day shift" }]
        },
        { action: "create", resource: "shifts", key: "night", item: expect.objectContaining({ name: "Night" }) },
        { action: "delete", resource: "shifts", key: "late" }
      ])
    })
  )

  it.scopedLive(
    "exporting the same instance twice gives identical files; an export into the same folder drops gone items",
    () =>
      Effect.gen(function* () {
        const { a } = yield* twoInstances
        const first = yield* exportTo(a, "twice1")
        const second = yield* exportTo(a, "twice2")
        expect(filesOf(second)).toEqual(filesOf(first))
        expect(Object.keys(filesOf(first))).toEqual(expect.arrayContaining(["config.yaml", "shifts/day.yaml"]))
        // the shifts list answers each item with its `links`; no exported file keeps one, at any depth
        const listed = yield* on(a, callOperation(MetadataOperations.shiftsList, []))
        expect(JSON.stringify(listed)).toContain('"links"')
        const withLinks = Object.entries(filesOf(first)).filter(([, text]) => /^[\s-]*links:/m.test(text))
        expect(withLinks.map(([file]) => file)).toEqual([])
        fs.writeFileSync(path.join(first, "shifts", "stale.yaml"), "label: stale\n")
        yield* writeFolder(first, yield* on(a, readInstance())).pipe(Effect.provide(platform))
        expect(filesOf(first)).toEqual(filesOf(second))
      })
  )

  it.scopedLive("a change OFS refuses (a shift's type never changes) is reported with OFS's detail", () =>
    Effect.gen(function* () {
      const { a, b } = yield* twoInstances
      // B has no `evening` (see divergeB): B's `evening` becomes an on-call shift, A's is regular
      yield* on(
        b,
        callOperation(MetadataOperations.shiftsPut, ["evening"], {
          active: false,
          name: "Evening",
          type: "on-call",
          decoration: "red",
          workTimeStart: "16:00",
          workTimeEnd: "22:00"
        })
      )
      const plan = planChanges(
        yield* on(a, readInstance({ only: ["shifts"] })),
        yield* on(b, readInstance({ only: ["shifts"] }))
      )
      const report = yield* on(b, applyPlan(plan))
      const evening = report.results.find((r) => r.entry.key === "evening")
      expect(evening?.outcome === "failed" && [evening.failure.status, evening.failure.detail]).toEqual([
        400,
        "Field 'type' cannot be changed for an existing shift."
      ])
      expect(report.failed).toBe(1)
    })
  )

  it.scopedLive("input the write schema refuses is reported for that item and never sent", () =>
    Effect.gen(function* () {
      const { a, b } = yield* twoInstances
      const dir = yield* exportTo(a, "bad")
      fs.writeFileSync(
        path.join(dir, "shifts", "broken.yaml"),
        "label: broken\nname: Broken\nactive: 'yes'\ntype: regular\nworkTimeStart: '08:00'\nworkTimeEnd: '09:00'\n"
      )
      const source = yield* readFolder(dir).pipe(Effect.provide(platform))
      const plan = planChanges({ shifts: source.shifts ?? {} }, yield* on(b, readInstance({ only: ["shifts"] })))
      const counter = countWrites(b)
      const report = yield* on(b, applyPlan(plan))
      counter.stop()
      const broken = report.results.find((r) => r.entry.key === "broken")
      expect(broken?.outcome === "failed" && broken.failure.error).toBe("OfscInvalidInput")
      expect(counter.writes.map((w) => w.path)).not.toContain("/rest/ofscMetadata/v1/shifts/broken")
      expect(report.applied).toBe(plan.entries.length - 1)
    })
  )
})
