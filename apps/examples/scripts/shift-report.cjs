// A plain CommonJS script, as old cron jobs are written: no Effect, no await.
// It reads OFSC_BASE_URL (or OFSC_INSTANCE), OFSC_CLIENT_ID and OFSC_CLIENT_SECRET, prints the shifts
// by type, creates a temporary shift, reads it back and deletes it.
const { createOfscSync, OfscNotFound } = require("@ofsc/sync")

const ofs = createOfscSync({
  baseUrl: process.env.OFSC_BASE_URL,
  instance: process.env.OFSC_INSTANCE,
  clientId: process.env.OFSC_CLIENT_ID,
  clientSecret: process.env.OFSC_CLIENT_SECRET
})

try {
  const byType = {}
  for (const shift of ofs.metadata.shifts.stream()) {
    byType[shift.type] = (byType[shift.type] || 0) + 1
  }
  console.log(`shifts by type: ${JSON.stringify(byType)}`)

  const label = `cron_${process.pid}`
  ofs.metadata.shifts.put(label, {
    name: "Created by the cron example",
    active: true,
    type: "regular",
    workTimeStart: "07:00:00",
    workTimeEnd: "15:00:00"
  })
  const created = ofs.metadata.shifts.get(label)
  console.log(`created ${created.label}: ${created.workTimeStart}-${created.workTimeEnd}`)

  ofs.metadata.shifts.delete(label)
  try {
    ofs.metadata.shifts.get(label)
    console.log("still there?")
    process.exitCode = 1
  } catch (error) {
    if (!(error instanceof OfscNotFound)) throw error
    console.log(`deleted ${label}`)
  }
} finally {
  ofs.close()
}
