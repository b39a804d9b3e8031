/**
 * Export progress on stderr: a bar redrawn in place on a terminal (share done when known, items,
 * pages, rate, ETA), plain lines every few seconds otherwise, nothing with `--quiet`.
 */
import { Effect } from "effect"

/** Where an export stands. */
export interface ProgressState {
  readonly items: number
  readonly pages: number
  /** 0..1 when the share done is known. */
  readonly fraction?: number | undefined
  /** What is being fetched (a date, a window). */
  readonly label?: string | undefined
}

/** A progress display. */
export interface Progress {
  readonly update: (state: ProgressState) => Effect.Effect<void>
  /** Clears the bar and prints the last word. */
  readonly finish: (message: string) => Effect.Effect<void>
}

/** How progress shows. */
export type ProgressMode = "bar" | "lines" | "quiet"

/** The mode for this process: a bar when stderr is a terminal, lines otherwise, or quiet. */
export const progressMode = (quiet: boolean): ProgressMode =>
  quiet ? "quiet" : process.stderr.isTTY === true ? "bar" : "lines"

const count = (n: number) => n.toLocaleString("en-US")

const seconds = (ms: number) =>
  ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`

const barWidth = 24

/** A progress display; `startItems` are those written by an earlier run (a resume), not counted in the rate. */
export const makeProgress = (mode: ProgressMode, what: string, startItems = 0): Progress => {
  const started = Date.now()
  let lastDraw = 0
  const describe = (state: ProgressState) => {
    const elapsed = Date.now() - started
    const rate = elapsed > 0 ? Math.round(((state.items - startItems) * 1000) / elapsed) : 0
    const parts = [`${count(state.items)} items`, `${count(state.pages)} pages`, `${count(rate)} items/s`]
    if (state.label !== undefined) parts.push(state.label)
    const fraction = state.fraction
    if (fraction !== undefined && fraction > 0.01 && fraction < 1)
      parts.push(`ETA ${seconds((elapsed / fraction) * (1 - fraction))}`)
    return { parts, fraction, elapsed }
  }
  const write = (text: string) => Effect.sync(() => void process.stderr.write(text))
  switch (mode) {
    case "quiet":
      return { update: () => Effect.void, finish: () => Effect.void }
    case "lines":
      return {
        update: (state) =>
          Effect.suspend(() => {
            if (Date.now() - lastDraw < 2000) return Effect.void
            lastDraw = Date.now()
            return write(`${what}: ${describe(state).parts.join(", ")}\n`)
          }),
        finish: (message) => write(`${message}\n`)
      }
    case "bar":
      return {
        update: (state) =>
          Effect.suspend(() => {
            if (Date.now() - lastDraw < 100) return Effect.void
            lastDraw = Date.now()
            const { parts, fraction } = describe(state)
            const filled = fraction === undefined ? 0 : Math.round(Math.min(1, fraction) * barWidth)
            const bar =
              fraction === undefined
                ? ""
                : `▕${"█".repeat(filled)}${"░".repeat(barWidth - filled)}▏ ${String(Math.floor(fraction * 100)).padStart(3)}%  `
            return write(`\r\u001b[K${what} ${bar}${parts.join("  ")}`)
          }),
        finish: (message) => write(`\r\u001b[K${message}\n`)
      }
  }
}
