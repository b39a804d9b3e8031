/**
 * The errors only the blocking client has: a deadline passed, the worker died, a call would
 * deadlock, or an unread stream was released.
 */
import * as Schema from "effect/Schema"

/** A call did not answer before its deadline; the worker is replaced before the next call. */
export class OfscSyncTimeout extends Schema.TaggedError<OfscSyncTimeout>()("OfscSyncTimeout", {
  method: Schema.String,
  timeoutMs: Schema.Number
}) {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return `${this.method} did not answer within ${this.timeoutMs} ms (callTimeoutMs)`
  }
}

/** The worker that runs the calls crashed, exited or failed to start; the next call starts a new one. */
export class OfscWorkerDied extends Schema.TaggedError<OfscWorkerDied>()("OfscWorkerDied", {
  method: Schema.String,
  reason: Schema.String
}) {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return `the @ofsc/sync worker died during ${this.method}: ${this.reason}`
  }
}

/** The call would block the thread that has to answer it (a server on this same thread). */
export class OfscSyncDeadlock extends Schema.TaggedError<OfscSyncDeadlock>()("OfscSyncDeadlock", {
  method: Schema.String,
  baseUrl: Schema.String
}) {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return (
      `${this.method}: ${this.baseUrl} is served by a server on this thread, which cannot answer while ` +
      "the thread is blocked; run the server in another process or worker, or use the async client"
    )
  }
}

/**
 * The worker released a stream the script kept but stopped reading, and the script pulled it again:
 * it went `idle` longer than `streamIdleMs`, or it was the least recently read of more than
 * `maxOpenStreams` open streams (`tooManyOpen`). Open the stream again (resuming where you were by
 * `offset`, if the list pages by offset), or raise the limit.
 *
 * @example
 * try { stream.next() } catch (e) { if (e instanceof OfscStreamReleased) stream = reopen() }
 */
export class OfscStreamReleased extends Schema.TaggedError<OfscStreamReleased>()("OfscStreamReleased", {
  method: Schema.String,
  reason: Schema.Literal("idle", "tooManyOpen"),
  /** `streamIdleMs` for `idle`, `maxOpenStreams` for `tooManyOpen`. */
  limit: Schema.Number
}) {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return this.reason === "idle"
      ? `${this.method}: the stream was released after ${this.limit} ms without a pull (streamIdleMs); open it again`
      : `${this.method}: the stream was released because more than ${this.limit} streams were open and it was ` +
          "the least recently read (maxOpenStreams); return() the streams you stop reading, or raise the limit"
  }
}
