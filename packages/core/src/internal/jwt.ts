/** RS256 JSON Web Tokens with node:crypto, for the OFS JWT bearer grant. */
import { createPrivateKey, createSign } from "node:crypto"

const base64url = (input: string | Buffer): string => Buffer.from(input).toString("base64url")

/** The claims OFS reads from an assertion. */
export interface AssertionClaims {
  readonly iss: string
  readonly sub: string
  readonly aud: string
  readonly iat: number
  readonly exp: number
}

/** Signs the claims with an RSA private key (PEM) and returns the compact JWT. */
export const signRs256 = (claims: AssertionClaims, privateKeyPem: string, keyId?: string): string => {
  const header = keyId === undefined ? { alg: "RS256", typ: "JWT" } : { alg: "RS256", typ: "JWT", kid: keyId }
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = createSign("RSA-SHA256").update(signingInput).sign(createPrivateKey(privateKeyPem))
  return `${signingInput}.${base64url(signature)}`
}
