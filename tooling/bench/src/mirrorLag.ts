/**
 * Lag of a following mirror under a steady stream of writes: a writer in this process updates one
 * activity every `1 / rate` seconds through the API (a customer name `lag <marker> <n>`, each write a
 * different activity), while a mirror follows in its own process and reports each poll it commits
 * with the markers it carried. A sample is (time the mirror committed write n) − (time write n's
 * call returned).
 */
import { setTimeout as sleep } from "node:timers/promises"
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { simulatorClientOptions } from "@ofsc/simulator"
import { Layer, ManagedRuntime } from "effect"
import { type MirrorJob, type MirrorReport, type MirrorSimulator, startMirror } from "./mirrorProcesses.js"

/** How hard and how long to write. */
export interface LagSettings {
  readonly writesPerSecond: number
  readonly seconds: number
  /** The mirror's poll interval once caught up. */
  readonly pollSeconds: number
  /** Names this run's writes (`lag <marker> <n>`), so a mirror never counts another run's. */
  readonly marker: string
  /** The activities written, one each (at least writesPerSecond × seconds). */
  readonly activityIds: ReadonlyArray<number>
}

/** The samples (ms), and what the writer and the mirror did. */
export interface LagResult {
  readonly samples: ReadonlyArray<number>
  readonly writes: number
  /** Writes per second the writer achieved. */
  readonly achievedRate: number
  /** Writes the mirror had not committed when it was stopped. */
  readonly missing: number
  readonly mirror: MirrorReport
}

/** Follows with `job` while writing, then answers the lag of every write. */
export const measureLag = async (sim: MirrorSimulator, job: MirrorJob, settings: LagSettings): Promise<LagResult> => {
  const writes = Math.round(settings.writesPerSecond * settings.seconds)
  const returnedAt = new Map<number, number>()
  const committedAt = new Map<number, number>()
  let following: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    following = resolve
  })
  const mirror = startMirror(
    sim,
    { ...job, follow: true, pollInterval: `${settings.pollSeconds} seconds`, marker: settings.marker },
    (applied) => {
      following()
      for (const seq of applied.seqs) if (!committedAt.has(seq)) committedAt.set(seq, applied.at)
    }
  )
  await Promise.race([ready, mirror.done])

  const runtime = ManagedRuntime.make(
    OfscCore.layer.pipe(
      Layer.provide(OfscClient.layer(simulatorClientOptions(sim))),
      Layer.provide(OfscHttpClient.layerUndici)
    )
  )
  try {
    const core = await runtime.runPromise(OfscCore)
    const started = Date.now()
    const calls: Array<Promise<unknown>> = []
    for (let n = 0; n < writes; n++) {
      const due = started + (n * 1000) / settings.writesPerSecond
      if (due > Date.now()) await sleep(due - Date.now())
      const activityId = settings.activityIds[n] as number
      calls.push(
        runtime
          .runPromise(core.activities.update(activityId, { customerName: `lag ${settings.marker} ${n}` }))
          .then(() => returnedAt.set(n, Date.now()))
      )
    }
    await Promise.all(calls)
    const achievedRate = writes / ((Date.now() - started) / 1000)
    // the last writes need a poll or two more
    const deadline = Date.now() + 3 * 1000 * settings.pollSeconds
    while (committedAt.size < writes && Date.now() < deadline) await sleep(50)
    mirror.stop()
    const report = await mirror.done
    const samples: Array<number> = []
    for (const [n, at] of returnedAt) {
      const committed = committedAt.get(n)
      if (committed !== undefined) samples.push(committed - at)
    }
    return { samples, writes, achievedRate, missing: writes - samples.length, mirror: report }
  } finally {
    await runtime.dispose()
  }
}
