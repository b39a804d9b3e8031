/**
 * The mirror as blocking calls, for scripts written like @ofsc/sync's (no Effect in sight):
 * `MirrorSync.runOnce(options)` loads if needed and applies events until caught up, then answers
 * the status; `MirrorSync.status(options)` reads it. Each call runs the mirror in a child Node
 * process and waits for it (`spawnSync`), so the calling thread can block without starving it; the
 * OFS secret travels in the child's environment, never on its command line.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Redacted } from "effect"
import type { MirrorOptions } from "../MirrorOptions.js"
import type { MirrorStatus } from "../MirrorStatus.js"
import { type ChildReply, type ChildRequest, childSecretVariable } from "./protocol.js"

declare const __filename: string | undefined

/** The child's module, next to this build (dist/sync/ in the ESM build, dist/ in CommonJS; dist/ from the sources). */
const childPath = (): string => {
  const here = typeof __filename === "string" ? dirname(__filename) : dirname(fileURLToPath(import.meta.url))
  const candidates = [
    join(here, "mirrorChild.cjs"),
    join(here, "..", "mirrorChild.cjs"),
    join(here, "..", "..", "dist", "mirrorChild.cjs")
  ]
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string)
}

/** How to reach OFS: Basic credentials, or (when absent) the `OFSC_*` environment variables. */
export interface MirrorSyncClient {
  readonly baseUrl: string
  readonly instance: string
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
}

/** The options of a blocking call: the mirror's (without webhooks) and the client's. */
export interface MirrorSyncOptions extends Omit<MirrorOptions, "webhooks" | "pollInterval" | "owner"> {
  readonly client?: MirrorSyncClient | undefined
  /** How long a call may take before it fails (30 minutes by default). */
  readonly timeoutMs?: number | undefined
}

/** A blocking call failed: `tag` is the mirror's or OFS's error tag, `message` its one line. */
export class MirrorSyncError extends Error {
  /** The tag of the error the mirror failed with (MirrorDatabaseError, OfscAuthenticationError, ...). */
  readonly tag: string
  constructor(tag: string, message: string) {
    super(message)
    this.name = "MirrorSyncError"
    this.tag = tag
  }
}

const call = (action: ChildRequest["action"], options: MirrorSyncOptions): MirrorStatus => {
  const { client, timeoutMs, ...mirror } = options
  const request: ChildRequest = {
    action,
    mirror,
    client:
      client === undefined
        ? undefined
        : { baseUrl: client.baseUrl, instance: client.instance, clientId: client.clientId }
  }
  const result = spawnSync(process.execPath, [childPath()], {
    input: JSON.stringify(request),
    encoding: "utf8",
    timeout: timeoutMs ?? 30 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      ...(client !== undefined && { [childSecretVariable]: Redacted.value(client.clientSecret) })
    }
  })
  if (result.error !== undefined)
    throw new MirrorSyncError("MirrorSyncFailed", `the mirror process could not run: ${result.error.message}`)
  const line = result.stdout.trim().split("\n").at(-1) ?? ""
  let reply: ChildReply
  try {
    reply = JSON.parse(line) as ChildReply
  } catch {
    const said = result.stderr.trim().split("\n").at(-1) ?? ""
    throw new MirrorSyncError(
      "MirrorSyncFailed",
      `the mirror process ended without an answer (exit ${result.status})${said === "" ? "" : `: ${said}`}`
    )
  }
  if (!reply.ok) throw new MirrorSyncError(reply.tag, reply.message)
  return reply.status
}

/** The mirror as blocking calls. */
export const MirrorSync = {
  /** Loads if needed, applies events until caught up, and answers the status (blocks until then). */
  runOnce: (options: MirrorSyncOptions): MirrorStatus => call("runOnce", options),
  /** The status as the database holds it (blocks until read). */
  status: (options: MirrorSyncOptions): MirrorStatus => call("status", options)
} as const
