// The capacity models of @ofsc/models: lenient response schemas and strict `...Input` request schemas.
export * from "./generated/capacity.js"
export * from "./generated/decoders/capacity.js"
