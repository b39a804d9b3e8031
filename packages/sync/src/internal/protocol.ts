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

/** Opens a stream method; later `pull`s read it one chunk (one page) at a time. */
export interface OpenStreamRequest {
  readonly kind: "open"
  readonly seq: number
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

/** Does nothing and answers: the cost of the round trip itself. */
export interface PingRequest {
  readonly kind: "ping"
  readonly seq: number
}

/** Every request the caller may send. */
export type Request = CallRequest | OpenStreamRequest | PullRequest | CloseStreamRequest | PingRequest

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
