/**
 * Collaboration chats: starting one records its recipients as participants and its opening text as
 * the first message; an invitation adds a participant. Participants live in
 * `chats/<chatId>/participants`, messages in `chats/<chatId>/messages`.
 */
import { create, type PlanHandler } from "../../engine/collections.js"
import type { Engine } from "../../engine/engine.js"
import { naturalKey } from "../../engine/recordKey.js"
import { isRecord } from "../../engine/records.js"

const addParticipant = (engine: Engine, chatId: string, login: string) => {
  const record = { login }
  engine.store.collection(`chats/${chatId}/participants`).put(naturalKey(record), record)
}

/** POST /chats: the chat, its participants and its first message. */
export const startChat: PlanHandler = (engine, plan, call) => {
  const answer = create(engine, plan, call)
  const chatId = isRecord(answer.json) ? answer.json.chatId : undefined
  if (chatId === undefined || !isRecord(call.body)) return answer
  const recipients = Array.isArray(call.body.recipients) ? call.body.recipients : []
  for (const login of recipients) addParticipant(engine, String(chatId), String(login))
  if (typeof call.body.text === "string") {
    const messages = engine.store.collection(`chats/${String(chatId)}/messages`)
    const messageId = engine.nextId("messages", messages, "messageId")
    messages.put(String(messageId), { messageId, chatId, text: call.body.text })
  }
  return answer
}

/** POST /chats/{chatId}/participants/invite: adds the invited user. */
export const inviteToChat: PlanHandler = (engine, plan, call) => {
  const login = isRecord(call.body) ? call.body.login : undefined
  if (typeof login === "string") addParticipant(engine, call.params.chatId ?? "", login)
  return engine.answer(plan, undefined)
}
