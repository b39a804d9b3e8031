/**
 * `@ofsc/core`: the services every `@ofsc` API package runs on (config, auth, transport, errors and
 * paging) for the Oracle Fusion Field Service REST API, and the ofscCore API itself (OfscCore).
 *
 * @packageDocumentation
 */

export * as AttemptDeadline from "./AttemptDeadline.js"
export type { EventPoll, EventPollsOptions } from "./EventPolls.js"
export * as EventPolls from "./EventPolls.js"
export type { EventStreamOptions } from "./EventStream.js"
export * as CoreOperations from "./generated/operations.js"
export * as LocalTime from "./LocalTime.js"
export * from "./OfscAuth.js"
export type { OfscClientExtras, OfscClientOptions, TransformClient } from "./OfscClient.js"
export * as OfscClient from "./OfscClient.js"
export * from "./OfscConfig.js"
export * from "./OfscCore.js"
export * from "./OfscError.js"
export * as OfscHttpClient from "./OfscHttpClient.js"
export * from "./OfscTransport.js"
export type {
  AnyOperation,
  BinaryContent,
  HttpMethod,
  MultipartValue,
  Operation as OfscOperation,
  OperationArgs,
  OperationInput,
  OperationOutput,
  PagingKind,
  WriteProof,
  WriteSafety,
  WriteSafetyKind
} from "./Operation.js"
export * as Operation from "./Operation.js"
export * as Paging from "./Paging.js"
export * as SafeWrites from "./SafeWrites.js"
