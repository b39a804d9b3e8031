/** What MirrorSync and its child process say to each other: one JSON request on stdin, one JSON line back. */
import type { MirrorOptions } from "../MirrorOptions.js"
import type { MirrorStatus } from "../MirrorStatus.js"

/** The environment variable the OFS client secret travels in. */
export const childSecretVariable = "OFSC_MIRROR_CLIENT_SECRET"

/** A request to the child. */
export interface ChildRequest {
  readonly action: "runOnce" | "status"
  readonly mirror: Omit<MirrorOptions, "webhooks" | "pollInterval" | "owner">
  readonly client: { readonly baseUrl: string; readonly instance: string; readonly clientId: string } | undefined
}

/** The child's answer. */
export type ChildReply =
  | { readonly ok: true; readonly status: MirrorStatus }
  | { readonly ok: false; readonly tag: string; readonly message: string }
