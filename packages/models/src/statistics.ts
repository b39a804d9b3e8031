// The statistics models of @ofsc/models: lenient response schemas and strict `...Input` request schemas.

export * from "./generated/decoders/statistics.js"
export * from "./generated/statistics.js"
