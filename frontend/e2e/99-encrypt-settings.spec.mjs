// Encryption from the app (issue 12 part 2), in the engine of the window:
// the first-run offer on an empty workspace (Skip is remembered), Settings →
// Encryption refuses a mismatched confirmation next to the field, encrypts
// the workspace and its plaintext automatic backup, the app keeps working,
// Ctrl+L then needs the passphrase, and turning encryption off from the
// same panel leaves the folder as other specs expect it.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'

const T = { timeout: 20_000 }
const LONG = { timeout: 90_000 }
const PASS = 'violet kettle mountain 7'
const NAME = 'Cipher Casey'

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor(T)
}

/** Regular files under dir whose bytes hold s. */
function filesHolding(dir, s) {
  const out = []
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile() && fs.readFileSync(p).includes(s)) out.push(p)
    }
  }
  walk(dir)
  return out
}

export async function run({ page, shot, log, dataDir, waitForBindings }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })

  // ---- The first-run offer (only when this spec runs on a fresh folder).
  const info = await page.evaluate(() => window.go.app.WorkspaceAPI.Info())
  if (info.empty && !info.demo) {
    await page.evaluate(() => localStorage.removeItem('wheelhouse.encryptOffer.skipped'))
    await page.reload({ waitUntil: 'load' })
    await waitForBindings()
    const offer = page.getByTestId('encrypt-offer')
    await offer.waitFor(T)
    assert.match(await offer.innerText(), /Protect this workspace with a passphrase \(recommended\)/)
    await shot('first-run-offer')
    await offer.getByRole('button', { name: 'Set a passphrase…' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.getByRole('heading', { name: 'Encrypt this workspace' }).waitFor(T)
    await dialog.getByLabel('Passphrase').fill('short')
    await dialog.getByRole('button', { name: 'Encrypt', exact: true }).click()
    await dialog.getByText('Use a passphrase of at least 8 characters.').waitFor(T)
    await shot('first-run-dialog-short')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await offer.getByRole('button', { name: 'Skip' }).click()
    assert.equal(await page.getByTestId('encrypt-offer').count(), 0, 'Skip hides the offer')
    await page.reload({ waitUntil: 'load' })
    await waitForBindings()
    await page.getByRole('heading', { name: 'Your workspace is empty' }).waitFor(T)
    assert.equal(await page.getByTestId('encrypt-offer').count(), 0, 'Skip is remembered')
  } else {
    log('workspace not empty: the first-run offer is not part of this run')
  }

  // ---- Someone private and a plaintext automatic backup.
  await page.evaluate(async (name) => {
    await window.go.app.PeopleAPI.CreatePerson({ name, timezone: 'UTC', skills: [] })
    await window.go.app.BackupAPI.BackupNow()
  }, NAME)
  const backups = path.join(dataDir, 'backups')
  // the automatic backups (other journeys may have left files of their own there)
  const plain = fs.readdirSync(backups).filter((f) => /^wheelhouse-\d{8}T\d{6}Z\.backup$/.test(f)).map((f) => path.join(backups, f))
  assert.ok(plain.length > 0, 'no automatic backup was written')
  assert.ok(plain.some((p) => fs.readFileSync(p).subarray(0, 20).toString() === 'WHEELHOUSE-BACKUP 1\n'), 'no plaintext backup to re-encrypt')

  // ---- Settings → Encryption
  await page.reload({ waitUntil: 'load' })
  await waitForBindings()
  await nav(page, 'Settings')
  const panel = page.getByTestId('encryption-panel')
  await panel.getByRole('button', { name: 'Encrypt…' }).waitFor(T)
  await panel.scrollIntoViewIfNeeded()
  await shot('panel-plain')
  await panel.getByRole('button', { name: 'Encrypt…' }).click()
  const dialog = page.getByRole('alertdialog')
  await dialog.getByLabel('Passphrase').fill(PASS)
  await dialog.getByLabel('The same again').fill(PASS + 'x')
  await dialog.getByRole('button', { name: 'Encrypt', exact: true }).click()
  await dialog.getByText('The two passphrases differ.').waitFor(T)
  assert.equal(await dialog.getByLabel('The same again').getAttribute('aria-invalid'), 'true')
  await shot('dialog-mismatch')
  await dialog.getByLabel('The same again').fill(PASS)
  await dialog.getByRole('button', { name: 'Encrypt', exact: true }).click()
  await page.getByText('Your workspace and its backups are encrypted', { exact: false }).waitFor(LONG)
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'the dialog closed')
  await shot('panel-encrypted')

  // nothing readable left in the data folder
  const leaks = filesHolding(dataDir, NAME)
  assert.deepEqual(leaks, [], `plaintext left: ${leaks.join(', ')}`)
  for (const p of plain) {
    assert.equal(fs.readFileSync(p).subarray(0, 30).toString(), 'WHEELHOUSE-BACKUP-ENCRYPTED 1\n', `${p} is not encrypted`)
  }

  // ---- the app keeps working
  await nav(page, 'People')
  await page.getByText(NAME).first().waitFor(T)

  // ---- Ctrl+L: unlocking now needs the passphrase
  await page.keyboard.press('Control+l')
  await page.getByRole('heading', { name: 'Wheelhouse is locked' }).waitFor(T)
  const field = page.getByLabel('Passphrase')
  await field.waitFor(T)
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('has no passphrase'))
  await field.fill('not it at all')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await page.getByRole('alert').first().waitFor(T)
  await shot('locked-wrong')
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'a wrong passphrase unlocked')
  await page.getByLabel('Passphrase').fill(PASS)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await page.getByRole('navigation', { name: 'Main' }).waitFor(T)
  await page.getByText(NAME).first().waitFor(T)

  // ---- turn it off again from Settings (other specs expect a plain folder)
  await nav(page, 'Settings')
  await page.getByTestId('encryption-panel').getByRole('button', { name: 'Turn off encryption…' }).click()
  const off = page.getByRole('alertdialog')
  await off.getByLabel('Current passphrase').fill('wrong passphrase')
  await off.getByRole('button', { name: 'Store unencrypted' }).click()
  await off.getByText('That is not the current passphrase', { exact: false }).waitFor(T)
  await shot('off-wrong')
  await off.getByLabel('Current passphrase').fill(PASS)
  await off.getByRole('button', { name: 'Store unencrypted' }).click()
  await page.getByTestId('encryption-panel').getByRole('button', { name: 'Encrypt…' }).waitFor(LONG)
  assert.equal(fs.existsSync(path.join(dataDir, 'db', 'wheelhouse-key.json')), false, 'still encrypted')
  await nav(page, 'People')
  await page.getByText(NAME).first().waitFor(T)
}
