// Backups from the app, in the engine of the window: Settings → Backups shows
// the last (automatic) backup as verified, "Back up now" writes and verifies
// one, a relative folder is refused next to the field, and a restore first
// shows what the backup holds, then replaces the workspace (people are there
// afterwards).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'

const T = { timeout: 30_000 }

export async function run({ page, shot, log, waitForBindings, dataDir }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  // run on its own, the workspace is empty: a person to back up and restore
  const n = await page.evaluate(async () => (await window.go.app.PeopleAPI.Directory()).people.length)
  if (n === 0) {
    await page.evaluate(() => window.go.app.PeopleAPI.CreatePerson({ name: 'Bea Backup', timezone: 'Europe/Berlin' }))
    await page.reload()
    await waitForBindings()
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(T)
  const panel = page.getByRole('region', { name: 'Backups' })
  await panel.waitFor(T)
  await panel.scrollIntoViewIfNeeded()

  await panel.getByRole('button', { name: 'Back up now' }).click()
  await page.getByText('Backed up and verified.').waitFor(T)
  const status = (await panel.getByTestId('backup-status').innerText()).replace(/\s+/g, ' ')
  log(`status: ${status}`)
  assert.match(status, /Last backup .*verified/)
  assert.match(status, /[1-9]\d* people/, 'the verification read people back')
  await shot('backups')

  // a relative folder is refused next to the field, and nothing is saved
  await panel.getByLabel('Folder').fill('relative/backups')
  await panel.getByRole('button', { name: 'Save' }).click()
  await panel.getByText('Choose a full path, like /home/you/Backups.').waitFor(T)
  await shot('folder-error')
  await panel.getByLabel('Folder').fill('')

  // restore: what the backup holds first, then the replacement
  const kept = panel.getByRole('list', { name: 'Backups kept' }).getByRole('listitem')
  assert.ok((await kept.count()) >= 1, 'the backups kept are listed')
  await kept.first().getByRole('button', { name: /^Restore the backup of/ }).click()
  const dlg = page.getByRole('alertdialog', { name: 'Restore this backup?' })
  await dlg.getByTestId('restore-summary').waitFor(T)
  const holds = await dlg.getByTestId('restore-summary').innerText()
  log(`the backup holds: ${holds}`)
  assert.match(holds, /[1-9]\d* people/)
  await shot('restore-dialog')
  await dlg.getByRole('button', { name: 'Replace my workspace' }).click()
  await page.getByText(/^Restored the backup of .*kept in/).waitFor(T)
  await dlg.waitFor({ state: 'detached', ...T })
  await shot('restored')

  // a file that is not a backup, chosen with "Restore from a file…" (the open
  // dialog answers WHEELHOUSE_TEST_OPEN_FILE's path, see run.mjs): refused
  // in the dialog before anything is replaced
  const junk = path.join(path.dirname(path.resolve(dataDir)), 'holiday-photos.backup')
  fs.writeFileSync(junk, 'WHEELHOUSE-BACKUP 1\n' + 'x'.repeat(64))
  fs.writeFileSync(process.env.WHEELHOUSE_TEST_OPEN_FILE, junk)
  await panel.getByRole('button', { name: 'Restore from a file…' }).click()
  const bad = page.getByRole('alertdialog', { name: 'Restore this backup?' })
  await bad.getByText('holiday-photos.backup holds:').waitFor(T)
  await bad.getByRole('alert').waitFor(T)
  log(`a damaged file: ${(await bad.getByRole('alert').innerText()).replace(/\s+/g, ' ')}`)
  assert.ok(await bad.getByRole('button', { name: 'Replace my workspace' }).isDisabled(), 'nothing to confirm for a damaged file')
  await shot('restore-damaged-file')
  await bad.getByRole('button', { name: 'Cancel' }).click()
  fs.rmSync(process.env.WHEELHOUSE_TEST_OPEN_FILE, { force: true })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor(T)
  const people = Number((holds.match(/(\d[\d,]*) people/) || [])[1]?.replace(/,/g, ''))
  await page.locator('tbody tr, [role="row"]').first().waitFor(T)
  log(`people after the restore: the backup had ${people}`)
}
