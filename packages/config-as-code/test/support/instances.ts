/**
 * Two simulators with different configurations, on 127.0.0.1: A as seeded (seed 1), and B from
 * another seed with its configuration changed through the API (a shift changed, one added, one
 * gone, a work skill added, a work zone added, an activity type changed), so that A and B really differ.
 * Both are seeded as a tenant is: technicians' work schedules use the shifts `day`, `early`, `late`,
 * `blue` and `blue_oncall`, so OFS refuses (409) to delete those; the regular shift `evening` is in none.
 */

import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { NodeFileSystem, NodePath } from "@effect/platform-node"
import { type AnyOperation, OfscClient, OfscHttpClient, OfscTransport } from "@ofsc/core"
import { MetadataOperations } from "@ofsc/metadata"
import { type RequestRecord, Simulator, type SimulatorHandle, simulatorClientOptions } from "@ofsc/simulator"
import { Effect, Layer } from "effect"

/** The client layer for a simulator (no retries to wait for: the tests count requests). */
export const clientOf = (sim: SimulatorHandle) =>
  OfscClient.layer(simulatorClientOptions(sim)).pipe(Layer.provide(OfscHttpClient.layerUndici))

/** The platform the folder functions need. */
export const platform = Layer.merge(NodeFileSystem.layer, NodePath.layer)

/** Runs `effect` against `sim`. */
export const on = <A, E>(sim: SimulatorHandle, effect: Effect.Effect<A, E, OfscTransport>) =>
  Effect.provide(effect, clientOf(sim))

const call = (op: AnyOperation, input: unknown) => Effect.flatMap(OfscTransport, (t) => t.call(op, input as never))

/** Changes B's configuration so it differs from A's. */
export const divergeB = (sim: SimulatorHandle) =>
  on(
    sim,
    Effect.gen(function* () {
      yield* call(MetadataOperations.shiftsPut, {
        path: { label: "day" },
        body: {
          active: true,
          name: "Day (B)",
          type: "regular",
          points: 12,
          workTimeStart: "07:00",
          workTimeEnd: "16:00"
        }
      })
      yield* call(MetadataOperations.shiftsPut, {
        path: { label: "b_only" },
        body: { active: true, name: "Only on B", type: "regular", workTimeStart: "10:00", workTimeEnd: "12:00" }
      })
      // `late` is in seeded work schedules (a delete answers 409); `evening` is in none
      yield* call(MetadataOperations.shiftsDelete, { path: { label: "evening" } })
      yield* call(MetadataOperations.workSkillsPut, {
        path: { label: "b_skill" },
        body: { active: true, name: "B skill", sharing: "minimal" }
      })
      yield* call(MetadataOperations.workZonesPut, {
        path: { label: "WZ_B" },
        body: {
          workZoneLabel: "WZ_B",
          workZoneName: "Only on B",
          status: "active",
          travelArea: "routing_area",
          keys: ["99999"]
        }
      })
      yield* call(MetadataOperations.activityTypesPut, {
        path: { label: "install" },
        body: { active: false, groupLabel: "customer", defaultDuration: 90 }
      })
    })
  )

const en = (name: string) => [{ language: "en", name }]

/** Adds to A an item of every written resource that the seed does not have, each through its own write. */
export const enrichA = (sim: SimulatorHandle) =>
  on(
    sim,
    Effect.gen(function* () {
      const M = MetadataOperations
      yield* call(M.linkTemplatesCreate, {
        path: { label: "follows" },
        body: {
          label: "follows",
          linkType: "finish-to-start",
          active: true,
          reverseLabel: "precedes",
          translations: [{ language: "en", name: "Follows", reverseName: "Precedes" }]
        }
      })
      yield* call(M.propertiesPut, {
        path: { label: "XA_SEVERITY" },
        body: {
          label: "XA_SEVERITY",
          name: "Severity",
          type: "enumeration",
          entity: "activity",
          gui: "combobox",
          translations: en("Severity")
        }
      })
      yield* call(M.propertiesEnumerationListPut, {
        path: { label: "XA_SEVERITY" },
        body: {
          items: [
            { label: "low", active: true, translations: en("Low") },
            { label: "high", active: true, translations: en("High") }
          ]
        }
      })
      yield* call(M.workSkillConditionsPut, {
        body: {
          items: [
            {
              internalId: 1,
              label: "fiber",
              requiredLevel: 1,
              preferableLevel: 2,
              conditions: [{ label: "XA_SEVERITY", function: "in", value: "high" }]
            }
          ]
        }
      })
      yield* call(M.workSkillGroupsPut, {
        path: { label: "networks" },
        body: {
          name: "Networks",
          assignToResource: true,
          addToCapacityCategory: false,
          active: true,
          workSkills: [{ label: "fiber", ratio: 100 }],
          translations: en("Networks")
        }
      })
      yield* call(M.capacityCategoriesPut, {
        path: { label: "fiber_installs" },
        body: {
          name: "Fiber installs",
          active: true,
          workSkills: [{ label: "fiber", ratio: 100 }],
          timeSlots: [{ label: "08-10" }],
          translations: en("Fiber installs")
        }
      })
      yield* call(M.mapLayersPut, {
        path: { label: "poles" },
        body: { label: "poles", status: "active", text: "Poles", translations: en("Poles") }
      })
      yield* call(M.formsPut, {
        path: { label: "survey" },
        body: { content: '{"fields":[]}', translations: en("Survey") }
      })
      yield* call(M.inventoryTypesPut, {
        path: { label: "ont" },
        body: { active: true, nonSerialized: false, translations: [{ language: "en", name: "ONT" }] }
      })
      yield* call(M.activityTypeGroupsPut, {
        path: { label: "internal" },
        body: { label: "internal", translations: en("Internal") }
      })
      const plan = { planLabel: "nightly", description: "Nightly routing", steps: [{ order: 1, kind: "assign" }] }
      yield* call(M.routingProfilesPlansImport, {
        path: { profileLabel: "default" },
        body: { data: new TextEncoder().encode(JSON.stringify(plan, null, 2)), contentType: "application/octet-stream" }
      })
      yield* call(M.applicationsApiAccessUpdate, {
        path: { label: "ofsc-sim", apiLabel: "statisticsAPI" },
        body: { status: "inactive" }
      })
    })
  )

/** Records the writes (anything but GET) a simulator receives from now on; call the result to stop. */
export const countWrites = (sim: SimulatorHandle) => {
  const writes: Array<RequestRecord> = []
  const stop = sim.onRequest((r) => {
    if (r.method !== "GET") writes.push(r)
  })
  return { writes, stop }
}

/** Two simulators for the scope: A (seed 1, added to by `enrichA`) and B (seed 2, changed by `divergeB`). */
export const twoInstances = Effect.gen(function* () {
  const a = yield* Simulator.scoped({ seed: 1 })
  const b = yield* Simulator.scoped({ seed: 2 })
  yield* enrichA(a)
  yield* divergeB(b)
  return { a, b }
})

/** A fresh temporary directory. */
export const tempDir = (name: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `ofsc-config-${name}-`))

/** Every file under `dir` with its text, by path relative to `dir`. */
export const filesOf = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {}
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name)
      if (entry.isDirectory()) walk(rel)
      else out[rel] = fs.readFileSync(path.join(dir, rel), "utf8")
    }
  }
  walk("")
  return out
}
