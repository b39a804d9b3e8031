/**
 * Building blocks the generated models use: open enums for lenient decoding and the OFS date and
 * time string formats for strict encoding.
 */
import * as Schema from "effect/Schema"

/** A string enum that still accepts values OFS adds later; the known values keep autocompletion. */
export interface OpenEnum<L extends string> extends Schema.Schema<L | (string & {}), string> {}

/** Lenient string enum: any string decodes, the known literals stay visible in the type. */
export const OpenEnum = <const L extends ReadonlyArray<string>>(...literals: L): OpenEnum<L[number]> =>
  Schema.Union(Schema.Literal(...literals), Schema.String) as unknown as OpenEnum<L[number]>

/** A numeric enum that still accepts values OFS adds later. */
export interface OpenNumberEnum<L extends number> extends Schema.Schema<L | (number & {}), number> {}

/** Lenient numeric enum: any number decodes, the known values stay visible in the type. */
export const OpenNumberEnum = <const L extends ReadonlyArray<number>>(...literals: L): OpenNumberEnum<L[number]> =>
  Schema.Union(Schema.Literal(...literals), Schema.Number) as unknown as OpenNumberEnum<L[number]>

/** The string formats OFS writes dates and times in, as the schemas below name them. */
export type OfsFormat = "date" | "time" | "datetime"

/** The annotation that names a string schema's OFS format (read with `SchemaReader.formatOf`). */
export const OfsFormatAnnotationId: unique symbol = Symbol.for("@ofsc/models/annotation/OfsFormat")

/** A calendar date as OFS writes it: `YYYY-MM-DD`. */
export const OfsDate = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}$/),
  Schema.annotations({ identifier: "OfsDate", [OfsFormatAnnotationId]: "date" satisfies OfsFormat })
)

/** A time of day as OFS writes it: `HH:MM` or `HH:MM:SS`. */
export const OfsTime = Schema.String.pipe(
  Schema.pattern(/^\d{2}:\d{2}(:\d{2})?$/),
  Schema.annotations({ identifier: "OfsTime", [OfsFormatAnnotationId]: "time" satisfies OfsFormat })
)

/** A local date and time as OFS writes it: `YYYY-MM-DD HH:MM:SS` (a space, no zone). */
export const OfsDateTime = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  Schema.annotations({ identifier: "OfsDateTime", [OfsFormatAnnotationId]: "datetime" satisfies OfsFormat })
)

/** The extra keys a tenant adds to activities, resources, users, inventories and requests (`XA_...`). */
export const CustomProperties = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** A free-form JSON object. */
export const FreeFormObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** An optional response field that OFS may also send as `null` (decoded as absent). */
export const OptionalNullable = <S extends Schema.Schema.All>(
  self: S
): Schema.optionalWith<S, { readonly nullable: true }> => Schema.optionalWith(self, { nullable: true })
