/** Parity table of ofscCollaboration and ofscPartsCatalog. */
import { call, later, type ParityCall, saving, seeded } from "./data.js"

/** The calls, in order; later calls may rely on the state earlier ones left. */
export const collaborationPartsCalls: ReadonlyArray<ParityCall> = [
  call("partsCatalog.catalogs.put", "e2e_catalog", "en-US", {
    name: "E2E parts",
    fieldSchemas: [
      { label: "name", name: "Name", searchable: true, preview: true },
      { label: "price", name: "Price" }
    ],
    typeSchemas: [{ itemType: "part", inventoryType: "router" }]
  }),
  call("partsCatalog.catalogs.items.put", "e2e_catalog", "en-US", "RX-100", {
    type: "part",
    fields: [
      { label: "name", value: "Router RX-100" },
      { label: "price", value: "99" }
    ]
  }),
  call("partsCatalog.catalogs.items.delete", "e2e_catalog", "en-US", "RX-100"),
  call("partsCatalog.catalogs.items.delete", "e2e_catalog", "en-US", "RX-100"),
  call("partsCatalog.catalogs.items.delete", "no_such_catalog", "en-US", "RX-100"),
  call("collaboration.addressBook.list", { limit: 5 }),
  call("collaboration.addressBook.stream", {}, { pageSize: 4 }),
  call("collaboration.chats.create", { recipients: [seeded.user(1)], text: "Can you take job 17?" }),
  call("collaboration.chats.messages.list", 99_999_999),
  call("collaboration.chats.leave", 99_999_999),
  saving("chat", "collaboration.chats.create", { recipients: [seeded.user(1)], text: "Parity chat" }),
  later("collaboration.chats.messages.create", (s) => [s.chat.chatId, { text: "It is urgent." }]),
  later("collaboration.chats.messages.list", (s) => [s.chat.chatId]),
  later("collaboration.chats.participants.invite", (s) => [s.chat.chatId, { login: seeded.user(2) }]),
  later("collaboration.chats.participants.list", (s) => [s.chat.chatId]),
  later("collaboration.chats.leave", (s) => [s.chat.chatId])
]
