/**
 * Authentication as OFS does it: Basic with `clientId@instance:secret`, and bearer tokens from the
 * token service (v1 answers `token`, v2 `access_token`) for the client-credentials and JWT-bearer
 * grants. Tokens expire; a missing, wrong or expired credential gets 401.
 */
import { createPublicKey, createVerify, randomBytes } from "node:crypto"
import { ofsError, ok, type SimResponse } from "../engine/answers.js"

/** An application the simulator knows. */
export interface SimApplication {
  readonly clientId: string
  readonly clientSecret: string
  /** The id that ends a JWT audience `ofsc:<instance>:<applicationId>`; defaults to the client id. */
  readonly applicationId?: string | undefined
  /** PEM public key that verifies this application's JWT assertions. */
  readonly publicKey?: string | undefined
}

interface IssuedToken {
  readonly clientId: string
  readonly expiresAt: number
}

const decodeSegment = (segment: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"))
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The applications, the tokens issued to them, and the checks. */
export class Auth {
  private readonly tokens = new Map<string, IssuedToken>()
  /** How many tokens the token service has issued (tests count refreshes with it). */
  issued = 0

  constructor(
    readonly instance: string,
    private readonly applications: Array<SimApplication>,
    /** Lifetime of issued tokens, in seconds. */
    public tokenTtlSeconds: number
  ) {}

  /** Adds an application (a JWT public key, a second client). */
  register(application: SimApplication): void {
    this.applications.push(application)
  }

  private basic(header: string | undefined): SimApplication | undefined {
    if (header === undefined || !header.startsWith("Basic ")) return undefined
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8")
    const colon = decoded.indexOf(":")
    const user = decoded.slice(0, colon)
    const secret = decoded.slice(colon + 1)
    return this.applications.find((a) => `${a.clientId}@${this.instance}` === user && a.clientSecret === secret)
  }

  /** The client id a request authenticates as, or the 401 to answer. */
  authenticate(header: string | undefined): string | SimResponse {
    if (header === undefined) return ofsError(401, "Authentication is required")
    if (header.startsWith("Bearer ")) {
      const token = this.tokens.get(header.slice(7))
      if (token === undefined) return ofsError(401, "The access token is not valid")
      if (token.expiresAt <= Date.now()) return ofsError(401, "The access token has expired")
      return token.clientId
    }
    const app = this.basic(header)
    return app === undefined ? ofsError(401, "The client credentials are not valid") : app.clientId
  }

  /** POST /rest/oauthTokenService/v{1,2}/token with its form fields. */
  tokenService(version: 1 | 2, authorization: string | undefined, form: Readonly<Record<string, string>>): SimResponse {
    const grant = form.grant_type
    let clientId: string
    if (grant === "client_credentials") {
      const app = this.basic(authorization)
      if (app === undefined) return ofsError(401, "The client credentials are not valid")
      clientId = app.clientId
    } else if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
      const verified = this.verifyAssertion(form.assertion)
      if (typeof verified !== "string") return verified
      clientId = verified
    } else {
      return ofsError(400, `grant_type: expected client_credentials or urn:ietf:params:oauth:grant-type:jwt-bearer`)
    }
    const token = randomBytes(24).toString("base64url")
    this.tokens.set(token, { clientId, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 })
    this.issued++
    const common = { token_type: "bearer", expires_in: this.tokenTtlSeconds }
    return ok(version === 1 ? { token, ...common } : { access_token: token, ...common })
  }

  private verifyAssertion(assertion: string | undefined): string | SimResponse {
    const parts = assertion?.split(".") ?? []
    if (parts.length !== 3) return ofsError(400, "assertion: not a JWT")
    const [head, body, signature] = parts as [string, string, string]
    const header = decodeSegment(head)
    const claims = decodeSegment(body)
    if (header?.alg !== "RS256" || claims === undefined) return ofsError(400, "assertion: expected an RS256 JWT")
    const audience = String(claims.aud ?? "")
    const [ofsc, instance, applicationId] = audience.split(":")
    if (ofsc !== "ofsc" || instance !== this.instance) return ofsError(401, `assertion: unknown audience ${audience}`)
    const app = this.applications.find((a) => (a.applicationId ?? a.clientId) === applicationId && a.publicKey)
    if (app?.publicKey === undefined) return ofsError(401, `assertion: no key for application ${applicationId}`)
    const valid = createVerify("RSA-SHA256")
      .update(`${head}.${body}`)
      .verify(createPublicKey(app.publicKey), Buffer.from(signature, "base64url"))
    if (!valid) return ofsError(401, "assertion: bad signature")
    const now = Math.floor(Date.now() / 1000)
    if (typeof claims.exp !== "number" || claims.exp < now) return ofsError(401, "assertion: expired")
    return app.clientId
  }
}
