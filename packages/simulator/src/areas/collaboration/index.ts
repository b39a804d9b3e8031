/** Collaboration: chats and their participants. */
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import { inviteToChat, startChat } from "./chats.js"

/** Every behaviour of the collaboration area. */
export const collaborationBehaviours = (): Behaviours =>
  new BehaviourTable()
    .answer("collaboration.chats.create", startChat)
    .answer("collaboration.chats.participants.invite", inviteToChat).behaviours
