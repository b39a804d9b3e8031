/**
 * The simulator of `bench:mirror`, in this child process: the `large` seed, with commands over IPC
 * from the bench process. `latency` sets the added latency of every request; `cpu` answers the CPU
 * seconds this process has used (to tell the simulator's share of a run); `activityIds` answers
 * ids of activities dated in a window; `update` patches many activities' customer names through
 * the simulator's own PATCH handler, in process (the same handler, checks and published events as
 * over HTTP, at about 8,000 a second instead of a few hundred), to make an event backlog quickly.
 */
import { type SimRequest, startSimulator } from "@ofsc/simulator"

/** A command the bench process sends; every one is answered with the same `id`. */
export type SimulatorCommand =
  | { readonly id: number; readonly type: "latency"; readonly ms: number }
  /** This process's CPU time so far (user + system), in seconds. */
  | { readonly id: number; readonly type: "cpu" }
  | { readonly id: number; readonly type: "activityIds"; readonly from: string; readonly to: string }
  | {
      readonly id: number
      readonly type: "update"
      readonly activityIds: ReadonlyArray<number>
      readonly namePrefix: string
    }

const sim = await startSimulator(JSON.parse(process.argv[2] ?? "{}"))

const patchActivity = async (activityId: number, body: Record<string, unknown>) => {
  const path = `/rest/ofscCore/v1/activities/${activityId}`
  const route = sim.router.match("PATCH", path)
  if (typeof route === "string") throw new Error(`PATCH ${path}: ${route}`)
  const request: SimRequest = {
    method: "PATCH",
    path,
    params: route.params,
    query: new URLSearchParams(),
    headers: { "content-type": "application/json" },
    body,
    rawBody: Buffer.from(JSON.stringify(body)),
    clientId: "ofsc-sim"
  }
  const answer = await route.handler(request)
  if (answer.status !== 200) throw new Error(`PATCH ${path} answered ${answer.status}`)
}

const answer = async (command: SimulatorCommand): Promise<unknown> => {
  switch (command.type) {
    case "latency":
      sim.faults.latencyMs = command.ms
      return {}
    case "cpu": {
      const { user, system } = process.cpuUsage()
      return (user + system) / 1e6
    }
    case "activityIds":
      return sim.store
        .collection("activities")
        .list()
        .filter((a) => typeof a.date === "string" && a.date >= command.from && a.date <= command.to)
        .map((a) => Number(a.activityId))
    case "update": {
      const before = sim.store.lastEventSeq
      const started = performance.now()
      for (const [i, activityId] of command.activityIds.entries())
        await patchActivity(activityId, { customerName: `${command.namePrefix} ${i}` })
      return { seconds: (performance.now() - started) / 1000, events: sim.store.lastEventSeq - before }
    }
  }
}

process.on("message", (command: SimulatorCommand) => {
  answer(command).then(
    (value) => process.send?.({ id: command.id, value }),
    (error: unknown) => process.send?.({ id: command.id, error: String(error) })
  )
})
process.send?.({ url: sim.url, instance: sim.instance })
process.on("disconnect", () => {
  void sim.stop().then(() => process.exit(0))
})
