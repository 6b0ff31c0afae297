// The real app boots: the page loads, the title is right, and the bound Go API
// answers from the data folder the harness gave it.
import assert from 'node:assert/strict'
import fs from 'node:fs'

export async function run({ page, dataDir, shot, log }) {
  assert.match(await page.title(), /(^| — )Wheelhouse$/, 'document title ends with the app name')

  const info = await page.evaluate(() => window.go.app.WorkspaceAPI.Info())
  log(`WorkspaceAPI.Info(): ${JSON.stringify(info)}`)
  assert.equal(typeof info, 'object', 'Info() returns an object')
  // The app may report the folder in canonical form: compare real paths.
  const real = (p) => (fs.existsSync(p) ? fs.realpathSync(p) : p)
  assert.equal(real(info.dataDir), real(dataDir), 'the app uses the temporary data folder')
  assert.equal(info.openError ?? null, null, 'the workspace opened without error')

  // The Svelte app has mounted something into #app.
  await page.waitForFunction(() => (document.querySelector('#app')?.childElementCount ?? 0) > 0, null, {
    timeout: 15_000,
  })
  await shot('boot')
}
