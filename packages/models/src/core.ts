// The core models of @ofsc/models: lenient response schemas and strict `...Input` request schemas.
export * from "./generated/core.js"
export * from "./generated/decoders/core.js"
