/**
 * The request body from `--data`: inline text, `@file`, or `-` for stdin. JSON bodies are parsed
 * here; bytes (file properties) go as they are, with `--content-type`; a multipart form is a JSON
 * object whose `"@file"` values are read as files.
 */

import * as fs from "node:fs/promises"
import * as nodePath from "node:path"
import type { AnyOperation, BinaryContent, MultipartValue } from "@ofsc/core"
import { Effect } from "effect"
import { type CliError, io, usage } from "../app/CliError.js"

/** Reads all of stdin. */
export const readStdin: Effect.Effect<Uint8Array, CliError> = Effect.async<Uint8Array, CliError>((resume) => {
  const chunks: Array<Buffer> = []
  process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk))
  process.stdin.once("end", () => resume(Effect.succeed(Buffer.concat(chunks))))
  process.stdin.once("error", (error) => resume(Effect.fail(io("cannot read stdin", error))))
})

const readFile = (path: string): Effect.Effect<Uint8Array, CliError> =>
  Effect.tryPromise({ try: () => fs.readFile(path), catch: (e) => io(`cannot read ${path}`, e) })

/** The bytes `--data` names. */
export const dataBytes = (data: string): Effect.Effect<Uint8Array, CliError> =>
  data === "-" ? readStdin : data.startsWith("@") ? readFile(data.slice(1)) : Effect.succeed(Buffer.from(data))

const mediaTypes: Record<string, string> = {
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".pdf": "application/pdf",
  ".zip": "application/zip"
}

const fileContent = (data: string, bytes: Uint8Array, contentType: string | undefined): BinaryContent => {
  const filename = data.startsWith("@") ? nodePath.basename(data.slice(1)) : undefined
  const guessed = filename === undefined ? undefined : mediaTypes[nodePath.extname(filename).toLowerCase()]
  return { data: bytes, contentType: contentType ?? guessed ?? "application/octet-stream", filename }
}

const parseJson = (bytes: Uint8Array, what: string): Effect.Effect<unknown, CliError> =>
  Effect.try({
    try: () => JSON.parse(Buffer.from(bytes).toString("utf8")) as unknown,
    catch: (e) => usage(`${what} is not JSON: ${e instanceof Error ? e.message : String(e)}`)
  })

/** Multipart fields: `"@path"` strings become files, everything else text. */
const multipartFields = (value: unknown): Effect.Effect<unknown, CliError> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return Effect.succeed(value)
  return Effect.forEach(
    Object.entries(value),
    ([key, field]): Effect.Effect<readonly [string, MultipartValue], CliError> =>
      typeof field === "string" && field.startsWith("@")
        ? Effect.map(readFile(field.slice(1)), (bytes) => [key, fileContent(field, bytes, undefined)] as const)
        : Effect.succeed([key, typeof field === "string" ? field : JSON.stringify(field)] as const)
  ).pipe(Effect.map(Object.fromEntries))
}

/** The body to send for an operation, or undefined when `--data` was not given. */
export const requestBody = (
  op: AnyOperation,
  data: string | undefined,
  contentType: string | undefined
): Effect.Effect<unknown, CliError> => {
  if (data === undefined) return Effect.succeed(undefined)
  return Effect.flatMap(dataBytes(data), (bytes) => {
    switch (op.body.kind) {
      case "octet-stream":
        return Effect.succeed(fileContent(data, bytes, contentType))
      case "multipart":
        return Effect.flatMap(parseJson(bytes, "--data"), multipartFields)
      default:
        return parseJson(bytes, "--data")
    }
  })
}
