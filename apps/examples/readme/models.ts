// Decodes an OFS answer leniently and checks a request body strictly, with no I/O.
import { CreateShiftSchemaInput, Shift } from "@ofsc/models/metadata"
import { Either, ParseResult, Schema } from "effect"

// what OFS sends: nulls and unknown enum values decode
const answer = {
  label: "night",
  name: "Night",
  active: true,
  type: "split",
  workTimeStart: "22:00:00",
  workTimeEnd: "06:00:00",
  points: null
}
const shift = Schema.decodeUnknownSync(Shift)(answer)
console.log(`${shift.label}: ${shift.type}, points ${shift.points ?? "none"}`)

// what the client sends: only the spec's values pass
const body = Schema.decodeUnknownEither(CreateShiftSchemaInput)({ ...answer, points: undefined })
if (Either.isLeft(body)) {
  const [issue] = ParseResult.ArrayFormatter.formatErrorSync(body.left)
  console.log(`rejected at ${issue?.path.join(".")}: ${issue?.message}`)
}
