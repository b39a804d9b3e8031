/**
 * Daily extract: one folder per day of the seeded data window, each holding two CSV files (the
 * day's activities and the resource tree) built from the seed, so the same seed always gives the
 * same bytes whatever happened to the live state since.
 */

import { addDays } from "../../data/seed.js"
import { ok } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRequest } from "../../engine/protocol.js"
import type { SimRecord } from "../../state/record.js"
import { absolute, notFound } from "../shared.js"

const base = "/rest/ofscCore/v1/folders/dailyExtract/folders"
const activityColumns = [
  "activityId",
  "resourceId",
  "date",
  "status",
  "activityType",
  "apptNumber",
  "customerNumber",
  "city",
  "postalCode",
  "timeSlot",
  "duration"
]
const resourceColumns = ["resourceId", "parentResourceId", "name", "status", "resourceType"]

/** One CSV field, quoted when it holds a separator, a quote or a line break. */
const field = (value: unknown): string => {
  const text = value === undefined || value === null ? "" : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document with a header line. */
const csv = (columns: ReadonlyArray<string>, rows: ReadonlyArray<SimRecord>): Uint8Array =>
  Buffer.from(
    [columns.join(","), ...rows.map((row) => columns.map((c) => field(row[c])).join(","))].join("\r\n").concat("\r\n"),
    "utf8"
  )

/** The daily extract's folders, file lists and files, built from the seed. */
export const dailyExtractBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const dates = Array.from({ length: ctx.data.days }, (_, i) => addDays(ctx.data.startDate, i))
  const files: Record<string, (date: string) => Uint8Array> = {
    activities: (date) =>
      csv(
        activityColumns,
        ctx.data.activities.filter((a) => a.date === date)
      ),
    resources: () => csv(resourceColumns, ctx.data.resources)
  }
  const fileName = (kind: string, date: string) => `${kind}_${date}.csv`
  const filesOf = (date: string) => Object.keys(files).map((kind) => fileName(kind, date))
  const folderHref = (req: SimRequest, date: string) => absolute(req, `${base}/${date}/files`)

  table.replace("core.dailyExtract.folders", (req) =>
    ok({
      items: dates.map((name) => ({ name, links: [{ rel: "canonical", href: folderHref(req, name) }] }))
    })
  )

  table.replace("core.dailyExtract.files", (req) => {
    const date = req.params.dailyExtractDate ?? ""
    if (!dates.includes(date)) return notFound(`Daily extract folder '${date}' not found`)
    return ok({
      items: filesOf(date).map((name) => ({
        name,
        links: [
          {
            rel: "canonical",
            href: absolute(req, `${base}/${date}/files/${encodeURIComponent(name)}`),
            mediaType: "application/octet-stream"
          }
        ]
      }))
    })
  })

  table.replace("core.dailyExtract.download", (req) => {
    const date = req.params.dailyExtractDate ?? ""
    const name = req.params.dailyExtractFilename ?? ""
    if (!dates.includes(date)) return notFound(`Daily extract folder '${date}' not found`)
    const kind = Object.keys(files).find((k) => fileName(k, date) === name)
    const make = kind === undefined ? undefined : files[kind]
    if (make === undefined) return notFound(`Daily extract file '${name}' not found in folder '${date}'`)
    return {
      status: 200,
      headers: { "content-type": "application/octet-stream", "content-disposition": `attachment; filename="${name}"` },
      bytes: make(date)
    }
  })
  return table.behaviours
}
