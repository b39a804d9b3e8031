// The same one call as `ofsc metadata shifts get day` with raw undici and no Effect: an OAuth2 token
// (client credentials), then the GET. The floor of pnpm bench:cli: Node, undici and two round trips.
import { request } from "undici"

const { OFSC_BASE_URL: base, OFSC_INSTANCE: instance, OFSC_CLIENT_ID: id, OFSC_CLIENT_SECRET: secret } = process.env

const token = await request(`${base}/rest/oauthTokenService/v2/token`, {
  method: "POST",
  headers: {
    authorization: `Basic ${Buffer.from(`${id}@${instance}:${secret}`).toString("base64")}`,
    "content-type": "application/x-www-form-urlencoded"
  },
  body: "grant_type=client_credentials"
})
if (token.statusCode !== 200) throw new Error(`token: status ${token.statusCode}`)
const { access_token } = await token.body.json()
const response = await request(`${base}/rest/ofscMetadata/v1/shifts/day`, {
  headers: { authorization: `Bearer ${access_token}`, accept: "application/json" }
})
if (response.statusCode !== 200) throw new Error(`get: status ${response.statusCode}`)
process.stdout.write(`${JSON.stringify(await response.body.json())}\n`)
