/**
 * What the calling thread and the worker say to each other. Requests and replies travel over a
 * MessagePort; a shared Int32Array tells the blocked caller that a reply is waiting (or that the
 * worker is gone), since a thread inside Atomics.wait cannot receive events.
 */

/** Slot 0 of the shared signal: what the caller should do when it wakes. */
export const Signal = {
  /** nothing yet: keep waiting */
  idle: 0,
  /** a reply is on the port */
  ready: 1,
  /** the worker has exited: drain the port, then give up */
  dead: 2
} as const

/** A call of one API method by its dotted name (`metadata.shifts.get`). */
export interface CallRequest {
  readonly kind: "call"
  readonly seq: number
  readonly method: string
  readonly args: ReadonlyArray<unknown>
}

/**
 * Opens a stream method under an id the caller chose; later `pull`s read it one chunk (one page) at
 * a time. The caller numbers streams once per client, never per worker, so an id is never reused.
 */
export interface OpenStreamRequest {
  readonly kind: "open"
  readonly seq: number
  readonly stream: number
  readonly method: string
  readonly args: ReadonlyArray<unknown>
}

/** Reads the next chunk of an open stream. */
export interface PullRequest {
  readonly kind: "pull"
  readonly seq: number
  readonly stream: number
}

/** Closes an open stream early (the caller broke out of its loop). */
export interface CloseStreamRequest {
  readonly kind: "close"
  readonly seq: number
  readonly stream: number
}

/**
 * Closes streams whose iterators were garbage collected. One-way: the worker does not answer, so a
 * finalizer can post it without blocking. A stream the worker no longer holds is skipped.
 */
export interface ReleaseStreamsMessage {
  readonly kind: "release"
  readonly streams: ReadonlyArray<number>
}

/** Asks how many streams the worker holds open and how big its heap is. */
export interface DiagnosticsRequest {
  readonly kind: "diagnostics"
  readonly seq: number
}

/** Does nothing and answers: the cost of the round trip itself. */
export interface PingRequest {
  readonly kind: "ping"
  readonly seq: number
}

/** Every request the caller may send and wait for. */
export type Request =
  | CallRequest
  | OpenStreamRequest
  | PullRequest
  | CloseStreamRequest
  | DiagnosticsRequest
  | PingRequest

/** Everything the worker may receive: the requests, and the one-way release. */
export type Message = Request | ReleaseStreamsMessage

/** The worker's answer to one request. */
export type Reply =
  | { readonly seq: number; readonly ok: true; readonly value: unknown }
  | { readonly seq: number; readonly ok: true; readonly stream: number }
  | { readonly seq: number; readonly ok: true; readonly items: ReadonlyArray<unknown>; readonly done: boolean }
  | { readonly seq: number; readonly ok: false; readonly error: unknown }

/** What the worker is started with. */
export interface WorkerData {
  readonly signal: SharedArrayBuffer
  readonly options: unknown
}
