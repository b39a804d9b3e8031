// The parts-catalog models of @ofsc/models: lenient response schemas and strict `...Input` request schemas.

export * from "./generated/decoders/parts-catalog.js"
export * from "./generated/parts-catalog.js"
