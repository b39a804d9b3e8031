/**
 * What a webhook endpoint is and what it receives: one message per change of `mirror_changes`, whose
 * body is the same on every attempt (only the `webhook-timestamp` header and its signature change),
 * so a receiver can deduplicate on `webhook-id`.
 */
import type { Redacted } from "effect"

/** Where changes are sent; `name` is what the outbox records, never the URL or the secret. */
export interface WebhookEndpoint {
  readonly name: string
  readonly url: string
  /** `whsec_<base64>` (the Standard Webhooks format) or any other text, used as UTF-8 bytes. */
  readonly secret: Redacted.Redacted<string>
  /** The entities it wants (`activity`, `resource`...); every entity when absent. */
  readonly entities?: ReadonlyArray<string>
}

/** Whether an endpoint wants the changes of an entity (so a delivery row is made for it). */
export const endpointWants = (endpoint: WebhookEndpoint, entity: string): boolean =>
  endpoint.entities === undefined || endpoint.entities.includes(entity)

/** What kind of change a row of `mirror_changes` records. */
export type ChangeKind = "created" | "updated" | "deleted"

/** A row of `mirror_changes`, read: `fields` and `row` parsed from their JSON text. */
export interface OutboxChange {
  readonly changeId: number
  readonly entity: string
  readonly entityKey: string
  readonly kind: ChangeKind
  readonly eventType: string | null
  readonly occurredAt: string | null
  readonly appliedAt: string
  readonly fields: ReadonlyArray<string>
  /** The row's whole OFS answer after the change; null when it was deleted. */
  readonly row: unknown
}

/** The JSON body of a webhook message, in the Standard Webhooks shape (`type`, `timestamp`, `data`). */
export interface WebhookPayload {
  readonly id: string
  /** `ofsc.<entity>.<kind>`, e.g. `ofsc.activity.updated`. */
  readonly type: string
  /** When the mirror applied the change (ISO 8601 UTC), the same on every attempt. */
  readonly timestamp: string
  readonly data: {
    readonly entity: string
    readonly key: string
    readonly kind: ChangeKind
    readonly eventType: string | null
    readonly occurredAt: string | null
    readonly fields: ReadonlyArray<string>
    readonly row: unknown
  }
}

/**
 * The `webhook-id` of a change, the same on every attempt and for every endpoint. A change id is
 * never reused within a database (it is a serial), so the id is unique per database; two mirrors
 * on different databases can send the same id, which receivers of both should keep apart.
 */
export const webhookId = (changeId: number): string => `chg_${changeId}`

/** The body sent for a change. */
export const webhookPayload = (change: OutboxChange): WebhookPayload => ({
  id: webhookId(change.changeId),
  type: `ofsc.${change.entity}.${change.kind}`,
  timestamp: change.appliedAt,
  data: {
    entity: change.entity,
    key: change.entityKey,
    kind: change.kind,
    eventType: change.eventType,
    occurredAt: change.occurredAt,
    fields: change.fields,
    row: change.row
  }
})
