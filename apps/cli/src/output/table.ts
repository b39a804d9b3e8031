/** Rows as an aligned text table, headers bold when colours are on. */
import type { Row } from "./rows.js"

const bold = (text: string) => `\u001b[1m${text}\u001b[22m`

/** The widest a column gets before its cells are cut with `…`. */
const maxWidth = 60

const fit = (text: string): string => {
  const oneLine = text.replace(/\s+/g, " ")
  return oneLine.length > maxWidth ? `${oneLine.slice(0, maxWidth - 1)}…` : oneLine
}

/** Renders rows under the given columns. */
export const renderTable = (rows: ReadonlyArray<Row>, columns: ReadonlyArray<string>, colour: boolean): string => {
  if (columns.length === 0) return rows.length === 0 ? "(no items)\n" : "\n"
  const cells = rows.map((row) => columns.map((c) => fit(row[c] ?? "")))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)))
  const line = (values: ReadonlyArray<string>) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd()
  const header = line(columns)
  const rule = widths.map((w) => "─".repeat(w)).join("  ")
  return `${[colour ? bold(header) : header, rule, ...cells.map(line)].join("\n")}\n`
}

/** A single object as two columns: field and value. */
export const renderRecord = (row: Row, colour: boolean): string => {
  const keys = Object.keys(row)
  if (keys.length === 0) return "(empty)\n"
  const width = Math.max(...keys.map((k) => k.length))
  return `${keys.map((k) => `${colour ? bold(k.padEnd(width)) : k.padEnd(width)}  ${fit(row[k] ?? "")}`).join("\n")}\n`
}
