// The metadata models of @ofsc/models: lenient response schemas and strict `...Input` request schemas.

export * from "./generated/decoders/metadata.js"
export * from "./generated/metadata.js"
