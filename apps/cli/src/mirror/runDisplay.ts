/**
 * What `ofsc mirror run` shows on stderr as the mirror works: a progress bar for the load (the
 * export's, counting rows), then one status line redrawn in place (lag, events applied, changes,
 * unknown events) on a terminal; when piped, plain log lines instead (one per poll that applied
 * events, one a minute otherwise). At the end, one line that sums the session up.
 */
import type { MirrorProgress, MirrorStatus } from "@ofsc/mirror"
import { Effect } from "effect"
import { makeProgress, makeProgressLine, type Progress, type ProgressMode } from "../export/Progress.js"
import { daysBetween } from "../export/windows.js"
import { describeLag } from "./lag.js"

/** The display of one `ofsc mirror run`. */
export interface RunDisplay {
  /** The mirror's progress callback. */
  readonly onProgress: (progress: MirrorProgress) => void
  /** Redraws the status line: the lag grows with the clock between polls. */
  readonly tick: Effect.Effect<void>
  /** Ends the display with a line summing the session up (`status`: the database at the end, if it could be read). */
  readonly finish: (how: "caught up" | "stopped", status: MirrorStatus | undefined) => Effect.Effect<void>
  /** Clears the line, so that an error is printed on a clean one. */
  readonly clear: Effect.Effect<void>
}

type Loading = Extract<MirrorProgress, { readonly _tag: "Loading" }>["progress"]

const count = (n: number) => n.toLocaleString("en-US")

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`

/** The display for `mode`; `start` is the database's status before the run. */
export const makeRunDisplay = (mode: ProgressMode, database: string, start: MirrorStatus): RunDisplay => {
  const line = makeProgressLine(mode, 60_000)
  let stage: "starting" | "waiting" | "loading" | "following" = "starting"
  let load: { bar: Progress; from: string; to: string; started: number; fraction: number | undefined } | undefined
  let lastLoad: Loading | undefined
  let eventsApplied = start.eventsApplied
  let lastEventAt = start.lastEventAt
  const session = { events: 0, changes: 0, unknown: 0 }

  const counts = () =>
    `${plural(session.events, "event")} applied, ${plural(session.changes, "change")}, ${plural(session.unknown, "unknown event")}`
  const statusText = () => {
    const lag = describeLag(lastEventAt, Date.now())
    return mode === "bar"
      ? `mirror following  ${lag}  ${counts().split(", ").join("  ")}  (Ctrl-C stops)`
      : `${new Date().toISOString()} following: ${lag}, ${counts()}`
  }
  const log = (message: string) => line.print(mode === "bar" ? message : `${new Date().toISOString()} ${message}`)

  const loadingShown = (progress: Loading) =>
    Effect.suspend(() => {
      if (load === undefined) return Effect.void
      lastLoad = progress
      // the share of the window's dates read; once the activities are all read (the window may end
      // with days that have none), full while their details load
      if (progress.step === "activities" && progress.date !== undefined) {
        const done = (daysBetween(load.from, progress.date) ?? 0) / (daysBetween(load.from, load.to) ?? 1)
        load.fraction = Math.max(load.fraction ?? 0, Math.min(1, Math.max(0, done)))
      } else if (progress.step === "activity details" || progress.step === "done") load.fraction = 1
      const label =
        progress.step === "activities" && progress.date !== undefined ? `activities ${progress.date}` : progress.step
      return load.bar.update({ items: progress.rows, fraction: load.fraction, label })
    })

  const loadDone = Effect.suspend(() => {
    if (load === undefined) return Effect.void
    const seconds = ((Date.now() - load.started) / 1000).toFixed(1)
    const rows = lastLoad?.rows ?? 0
    const activities = lastLoad?.activities ?? 0
    const bar = load.bar
    load = undefined
    return bar.finish(`loaded ${plural(rows, "row")} (${plural(activities, "activity", "activities")}) in ${seconds}s`)
  })

  const shown = (progress: MirrorProgress): Effect.Effect<void> => {
    switch (progress._tag) {
      case "Waiting":
        stage = "waiting"
        return log(
          `waiting: ${progress.owner} keeps ${database} current (lease until ${progress.until}); this mirror goes on when it stops`
        )
      case "RunStarted":
        stage = "loading"
        load = {
          bar: makeProgress(mode, "loading", 0, "rows"),
          from: progress.window.from,
          to: progress.window.to,
          started: Date.now(),
          fraction: undefined
        }
        return log(
          `run ${progress.runId} (${progress.reason}): loading ${database}, activities ${progress.window.from} to ${progress.window.to}`
        )
      case "Loading":
        return loadingShown(progress.progress)
      case "Following":
        return Effect.void
      case "Applied": {
        const { position } = progress.poll
        const events = Math.max(0, position.eventsApplied - eventsApplied)
        eventsApplied = position.eventsApplied
        lastEventAt = position.lastEventAt ?? lastEventAt
        session.events += events
        session.changes += progress.poll.changes.length
        session.unknown += progress.poll.unknownEvents
        // a line for the first poll after a load and for each poll that changed something
        const force = stage === "loading" || events > 0 || progress.poll.changes.length > 0
        stage = "following"
        return Effect.zipRight(loadDone, line.show(statusText(), force))
      }
    }
  }

  const summary = (how: "caught up" | "stopped", status: MirrorStatus | undefined) => {
    if (stage === "waiting") return `${how} while another mirror kept ${database} current; nothing applied`
    if (stage === "loading" || status?.phase === "loading")
      return `${how} during the load of ${database}: the next ofsc mirror run loads again`
    const where =
      status === undefined
        ? database
        : `${database}: run ${status.runId ?? "-"}, ${status.phase ?? "not started"}, ${plural(status.eventsApplied, "event")} in all, ${describeLag(status.lastEventAt ?? lastEventAt, Date.now())}`
    return `${how}: ${counts()} in this session; ${where}`
  }

  return {
    onProgress: (progress) => Effect.runSync(shown(progress)),
    // before the first poll, only a mirror that was already following has a status to show
    tick: Effect.suspend(() =>
      stage === "following" || (stage === "starting" && start.phase === "following")
        ? line.show(statusText())
        : Effect.void
    ),
    finish: (how, status) =>
      Effect.suspend(() => {
        const bar = load?.bar
        load = undefined
        const message = summary(how, status)
        return bar === undefined ? line.finish(message) : bar.finish(message)
      }),
    clear: Effect.suspend(() => (load === undefined ? line.finish("") : load.bar.finish("")))
  }
}
