/**
 * One attempt to deliver a change to an endpoint: a signed POST whose outcome is "received" (a 2xx
 * answer) or a short reason it was not. Redirects are never followed (a 3xx is a failure), so a
 * signed message only goes where it was configured to; the reason never quotes the URL or secret.
 */
import { FetchHttpClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { Clock, Duration, Effect, Redacted } from "effect"
import { webhookHeaders } from "./signing.js"
import { type OutboxChange, type WebhookEndpoint, webhookId, webhookPayload } from "./webhooks.js"

/** What an attempt came to: received, or not and why (a text safe to store and show). */
export type SendOutcome = { readonly received: true } | { readonly received: false; readonly reason: string }

/** How long a failed answer's body may take to read: it is read only to quote it and free the connection. */
const bodyWait = Duration.seconds(2)

/** The longest reason stored. */
const reasonLength = 300

/** Removes from a text whatever could reveal the endpoint's URL credentials or its secret. */
const scrub = (endpoint: WebhookEndpoint, text: string): string => {
  const secrets = [Redacted.value(endpoint.secret), endpoint.url]
  try {
    const url = new URL(endpoint.url)
    secrets.push(url.href, url.username, url.password, decodeURIComponent(url.password), url.search)
  } catch {
    // an unparsable URL is already refused as such, and hidden whole above
  }
  let out = text
  for (const secret of secrets) if (secret.length > 1) out = out.split(secret).join("***")
  out = out.replace(/\s+/g, " ").trim()
  return out.length > reasonLength ? `${out.slice(0, reasonLength - 1)}…` : out
}

/** A transport failure's chain of causes, as "fetch failed: other side closed (UND_ERR_SOCKET)". */
const describeCause = (cause: unknown): string => {
  const parts: Array<string> = []
  let current: unknown = cause
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code
      const message = current.message !== "" ? current.message : current.name
      parts.push(typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message)
      current = (current as { cause?: unknown }).cause
    } else {
      parts.push(String(current))
      current = undefined
    }
  }
  return parts.length === 0 ? "unknown error" : parts.join(": ")
}

/** The reason for an answer that is not a 2xx, with the start of its body. */
const statusReason = (status: number, body: string): string => {
  const quoted = body.trim() === "" ? "" : `: ${body}`
  return status >= 300 && status < 400
    ? `HTTP ${status} (redirects are not followed)${quoted}`
    : `HTTP ${status}${quoted}`
}

/** POSTs a change to an endpoint, signed for this attempt; waits at most `timeout` for the answer's status. */
export const sendChange = (
  endpoint: WebhookEndpoint,
  change: OutboxChange,
  timeout: Duration.DurationInput
): Effect.Effect<SendOutcome, never, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const client = HttpClient.withTracerPropagation(yield* HttpClient.HttpClient, false)
    const body = JSON.stringify(webhookPayload(change))
    const timestamp = Math.floor((yield* Clock.currentTimeMillis) / 1000)
    const request = HttpClientRequest.post(endpoint.url).pipe(
      HttpClientRequest.setHeaders({
        ...webhookHeaders({ id: webhookId(change.changeId), timestamp, body, secret: endpoint.secret }),
        "user-agent": "ofsc-mirror"
      }),
      HttpClientRequest.bodyText(body, "application/json")
    )
    const response = yield* client
      .execute(request)
      .pipe(Effect.timeoutFail({ duration: timeout, onTimeout: () => `no answer within ${Duration.format(timeout)}` }))
    const ok = response.status >= 200 && response.status < 300
    // the body never changes the outcome; a 2xx's is read (and dropped) only to free the connection
    const text = yield* response.text.pipe(
      Effect.timeout(bodyWait),
      Effect.orElseSucceed(() => "")
    )
    return ok
      ? ({ received: true } as const)
      : ({ received: false, reason: statusReason(response.status, text) } as const)
  }).pipe(
    // the fetch client follows redirects unless told not to; other clients ignore this service
    Effect.provideService(FetchHttpClient.RequestInit, { redirect: "manual" }),
    Effect.catchAll((error) =>
      Effect.succeed({
        received: false as const,
        reason:
          typeof error === "string"
            ? error
            : error.reason === "InvalidUrl"
              ? "the endpoint's URL is not valid"
              : `could not send: ${describeCause(error.cause)}`
      })
    ),
    Effect.map((outcome) => (outcome.received ? outcome : { received: false, reason: scrub(endpoint, outcome.reason) }))
  )
