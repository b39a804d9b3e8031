// The statistics models of @ofsc/models: lenient response schemas and strict `...Input` request schemas.
export * from "./generated/statistics.js"
