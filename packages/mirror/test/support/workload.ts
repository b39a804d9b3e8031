/**
 * A random workload of writes through the API, as fast-check commands: activities created, updated,
 * moved (into and out of a window), started, completed, cancelled, suspended, reopened, deleted,
 * linked and unlinked; inventories installed and added; resources and users changed. Commands name
 * their targets by index, resolved against the simulator's store when they run, so a generated
 * workload stays meaningful whatever earlier commands did. A command that fails (a 409 from the
 * wrong status, a fault, a dropped answer) is counted, never a stop: the workload tolerates itself.
 */
import { OfscCore } from "@ofsc/core"
import type { SimulatorHandle } from "@ofsc/simulator"
import { Effect } from "effect"
import fc from "fast-check"

/** One write of the workload. */
export type Command =
  | { readonly kind: "createActivity"; readonly resource: number; readonly day: number; readonly name: string }
  | {
      readonly kind: "updateActivity"
      readonly activity: number
      readonly field: "customerName" | "city" | "customerPhone"
      readonly value: string
    }
  | {
      readonly kind: "moveActivity"
      readonly activity: number
      readonly day: number | undefined
      readonly resource: number | undefined
    }
  | {
      readonly kind: "lifecycle"
      readonly activity: number
      readonly action: "start" | "complete" | "cancel" | "reopen" | "suspend"
    }
  | { readonly kind: "deleteActivity"; readonly activity: number }
  | { readonly kind: "linkActivities"; readonly from: number; readonly to: number }
  | { readonly kind: "unlinkActivities"; readonly link: number }
  | { readonly kind: "installInventory"; readonly resource: number; readonly activity: number }
  | { readonly kind: "customerInventory"; readonly activity: number }
  | { readonly kind: "updateResource"; readonly resource: number; readonly phone: string }
  | { readonly kind: "updateUser"; readonly user: number; readonly name: string }
  | { readonly kind: "workSkill"; readonly resource: number; readonly ratio: number }

/** Where commands write: activities of five days from `first`, of which the mirror keeps `window`. */
export interface WorkloadScope {
  readonly first: string
  readonly window: { readonly from: string; readonly to: string }
}

const index = fc.nat({ max: 10_000 })
const names = fc.constantFrom("Ada", "Grace", "Linus", "Barbara", "Ken", "Edsger")

/** One random command. */
export const command: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant("createActivity" as const), resource: index, day: index, name: names }),
    weight: 3
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("updateActivity" as const),
      activity: index,
      field: fc.constantFrom("customerName" as const, "city" as const, "customerPhone" as const),
      value: fc.oneof(names, fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,11}$/))
    }),
    weight: 3
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("moveActivity" as const),
      activity: index,
      day: fc.option(index, { nil: undefined }),
      resource: fc.option(index, { nil: undefined })
    }),
    weight: 2
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("lifecycle" as const),
      activity: index,
      action: fc.constantFrom(
        "start" as const,
        "complete" as const,
        "cancel" as const,
        "reopen" as const,
        "suspend" as const
      )
    }),
    weight: 3
  },
  fc.record({ kind: fc.constant("deleteActivity" as const), activity: index }),
  fc.record({ kind: fc.constant("linkActivities" as const), from: index, to: index }),
  fc.record({ kind: fc.constant("unlinkActivities" as const), link: index }),
  fc.record({ kind: fc.constant("installInventory" as const), resource: index, activity: index }),
  fc.record({ kind: fc.constant("customerInventory" as const), activity: index }),
  fc.record({
    kind: fc.constant("updateResource" as const),
    resource: index,
    phone: fc.stringMatching(/^\+1555\d{4}$/)
  }),
  fc.record({ kind: fc.constant("updateUser" as const), user: index, name: names }),
  fc.record({ kind: fc.constant("workSkill" as const), resource: index, ratio: fc.integer({ min: 1, max: 100 }) })
)

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

const pick = <A>(items: ReadonlyArray<A>, at: number): A | undefined =>
  items.length === 0 ? undefined : items[at % items.length]

