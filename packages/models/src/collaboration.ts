// The collaboration models of @ofsc/models: lenient response schemas and strict `...Input` request schemas.
export * from "./generated/collaboration.js"
export * from "./generated/decoders/collaboration.js"
