/**
 * Plugins (metadata): import takes a multipart form whose `pluginFile` part is the plugin XML OFS
 * exports, creates or updates every `<plugin label="...">` it describes, and answers 204. Install
 * adds one of the standard plugins by label: 409 with `o:errorCode` LABEL_NOT_UNIQUE when a plugin
 * with that label exists already (imported or installed), 404 for a label that is no standard plugin.
 */

import { noContent, ofsError } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { MultipartPart } from "../../engine/protocol.js"
import { badRequest, collections, formatDateTime, notFound } from "../shared.js"

/** The standard plugins this simulator offers for install (stand-ins for Oracle's catalog). */
export const standardPlugins: Readonly<Record<string, string>> = {
  standard_activity_map: "Activity map",
  standard_barcode_scanner: "Barcode scanner",
  standard_signature_capture: "Signature capture"
}

/** Decodes the XML entities a label or name may contain. */
const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => {
    const entities: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }
    return entities[name] ?? ""
  })

/** The plugins an export file describes: label, type and a display name (its first translation). */
export const pluginsInXml = (xml: string): ReadonlyArray<{ label: string; type?: string; name: string }> => {
  const found: Array<{ label: string; type?: string; name: string }> = []
  const opening = /<plugin\b([^>]*?)(\/?)>/g
  for (let m = opening.exec(xml); m !== null; m = opening.exec(xml)) {
    const attributes = m[1] ?? ""
    const label = /\blabel\s*=\s*"([^"]*)"/.exec(attributes)?.[1]
    if (label === undefined || label.length === 0) continue
    const type = /\btype\s*=\s*"([^"]*)"/.exec(attributes)?.[1]
    const rest = m[2] === "/" ? "" : xml.slice(opening.lastIndex, xml.indexOf("</plugin>", opening.lastIndex))
    const name = /<translation\b[^>]*\bval\s*=\s*"([^"]*)"/.exec(rest)?.[1]
    found.push({
      label: unescapeXml(label),
      ...(type !== undefined && { type: unescapeXml(type) }),
      name: unescapeXml(name ?? label)
    })
  }
  return found
}

const isPart = (value: unknown): value is MultipartPart =>
  typeof value === "object" && value !== null && "name" in value && "data" in value && Buffer.isBuffer(value.data)

/** Plugin import (a multipart XML file) and install. */
export const pluginBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const plugins = () => ctx.store.collection(collections.plugins)

  table.replace("metadata.plugins.import", (req) => {
    if (!Array.isArray(req.body)) return badRequest("The request must be multipart/form-data with a 'pluginFile' part.")
    const file = req.body.filter(isPart).find((part) => part.name === "pluginFile")
    if (file === undefined) return badRequest("Field 'pluginFile' is absent.")
    const xml = file.data.toString("utf8").trim()
    if (!xml.startsWith("<")) return badRequest("Field 'pluginFile' is not a plugin XML file.")
    const found = pluginsInXml(xml)
    if (found.length === 0) return badRequest("Field 'pluginFile' describes no plugin.")
    const importedAt = formatDateTime(new Date())
    for (const plugin of found) plugins().put(plugin.label, { ...plugin, importedAt, xml })
    return noContent
  })

  table.replace("metadata.plugins.install", (req) => {
    const label = req.params.pluginLabel ?? ""
    if (plugins().get(label) !== undefined) {
      const answer = ofsError(409, `A plugin with label '${label}' already exists.`)
      return { ...answer, json: { ...(answer.json as object), "o:errorCode": "LABEL_NOT_UNIQUE" } }
    }
    const name = standardPlugins[label]
    if (name === undefined) return notFound(`Standard plugin '${label}' not found`)
    plugins().put(label, { label, name, type: "addon", installedAt: formatDateTime(new Date()) })
    return noContent
  })
  return table.behaviours
}
