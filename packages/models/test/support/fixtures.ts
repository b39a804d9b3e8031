// Reads a JSON fixture (examples copied from the product seeds) as the transport would receive it.
import { readFileSync } from "node:fs"

/** The parsed content of test/fixtures/<name>. */
export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"))
