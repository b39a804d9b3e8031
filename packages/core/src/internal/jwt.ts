/** RS256 JSON Web Tokens with node:crypto, for the OFS JWT bearer grant. */
import { createPrivateKey, createSign, type KeyObject } from "node:crypto"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { OfscAuthenticationError } from "../OfscError.js"

const base64url = (input: string | Buffer): string => Buffer.from(input).toString("base64url")

/** The claims OFS reads from an assertion. */
export interface AssertionClaims {
  readonly iss: string
  readonly sub: string
  readonly aud: string
  readonly iat: number
  readonly exp: number
}

/**
 * Reads a PEM private key that can sign RS256, or says why it cannot. OpenSSL's reason is kept:
 * it names the format problem and never quotes the key.
 */
export const readRsaPrivateKey = (privateKeyPem: string): Either.Either<KeyObject, string> =>
  Either.flatMap(
    Either.try({
      try: () => createPrivateKey(privateKeyPem),
      catch: (error) => `is not a readable PEM private key (${error instanceof Error ? error.message : String(error)})`
    }),
    (key) =>
      key.asymmetricKeyType === "rsa"
        ? Either.right(key)
        : Either.left(`must be an RSA key for RS256, not ${key.asymmetricKeyType ?? "a symmetric key"}`)
  )

/**
 * Signs the claims with an RSA private key (PEM) and answers the compact JWT. A key that cannot
 * sign (the configuration checks it, so only a hand-built config gets here) fails the token
 * request before anything is sent, as an authentication error with status 0.
 */
export const signRs256 = (
  claims: AssertionClaims,
  privateKeyPem: string,
  keyId?: string
): Effect.Effect<string, OfscAuthenticationError> => {
  const header = keyId === undefined ? { alg: "RS256", typ: "JWT" } : { alg: "RS256", typ: "JWT", kid: keyId }
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  return Effect.try({
    try: () => `${signingInput}.${base64url(createSign("RSA-SHA256").update(signingInput).sign(privateKeyPem))}`,
    catch: (error) =>
      new OfscAuthenticationError({
        operation: "auth.token",
        method: "POST",
        path: "/rest/oauthTokenService/v2/token",
        status: 0,
        title: "the JWT assertion could not be signed",
        detail: error instanceof Error ? error.message : String(error)
      })
  })
}
