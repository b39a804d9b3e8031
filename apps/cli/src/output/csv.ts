/** RFC 4180 CSV: a header line, then one line per row, quoted where a cell needs it. */
import type { Row } from "./rows.js"

const quote = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/** The header line of the columns. */
export const csvHeader = (columns: ReadonlyArray<string>): string => `${columns.map(quote).join(",")}\r\n`

/** The lines of some rows under the columns. */
export const csvRows = (rows: ReadonlyArray<Row>, columns: ReadonlyArray<string>): string =>
  rows.map((row) => `${columns.map((c) => quote(row[c] ?? "")).join(",")}\r\n`).join("")
