/** The errors only the blocking client has: a deadline passed, the worker died, or a call would deadlock. */
import * as Data from "effect/Data"

/** A call did not answer before its deadline; the worker is replaced before the next call. */
export class OfscSyncTimeout extends Data.TaggedError("OfscSyncTimeout")<{
  readonly method: string
  readonly timeoutMs: number
}> {
  override get message() {
    return `${this.method} did not answer within ${this.timeoutMs} ms`
  }
}

/** The worker that runs the calls crashed, exited or failed to start; the next call starts a new one. */
export class OfscWorkerDied extends Data.TaggedError("OfscWorkerDied")<{
  readonly method: string
  readonly reason: string
}> {
  override get message() {
    return `the @ofsc/sync worker died during ${this.method}: ${this.reason}`
  }
}

/** The call would block the thread that has to answer it (a server on this same thread). */
export class OfscSyncDeadlock extends Data.TaggedError("OfscSyncDeadlock")<{
  readonly method: string
  readonly baseUrl: string
}> {
  override get message() {
    return (
      `${this.method}: ${this.baseUrl} is served by a server on this thread, which cannot answer while ` +
      "the thread is blocked; run the server in another process or worker, or use the async client"
    )
  }
}
