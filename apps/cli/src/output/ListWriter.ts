/**
 * Writes items in a chosen format as they arrive, so `--all` and exports hold one page at a time.
 * Only the table waits for every row (it must know the column widths); it is for people, not files.
 */
import { Effect } from "effect"
import type { CliError } from "../app/CliError.js"
import type { OutputFormat } from "../app/globalOptions.js"
import { csvHeader, csvRows } from "./csv.js"
import { pickFields, pickItem, type Row, toRow } from "./rows.js"
import type { Sink } from "./Sink.js"
import { renderTable } from "./table.js"
import { toYaml } from "./yaml.js"

/** A writer of items, one chunk after another, then `end`. */
export interface ListWriter {
  readonly write: (items: ReadonlyArray<unknown>) => Effect.Effect<void, CliError>
  readonly end: Effect.Effect<void, CliError>
  /** CSV: the columns of the header written, once there is one. */
  readonly columns?: () => ReadonlyArray<string> | undefined
}

/** What a list writer needs to know. */
export interface ListWriterOptions {
  readonly format: OutputFormat
  readonly fields: ReadonlyArray<string> | undefined
  /** CSV only: the columns (a resumed export keeps the ones its file started with), else from the first items. */
  readonly columns?: ReadonlyArray<string> | undefined
  /** CSV and JSON: the file already holds the start of the output (a resumed export). */
  readonly continuing?: boolean | undefined
}

/** A list writer onto a sink. */
export const listWriter = (sink: Sink, options: ListWriterOptions): ListWriter => {
  const { format, fields } = options
  switch (format) {
    case "ndjson":
      return {
        write: (items) =>
          items.length === 0
            ? Effect.void
            : sink.write(items.map((i) => `${JSON.stringify(pickItem(i, fields))}\n`).join("")),
        end: Effect.void
      }
    case "yaml":
      return {
        write: (items) =>
          items.length === 0 ? Effect.void : Effect.flatMap(toYaml(items.map((i) => pickItem(i, fields))), sink.write),
        end: Effect.void
      }
    case "json": {
      let first = !options.continuing
      return {
        write: (items) => {
          if (items.length === 0) return Effect.void
          const body = items.map((i) => `  ${JSON.stringify(pickItem(i, fields))}`).join(",\n")
          const text = first ? `[\n${body}` : `,\n${body}`
          first = false
          return sink.write(text)
        },
        end: Effect.suspend(() => sink.write(first ? "[]\n" : "\n]\n"))
      }
    }
    case "csv": {
      let columns = options.columns
      return {
        write: (items) => {
          if (items.length === 0) return Effect.void
          const rows = items.map(toRow)
          if (columns === undefined) {
            columns = pickFields(rows, fields)
            return sink.write(csvHeader(columns) + csvRows(rows, columns))
          }
          return sink.write(csvRows(rows, columns))
        },
        end: Effect.void,
        columns: () => columns
      }
    }
    case "table": {
      const rows: Array<Row> = []
      return {
        write: (items) =>
          Effect.sync(() => {
            for (const item of items) rows.push(toRow(item))
          }),
        end: Effect.suspend(() => sink.write(renderTable(rows, pickFields(rows, fields), sink.colour)))
      }
    }
  }
}
