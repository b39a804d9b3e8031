/**
 * How a field's kind reads in `--help`. The kinds themselves (and the OFS formats of dates and
 * times) are read from the operation's schemas by `SchemaReader` of `@ofsc/models`.
 */
import type { SchemaReader } from "@ofsc/models"

/** How a kind reads in help: `integer`, `date (YYYY-MM-DD)`, `list of string`. */
export const describeKind = (kind: SchemaReader.FieldKind): string => {
  switch (kind._tag) {
    case "string":
      return kind.format === "date" ? "date (YYYY-MM-DD)" : kind.format !== undefined ? kind.format : "text"
    case "enum":
      return `one of ${kind.values.join(" | ")}`
    case "array":
      return `comma-separated list of ${describeKind(kind.item)}`
    default:
      return kind._tag
  }
}
