/**
 * `@ofsc/collaboration`: the ofscCollaboration API of Oracle Fusion Field Service as an Effect service (OfscCollaboration), and its
 * operation table (CollaborationOperations: one descriptor per operation, plus the query and body schemas).
 *
 * @packageDocumentation
 */

export * as CollaborationOperations from "./generated/operations.js"
export * from "./OfscCollaboration.js"
