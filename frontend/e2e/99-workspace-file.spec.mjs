// Settings → Workspace file, in the engine of the window: the workspace is
// exported as JSON (the save dialog answers WHEELHOUSE_TEST_SAVE_FILE's path,
// see run.mjs; through the binding when the page has no native dialogs, as in
// this harness's browser), a file with a problem is shown with where the
// problem is and cannot be confirmed, and a good file shows what it holds,
// then replaces the workspace: the person added after the export is gone,
// the exported one is there, and the old workspace is kept aside.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'

const T = { timeout: 30_000 }

export async function run({ page, shot, log, waitForBindings, dataDir }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const dir = path.dirname(path.resolve(dataDir))
  const exported = path.join(dir, 'Wheelhouse workspace.json')
  await page.evaluate(() => window.go.app.PeopleAPI.CreatePerson({ name: 'Wendy Exported', timezone: 'Europe/Lisbon' }))

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(T)
  const panel = page.getByRole('region', { name: 'Workspace file' })
  await panel.waitFor(T)
  await panel.scrollIntoViewIfNeeded()

  fs.writeFileSync(process.env.WHEELHOUSE_TEST_SAVE_FILE, exported)
  const button = panel.getByRole('button', { name: 'Export workspace…' })
  if (await button.count()) {
    await button.click()
    await page.getByText(/^Exported the workspace to /).waitFor(T)
    log('exported with the button')
  } else {
    log('no native dialogs in this page: exporting through the binding')
    const got = await page.evaluate(() => window.go.app.WorkspaceAPI.ExportWorkspace(false))
    assert.equal(got, exported)
  }
  fs.rmSync(process.env.WHEELHOUSE_TEST_SAVE_FILE, { force: true })
  const doc = JSON.parse(fs.readFileSync(exported, 'utf8'))
  const names = doc.people.map((p) => p.name)
  log(`the file has ${names.length} people: ${names.join(', ')}`)
  assert.ok(names.includes('Wendy Exported'))
  assert.equal(doc.privateNotes, 'included')
  await panel.scrollIntoViewIfNeeded()
  await shot('panel')

  // a person added after the export: the import replaces the workspace, so they go
  await page.evaluate(() => window.go.app.PeopleAPI.CreatePerson({ name: 'Otto After', timezone: 'UTC' }))

  // a file with a problem: listed with where it is, nothing to confirm
  const bad = structuredClone(doc)
  bad.people.find((p) => p.name === 'Wendy Exported').timezone = 'Mars/Base'
  const badFile = path.join(dir, 'broken workspace.json')
  fs.writeFileSync(badFile, JSON.stringify(bad, null, 2))
  fs.writeFileSync(process.env.WHEELHOUSE_TEST_OPEN_FILE, badFile)
  await panel.getByRole('button', { name: 'Import workspace…' }).click()
  let dlg = page.getByRole('alertdialog', { name: 'Import this workspace?' })
  const problems = dlg.getByRole('list', { name: 'Problems in the file' })
  await problems.waitFor(T)
  const listed = (await problems.innerText()).replace(/\s+/g, ' ')
  log(`problems: ${listed}`)
  assert.match(listed, /people\[\d+\] "Wendy Exported".*Mars\/Base/)
  assert.ok(await dlg.getByRole('button', { name: 'Replace my workspace' }).isDisabled(), 'nothing to confirm for a broken file')
  await shot('import-problems')
  await dlg.getByRole('button', { name: 'Cancel' }).click()
  await dlg.waitFor({ state: 'detached', ...T })

  // the good file: what it holds, then the replacement
  fs.writeFileSync(process.env.WHEELHOUSE_TEST_OPEN_FILE, exported)
  await panel.getByRole('button', { name: 'Import workspace…' }).click()
  dlg = page.getByRole('alertdialog', { name: 'Import this workspace?' })
  await dlg.getByTestId('import-summary').waitFor(T)
  const holds = await dlg.getByTestId('import-summary').innerText()
  log(`the file holds: ${holds}`)
  assert.match(holds, new RegExp(`It holds ${names.length} (person|people),`))
  await shot('import-preview')
  await dlg.getByRole('button', { name: 'Replace my workspace' }).click()
  const toast = page.getByText(/^Imported Wheelhouse workspace\.json\. Your previous workspace is kept in /)
  await toast.waitFor(T)
  log(await toast.innerText())
  await dlg.waitFor({ state: 'detached', ...T })
  await shot('imported')
  fs.rmSync(process.env.WHEELHOUSE_TEST_OPEN_FILE, { force: true })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor(T)
  if (names.length <= 12) {
    // run on its own the list is short enough to be all on screen
    await page.getByText('Wendy Exported').first().waitFor(T)
    assert.equal(await page.getByText('Otto After').count(), 0, 'the person added after the export is gone')
  }
  const after = await page.evaluate(async () => (await window.go.app.PeopleAPI.Directory()).people.map((p) => p.name))
  assert.deepEqual(after.sort(), [...names].sort())
  await shot('people-after-import')
}
