/**
 * Hand-written naming decisions for the generated models: what the generator cannot guess from the
 * spec alone.
 */

/**
 * Definitions whose PascalCase name would collide with another definition (the lowercase ones are
 * event and sub-resource shapes, so their names say where they appear) or with a JavaScript global.
 */
export const modelRenames: Readonly<Record<string, string>> = {
  // the free-form answers inside a submitted form (submittedForm, formSubmitted event)
  formDetails: "SubmittedFormDetails",
  // GET/POST resources/{resourceId}/workSkills (metadata's WorkSkills is the work skill catalogue)
  workSkills: "ResourceWorkSkills",
  // the chat message carried by chatMessageSent / transactionUpdated events
  message: "EventChatMessage",
  // the chat participant carried by the chatUpdated event
  participant: "EventChatParticipant",
  // names that would shadow JavaScript globals in user code (Error, Event, File)
  Error: "ErrorResponse",
  event: "OfsEvent",
  file: "FileContent",
  // scalar aliases the spec suffixes with "Input": the suffix is kept for the strict variants
  durationInput: "Duration",
  serviceWindowStartInput: "ServiceWindowStart",
  serviceWindowEndInput: "ServiceWindowEnd",
  slaWindowStartInput: "SlaWindowStart",
  slaWindowEndInput: "SlaWindowEnd",
  timeDeliveredStartInput: "TimeDeliveredStart",
  timeDeliveredEndInput: "TimeDeliveredEnd"
}
