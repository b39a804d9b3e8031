/**
 * The two OFS operations the demo uses, described by hand with their schemas. The generated tables
 * (one descriptor per OFS operation) replace these once they exist.
 */
import { Operation } from "@ofsc/core"
import { Schema } from "effect"

/** A resource as the demo reads it; other fields OFS sends are kept, not dropped. */
export const Resource = Schema.Struct({
  resourceId: Schema.String,
  name: Schema.optional(Schema.String),
  status: Schema.optional(Schema.String)
})

/** An activity as the demo reads it. */
export const Activity = Schema.Struct({
  activityId: Schema.Int,
  resourceId: Schema.optional(Schema.String),
  date: Schema.optional(Schema.String),
  status: Schema.optional(Schema.String),
  activityType: Schema.optional(Schema.String),
  timeSlot: Schema.optional(Schema.NullOr(Schema.String))
})

const Paged = <A, I>(item: Schema.Schema<A, I>) =>
  Schema.Struct({
    items: Schema.Array(item),
    hasMore: Schema.optional(Schema.Boolean),
    totalResults: Schema.optional(Schema.Int),
    offset: Schema.optional(Schema.Int),
    limit: Schema.optional(Schema.Int)
  })

/** GET /rest/ofscCore/v1/resources */
export const listResources = Operation.make({
  id: "core.resources.list",
  method: "GET",
  path: "/rest/ofscCore/v1/resources",
  query: Schema.Struct({ offset: Schema.optional(Schema.Int), limit: Schema.optional(Schema.Int) }),
  success: { kind: "json", schema: Paged(Resource) },
  paging: "offset-limit"
})

/** GET /rest/ofscCore/v1/activities */
export const listActivities = Operation.make({
  id: "core.activities.list",
  method: "GET",
  path: "/rest/ofscCore/v1/activities",
  query: Schema.Struct({
    resources: Schema.Array(Schema.String),
    dateFrom: Schema.String,
    dateTo: Schema.String,
    offset: Schema.optional(Schema.Int),
    limit: Schema.optional(Schema.Int)
  }),
  success: { kind: "json", schema: Paged(Activity) },
  paging: "offset-limit"
})
