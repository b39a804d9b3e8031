/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): the receiver recomputes
 * HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}` with the shared secret and compares
 * it with `webhook-signature` (`v1,<base64>`). Secrets stay `Redacted` until the HMAC reads them.
 */
import { createHmac } from "node:crypto"
import { Redacted } from "effect"

/** The prefix of a secret in the spec's own format; what follows it is the key in base64. */
const secretPrefix = "whsec_"

/** The HMAC key of a secret: `whsec_<base64>` is the decoded bytes, any other text its UTF-8 bytes. */
export const webhookSecretKey = (secret: Redacted.Redacted<string>): Buffer => {
  const text = Redacted.value(secret)
  return text.startsWith(secretPrefix)
    ? Buffer.from(text.slice(secretPrefix.length), "base64")
    : Buffer.from(text, "utf8")
}

/** What a signature covers: the message's id, its send time in unix seconds, and the exact body sent. */
export interface WebhookSignatureInput {
  readonly id: string
  readonly timestamp: number
  readonly body: string
  readonly secret: Redacted.Redacted<string>
}

/** The `webhook-signature` value for a message: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`. */
export const signWebhook = (input: WebhookSignatureInput): string =>
  `v1,${createHmac("sha256", webhookSecretKey(input.secret))
    .update(`${input.id}.${input.timestamp}.${input.body}`, "utf8")
    .digest("base64")}`

/** The three Standard Webhooks headers of a message, signed. */
export const webhookHeaders = (input: WebhookSignatureInput): Readonly<Record<string, string>> => ({
  "webhook-id": input.id,
  "webhook-timestamp": String(input.timestamp),
  "webhook-signature": signWebhook(input)
})
