/**
 * Progress on stderr: one line redrawn in place on a terminal, plain lines every few seconds
 * otherwise, nothing with `--quiet`. `makeProgressLine` is that line; `makeProgress` draws a bar
 * on it (share done when known, items, pages, rate, ETA) for exports and the mirror's first load.
 */
import { Effect } from "effect"

/** Where an export stands. */
export interface ProgressState {
  readonly items: number
  /** Pages written, when the work comes in pages one can count. */
  readonly pages?: number | undefined
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

/** One line of progress on stderr. */
export interface ProgressLine {
  /** Shows `text`: redrawn in place (at most every 100 ms), or printed as a line (at most every `linesEveryMs`); `force` skips the wait. */
  readonly show: (text: string, force?: boolean) => Effect.Effect<void>
  /** Prints a message on a line of its own; the progress line comes back at the next `show`. */
  readonly print: (message: string) => Effect.Effect<void>
  /** Clears the line and prints the last word (nothing but the clearing when `message` is empty). */
  readonly finish: (message: string) => Effect.Effect<void>
}

const write = (text: string) => Effect.sync(() => void process.stderr.write(text))

/** The line for a mode; in `lines` mode a `show` prints at most every `linesEveryMs`. */
export const makeProgressLine = (mode: ProgressMode, linesEveryMs = 2000): ProgressLine => {
  let lastDraw = 0
  let drawn = false
  const due = (everyMs: number, force: boolean | undefined) => {
    if (force !== true && Date.now() - lastDraw < everyMs) return false
    lastDraw = Date.now()
    return true
  }
  switch (mode) {
    case "quiet":
      return { show: () => Effect.void, print: () => Effect.void, finish: () => Effect.void }
    case "lines":
      return {
        show: (text, force) => Effect.suspend(() => (due(linesEveryMs, force) ? write(`${text}\n`) : Effect.void)),
        print: (message) => write(`${message}\n`),
        finish: (message) => (message === "" ? Effect.void : write(`${message}\n`))
      }
    case "bar": {
      // a line wider than the terminal wraps, and \r would then redraw only its last row
      const fit = (text: string) => {
        const columns = process.stderr.columns ?? 0
        return columns > 1 && text.length >= columns ? text.slice(0, columns - 1) : text
      }
      const clear = () => (drawn ? "\r\u001b[K" : "")
      return {
        show: (text, force) =>
          Effect.suspend(() => {
            if (!due(100, force)) return Effect.void
            drawn = true
            return write(`\r\u001b[K${fit(text)}`)
          }),
        print: (message) =>
          Effect.suspend(() => {
            const text = `${clear()}${message}\n`
            drawn = false
            lastDraw = 0
            return write(text)
          }),
        finish: (message) =>
          Effect.suspend(() => {
            const text = message === "" ? clear() : `${clear()}${message}\n`
            drawn = false
            return write(text)
          })
      }
    }
  }
}

const count = (n: number) => n.toLocaleString("en-US")

const seconds = (ms: number) =>
  ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`

const barWidth = 24

/**
 * A progress display; `startItems` are those written by an earlier run (a resume), not counted in
 * the rate; `unit` names what is counted (`items`, `rows`).
 */
export const makeProgress = (mode: ProgressMode, what: string, startItems = 0, unit = "items"): Progress => {
  const started = Date.now()
  const line = makeProgressLine(mode)
  const describe = (state: ProgressState) => {
    const elapsed = Date.now() - started
    const rate = elapsed > 0 ? Math.round(((state.items - startItems) * 1000) / elapsed) : 0
    const parts = [`${count(state.items)} ${unit}`]
    if (state.pages !== undefined) parts.push(`${count(state.pages)} pages`)
    parts.push(`${count(rate)} ${unit}/s`)
    if (state.label !== undefined) parts.push(state.label)
    const fraction = state.fraction
    if (fraction !== undefined && fraction > 0.01 && fraction < 1)
      parts.push(`ETA ${seconds((elapsed / fraction) * (1 - fraction))}`)
    return { parts, fraction }
  }
  return {
    update: (state) =>
      Effect.suspend(() => {
        const { parts, fraction } = describe(state)
        if (mode !== "bar") return line.show(`${what}: ${parts.join(", ")}`)
        const filled = fraction === undefined ? 0 : Math.round(Math.min(1, fraction) * barWidth)
        const bar =
          fraction === undefined
            ? ""
            : `▕${"█".repeat(filled)}${"░".repeat(barWidth - filled)}▏ ${String(Math.floor(fraction * 100)).padStart(3)}%  `
        return line.show(`${what} ${bar}${parts.join("  ")}`)
      }),
    finish: line.finish
  }
}
