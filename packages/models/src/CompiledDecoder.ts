/**
 * The contract of the decoders the generator compiles from the lenient models
 * (`src/generated/decoders/`): plain functions over parsed JSON that answer what the model's Schema
 * decode answers, or `invalid` where it fails (the Schema then says why).
 */

/** What a compiled decoder answers for JSON its model refuses. A registered symbol: other packages compare it without importing this module. */
export const invalid: unique symbol = Symbol.for("@ofsc/models/invalid")

/** The type of {@link invalid}. */
export type Invalid = typeof invalid

/**
 * A compiled decoder: the decoded value (nulls of optional fields dropped, unknown keys kept), or
 * `invalid`. It never throws.
 *
 * @example
 * const shift = decodeShift(JSON.parse(text))
 * if (shift !== invalid) console.log(shift.label)
 */
export type CompiledDecoder<A> = (json: unknown) => A | Invalid
