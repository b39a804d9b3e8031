import type { OfscError } from "@ofsc/core"
import type { GetMessageResponse } from "@ofsc/models/collaboration"
import type { Effect } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import type { OfscCollaborationApi } from "../src/index.js"

/** Calls the compiler must refuse (checked by `tsc --noEmit` over test/); never run. */
export const refusedCalls = (collaboration: OfscCollaborationApi) => [
  // @ts-expect-error chatId is an integer
  collaboration.chats.messages.list("77"),
  // @ts-expect-error an invitation names the login to invite
  collaboration.chats.participants.invite(77, {})
]

describe("OfscCollaboration types", () => {
  it("answers the decoded model", () => {
    expectTypeOf<OfscCollaborationApi["chats"]["messages"]["list"]>().returns.toEqualTypeOf<
      Effect.Effect<GetMessageResponse, OfscError>
    >()
  })
})
