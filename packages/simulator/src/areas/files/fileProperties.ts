/**
 * File properties of activities, inventories, resources and users (and reads of service request
 * files): PUT takes raw bytes with their media type (Content-Type) and file name
 * (Content-Disposition), 5 MB at most; GET answers the bytes when the Accept header asks for
 * application/octet-stream or the file's own type, and the file's description as JSON otherwise.
 * A label the metadata knows must be a file property of that entity; unknown labels are accepted.
 * Files live where the engine keeps them: `<entity path>/<id>/files`, keyed by property label.
 */

import { noContent, ok, type SimResponse } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRequest } from "../../engine/protocol.js"
import type { SimRecord } from "../../state/record.js"
import { absolute, badRequest, collections, header, notFound } from "../shared.js"

/** Largest file OFS takes (5 MB). */
const maxBytes = 5 * 1024 * 1024

/** An entity that has file properties: its path, id parameter, collection and name in the metadata. */
interface FileOwner {
  readonly path: string
  readonly param: string
  readonly collection: string
  /** `entity` of the property in the metadata. */
  readonly entity: string
  readonly writable: boolean
  /** The ids of its file property operations (`core.activities.files`.get, .put, .delete). */
  readonly operations: string
}

/** An owner: its path, id parameter, collection, metadata entity and file operations' id prefix. */
const owner = (path: string, param: string, collection: string, entity: string, operations: string, writable = true) =>
  ({ path, param, collection, entity, operations, writable }) satisfies FileOwner

const owners: ReadonlyArray<FileOwner> = [
  owner("activities", "activityId", collections.activities, "activity", "core.activities.files"),
  owner("inventories", "inventoryId", collections.inventories, "inventory", "core.inventories.files"),
  owner("resources", "resourceId", collections.resources, "resource", "core.resources.files"),
  owner("users", "login", collections.users, "user", "core.users.files"),
  owner(
    "serviceRequests",
    "requestId",
    collections.serviceRequests,
    "service request",
    "core.serviceRequests.files",
    false
  )
]

/** The file name a Content-Disposition header gives, if any. */
export const dispositionFilename = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value)?.[1]
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended.trim())
    } catch {
      return extended.trim()
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(value)?.[1]
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, "$1")
  return /filename\s*=\s*([^;\s]+)/.exec(value)?.[1]
}

/** True when an Accept header asks for the bytes of a file of this media type. */
const wantsBytes = (accept: string | undefined, mediaType: string): boolean => {
  if (accept === undefined) return false
  const major = mediaType.split("/")[0]
  return accept
    .split(",")
    .map((part) => part.split(";")[0]?.trim().toLowerCase() ?? "")
    .some((type) => type === "application/octet-stream" || type === mediaType.toLowerCase() || type === `${major}/*`)
}

/** The file property GET, PUT and DELETE of every entity that has them. */
export const filePropertyBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const store = ctx.store
  const filesOf = (owner: FileOwner, id: string) => store.collection(`${owner.path}/${id}/files`)

  for (const owner of owners) {
    /** The entity's id, or the 404/400 to answer. */
    const check = (req: SimRequest): string | SimResponse => {
      const id = req.params[owner.param] ?? ""
      if (store.collection(owner.collection).get(id) === undefined)
        return notFound(`${owner.entity.charAt(0).toUpperCase()}${owner.entity.slice(1)} '${id}' not found`)
      const label = req.params.propertyLabel ?? ""
      const property = store.collection(collections.properties).get(label)
      if (property !== undefined && (property.type !== "file" || property.entity !== owner.entity))
        return badRequest(`Property '${label}' is not a file property of entity '${owner.entity}'.`)
      return id
    }

    table.replace(`${owner.operations}.get`, (req) => {
      const id = check(req)
      if (typeof id !== "string") return id
      const label = req.params.propertyLabel ?? ""
      const file = filesOf(owner, id).get(label)
      if (file === undefined) return notFound(`File property '${label}' of ${owner.entity} '${id}' is empty`)
      const mediaType = String(file.contentType ?? "application/octet-stream")
      const data = file.data instanceof Uint8Array ? file.data : new Uint8Array()
      const name = String(file.filename ?? label)
      if (wantsBytes(header(req, "accept"), mediaType)) {
        return {
          status: 200,
          headers: {
            "content-type": mediaType,
            "content-disposition": `attachment; filename="${name.replace(/["\\\r\n]/g, "_")}"`
          },
          bytes: data
        }
      }
      const self = `/rest/ofscCore/v1/${owner.path}/${encodeURIComponent(id)}/${encodeURIComponent(label)}`
      return ok({
        name,
        mediaType,
        size: data.length,
        links: [{ rel: "canonical", href: absolute(req, self), mediaType }]
      })
    })

    if (!owner.writable) continue

    table.replace(`${owner.operations}.put`, (req) => {
      const id = check(req)
      if (typeof id !== "string") return id
      const label = req.params.propertyLabel ?? ""
      const bytes = req.rawBody
      if (bytes.length === 0) return badRequest("The file is empty.")
      if (bytes.length > maxBytes) return badRequest("The file is larger than 5 MB.")
      const mediaType = (header(req, "content-type") ?? "application/octet-stream").split(";")[0]?.trim()
      const name = dispositionFilename(header(req, "content-disposition")) ?? label
      const record: SimRecord = {
        propertyLabel: label,
        data: new Uint8Array(bytes),
        contentType: mediaType || "application/octet-stream",
        filename: name
      }
      filesOf(owner, id).put(label, record)
      return noContent
    })

    table.replace(`${owner.operations}.delete`, (req) => {
      const id = check(req)
      if (typeof id !== "string") return id
      filesOf(owner, id).delete(req.params.propertyLabel ?? "")
      return noContent
    })
  }
  return table.behaviours
}
