/** The real client against a simulator: config, Basic auth, undici, and the generated API services. */
import { OfscCapacity } from "@ofsc/capacity"
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { OfscStatistics } from "@ofsc/statistics"
import { Effect, Layer } from "effect"
import { defaultApplication, type SimulatorHandle, simulatorClientOptions } from "../../src/index.js"

/** OfscCore, OfscMetadata, OfscCapacity and OfscStatistics over one transport pointed at the simulator. */
export const servicesFor = (sim: SimulatorHandle) =>
  Layer.mergeAll(OfscCore.layer, OfscMetadata.layer, OfscCapacity.layer, OfscStatistics.layer).pipe(
    Layer.provideMerge(OfscClient.layer(simulatorClientOptions(sim, { retry: false }))),
    Layer.provide(OfscHttpClient.layerUndici)
  )

/** What a plain HTTP call answered: the status and the parsed JSON body, if any. */
export interface RawAnswer {
  readonly status: number
  readonly json: unknown
}

/** A plain HTTP call with the default Basic credentials, for statuses and bodies the client would refuse to send. */
export const send = (sim: SimulatorHandle, method: string, path: string, body?: unknown) =>
  Effect.promise(async (): Promise<RawAnswer> => {
    const user = `${defaultApplication.clientId}@${sim.instance}:${defaultApplication.clientSecret}`
    const response = await fetch(sim.url + path, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(user).toString("base64")}`,
        ...(body === undefined ? {} : { "content-type": "application/json" })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return { status: response.status, json: text === "" ? undefined : JSON.parse(text) }
  })
