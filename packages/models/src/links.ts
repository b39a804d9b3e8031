/**
 * OFS adds a `links` array (canonical, next, describedby, ...) to most responses. The models leave
 * it out of their types; decoding keeps the key, and `linksOf` reads it back.
 */
import * as Schema from "effect/Schema"

/** One hypermedia link of an OFS response. */
export const Link = Schema.Struct({
  rel: Schema.String,
  href: Schema.String,
  mediaType: Schema.optional(Schema.String)
})

/** The type of {@link Link}. */
export type Link = typeof Link.Type

const isLink = Schema.is(Link)

/** The well-formed links a decoded response carries (an empty array when it has none). */
export const linksOf = (value: unknown): ReadonlyArray<Link> => {
  if (typeof value !== "object" || value === null || !("links" in value)) return []
  const links = (value as { readonly links: unknown }).links
  return Array.isArray(links) ? links.filter(isLink) : []
}

/** The `href` of the first link with relation `rel`, if any (e.g. `linkHref(page, "next")`). */
export const linkHref = (value: unknown, rel: string): string | undefined =>
  linksOf(value).find((link) => link.rel === rel)?.href
