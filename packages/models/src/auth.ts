// @ofsc/models/auth: the token service uses only inline shapes, so this entry is empty for now.
export * from "./generated/auth.js"
export * from "./generated/decoders/auth.js"
