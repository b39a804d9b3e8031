// The parts-catalog models of @ofsc/models: lenient response schemas and strict `...Input` request schemas.
export * from "./generated/parts-catalog.js"
