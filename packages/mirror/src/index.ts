/**
 * @ofsc/mirror: a database (SQLite or Postgres) kept current with an Oracle Fusion Field Service
 * instance: first load, then events applied exactly once, changes forwarded as signed webhooks and
 * as a Stream.
 */

export type { AppliedPoll } from "./apply/applyPoll.js"
export { databaseError, databaseLayer } from "./database/connect.js"
export { type DatabaseLocation, parseDatabaseLocation } from "./database/location.js"
export type { LoadProgress } from "./load/firstLoad.js"
export { Mirror, type MirrorProgress, type MirrorShape, type RunOptions } from "./Mirror.js"
export {
  MirrorBusy,
  MirrorDatabaseError,
  type MirrorError,
  MirrorOptionsError,
  MirrorSchemaTooNew
} from "./MirrorError.js"
export { type MirrorEntityName, type MirrorOptions, mirrorEntities } from "./MirrorOptions.js"
export { type MirrorRun, type MirrorStatus, readStatus } from "./MirrorStatus.js"
export type { ChangeRecord } from "./outbox/changes.js"
export {
  type DeliveryRow,
  type DeliveryState,
  type ListDeliveriesOptions,
  listDeliveries,
  type RetryDeliveriesOptions,
  retryDeliveries
} from "./outbox/deliveries.js"
export type { WebhookEndpoint } from "./outbox/webhooks.js"
export type { MirrorPhase, MirrorPosition } from "./state/mirrorState.js"
export { MirrorSync, type MirrorSyncClient, MirrorSyncError, type MirrorSyncOptions } from "./sync/MirrorSync.js"
export type { MirrorEntity } from "./tables/tables.js"