/** A workload over a simulator: runs commands, remembering the links it made. */
export const makeWorkload = (sim: SimulatorHandle, scope: WorkloadScope) => {
  const last = addDays(scope.first, 4)
  const links: Array<{ readonly from: number; readonly to: number }> = []

  /** The targets commands pick from, as the store holds them when a command runs. */
  const targets = () => {
    const activities = sim.store
      .collection("activities")
      .list()
      .filter((a) => typeof a.date === "string" && a.date >= scope.first && a.date <= last)
    const ids = activities.map((a) => Number(a.activityId))
    return {
      activities: ids,
      movable: ids,
      inWindow: activities
        .filter((a) => (a.date as string) >= scope.window.from && (a.date as string) <= scope.window.to)
        .map((a) => Number(a.activityId)),
      technicians: sim.store
        .collection("resources")
        .list()
        .map((r) => String(r.resourceId))
        .filter((id) => id.startsWith("TECH_")),
      users: sim.store
        .collection("users")
        .list()
        .map((u) => String(u.login))
    }
  }

  /** Runs one command; answers `ok` or the tag of the error it met (the workload goes on either way). */
  const run = (c: Command): Effect.Effect<string, never, OfscCore> =>
    Effect.gen(function* () {
      const core = yield* OfscCore
      const t = targets()
      const activity = (at: number) => pick(t.activities, at)
      const movable = (at: number) => pick(t.movable, at)
      const technician = (at: number) => pick(t.technicians, at) ?? "TECH_00001"
      const day = (at: number) => addDays(scope.first, at % 5)
      const skip = Effect.succeed(undefined)
      switch (c.kind) {
        case "createActivity":
          return yield* core.activities.create({
            resourceId: technician(c.resource),
            date: day(c.day),
            activityType: "repair",
            customerName: c.name
          })
        case "updateActivity": {
          const id = activity(c.activity)
          return id === undefined ? yield* skip : yield* core.activities.update(id, { [c.field]: c.value } as never)
        }
        case "moveActivity": {
          const id = movable(c.activity)
          if (id === undefined || (c.day === undefined && c.resource === undefined)) return yield* skip
          return yield* core.activities.move(id, {
            ...(c.day !== undefined && { setDate: { date: day(c.day) } }),
            ...(c.resource !== undefined && { setResource: { resourceId: technician(c.resource) } })
          } as never)
        }
        case "lifecycle": {
          const id = activity(c.activity)
          if (id === undefined) return yield* skip
          const action = (core.activities as unknown as Record<string, Action>)[c.action] as Action
          return yield* action(id, {})
        }
        case "deleteActivity": {
          const id = movable(c.activity)
          return id === undefined ? yield* skip : yield* core.activities.delete(id)
        }
        case "linkActivities": {
          const from = pick(t.inWindow, c.from)
          const to = movable(c.to)
          if (from === undefined || to === undefined || from === to) return yield* skip
          links.push({ from, to })
          return yield* core.activities.linkedActivities.create(String(from), {
            fromActivityId: from,
            toActivityId: to,
            linkType: "start-before"
          } as never)
        }
        case "unlinkActivities": {
          // links this workload made, through either of their activities
          const link = pick(links, c.link)
          if (link === undefined) return yield* skip
          links.splice(links.indexOf(link), 1)
          const [through, other] = c.link % 2 === 0 ? [link.from, link.to] : [link.to, link.from]
          return yield* core.activities.linkedActivities.delete(String(through), String(other), "start-before")
        }
        case "installInventory": {
          const id = activity(c.activity)
          if (id === undefined) return yield* skip
          const created = yield* core.resources.inventories.create(technician(c.resource), {
            inventoryType: "router",
            serialNumber: `SN-${c.resource}-${c.activity}`
          } as never)
          return yield* core.inventories.install(created.inventoryId as number, { activityId: id } as never)
        }
        case "customerInventory": {
          const id = activity(c.activity)
          return id === undefined
            ? yield* skip
            : yield* core.activities.customerInventories.create(id, {
                inventoryType: "modem",
                serialNumber: `SN-C-${c.activity}`
              } as never)
        }
        case "updateResource":
          return yield* core.resources.update(technician(c.resource), { phone: c.phone } as never)
        case "workSkill":
          return yield* core.resources.workSkills.create(technician(c.resource), [
            { workSkill: "electrical", ratio: c.ratio, startDate: scope.first }
          ] as never)
        case "updateUser": {
          const login = pick(t.users, c.user)
          return login === undefined ? yield* skip : yield* core.users.update(login, { name: c.name } as never)
        }
      }
    }).pipe(
      Effect.as("ok"),
      Effect.catchAll((error) => Effect.succeed(String((error as { _tag?: unknown })?._tag ?? "failed"))),
      Effect.catchAllDefect(() => Effect.succeed("defect"))
    )

  /**
   * Runs commands one after another, `paceMs` apart (so that they spread over a mirror's restarts);
   * answers how many ended each way (`ok`, or an error's tag).
   */
  const runAll = (
    commands: ReadonlyArray<Command>,
    paceMs = 0
  ): Effect.Effect<Record<string, number>, never, OfscCore> =>
    Effect.reduce(commands, {} as Record<string, number>, (outcomes, c) =>
      Effect.map(Effect.zipLeft(run(c), Effect.sleep(paceMs)), (outcome) => ({
        ...outcomes,
        [outcome]: (outcomes[outcome] ?? 0) + 1
      }))
    )

  return { run, runAll }
}

type Action = (id: number, body: unknown) => Effect.Effect<unknown, unknown>
