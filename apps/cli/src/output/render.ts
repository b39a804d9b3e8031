/** Writes one answer (not a stream) in the chosen format. */
import { Effect } from "effect"
import type { CliError } from "../app/CliError.js"
import type { OutputFormat } from "../app/globalOptions.js"
import { listWriter } from "./ListWriter.js"
import { itemsOf, pickItem, toRow } from "./rows.js"
import type { Sink } from "./Sink.js"
import { renderRecord } from "./table.js"
import { toYaml } from "./yaml.js"

/** The format to use: the one asked for, else a table for a person and JSON for a program. */
export const chooseFormat = (asked: OutputFormat | undefined, sink: Sink): OutputFormat =>
  asked ?? (sink.isTerminal ? "table" : "json")

/** Writes an answer: lists as rows (table, csv, ndjson), anything else as the whole value. */
export const renderAnswer = (
  answer: unknown,
  sink: Sink,
  format: OutputFormat,
  fields: ReadonlyArray<string> | undefined
): Effect.Effect<void, CliError> => {
  const items = itemsOf(answer)
  switch (format) {
    case "json":
      return sink.write(
        `${JSON.stringify(items !== undefined && fields !== undefined ? items.map((i) => pickItem(i, fields)) : pickItem(answer, fields), null, 2)}\n`
      )
    case "yaml":
      return Effect.flatMap(
        toYaml(
          items !== undefined && fields !== undefined ? items.map((i) => pickItem(i, fields)) : pickItem(answer, fields)
        ),
        sink.write
      )
    default: {
      if (items === undefined && format === "table") {
        return sink.write(renderRecord(toRow(pickItem(answer, fields)), sink.colour))
      }
      const writer = listWriter(sink, { format, fields })
      return Effect.zipRight(writer.write(items ?? [answer]), writer.end)
    }
  }
}
