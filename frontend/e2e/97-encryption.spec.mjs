// An encrypted workspace in the engine of the window: the app starts at the
// unlock screen (not an error, not an empty workspace), a wrong passphrase is
// said next to the field, the right one opens the workspace. The data folder
// is encrypted (and decrypted again at the end) with the CLI while the app is
// stopped. "Remember on this computer" (decision 0027; scripts/e2e.sh runs an
// unlocked gnome-keyring on the session bus): checked on the unlock screen, the
// next start opens without asking; Settings → Encryption says so and forgets
// it; the start after that asks again.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const T = { timeout: 20_000 }
const PASS = 'correct horse battery staple'

export async function run({ page, shot, log, dataDir, restartApp }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wh-enc-'))
  const passFile = path.join(tmp, 'pass')
  fs.writeFileSync(passFile, PASS + '\n')
  const cli = path.join(tmp, 'wheelhouse')
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
  execFileSync('go', ['build', '-o', cli, '.'], { cwd: repo, env: { ...process.env, CGO_ENABLED: '0' }, stdio: 'inherit', timeout: 300_000 })
  const wh = (...args) => execFileSync(cli, ['--data', dataDir, '--passphrase-file', passFile, ...args], { encoding: 'utf8', timeout: 120_000 })
  // a person to find after unlocking
  await page.evaluate(() => window.go.app.PeopleAPI.CreatePerson({ name: 'Encrypted Erin', timezone: 'UTC', skills: [] })).catch(() => {})

  await restartApp(() => log(wh('encrypt').trim()))
  await page.getByRole('heading', { name: 'Your workspace is encrypted' }).waitFor(T)
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'the app is open behind the unlock screen')
  await shot('unlock')

  const field = page.getByLabel('Passphrase')
  await field.fill('not the passphrase')
  await field.press('Enter')
  await page.getByText('That passphrase is not the one of this workspace', { exact: false }).waitFor(T)
  assert.equal(await field.getAttribute('aria-invalid'), 'true')
  await shot('wrong-passphrase')

  // the keyring answers: the option is offered
  const remember = page.getByLabel('Remember on this computer')
  await page.getByText('The workspace\'s key is kept in the system keyring', { exact: false }).waitFor(T)
  assert.equal(await remember.isEnabled(), true, 'remember is offered')
  await remember.check()
  await shot('unlock-remember')
  await field.fill(PASS)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await page.getByRole('navigation', { name: 'Main' }).waitFor(T)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People', exact: true }).click()
  await page.getByText('Encrypted Erin').first().waitFor(T)
  await shot('unlocked-people')

  // the next start asks for nothing
  await restartApp()
  await page.getByRole('navigation', { name: 'Main' }).waitFor(T)
  assert.equal(await page.getByRole('heading', { name: 'Your workspace is encrypted' }).count(), 0, 'asked again though remembered')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click()
  const panel = page.getByTestId('encryption-panel')
  await panel.getByText('Remembered on this computer', { exact: false }).waitFor(T)
  await panel.scrollIntoViewIfNeeded()
  await shot('settings-remembered')
  await panel.getByRole('button', { name: 'Forget on this computer' }).click()
  await panel.getByRole('button', { name: 'Remember on this computer' }).waitFor(T)
  await shot('settings-forgotten')

  // forgotten: the start after that asks again
  await restartApp()
  await page.getByRole('heading', { name: 'Your workspace is encrypted' }).waitFor(T)
  await page.getByLabel('Passphrase').fill(PASS)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await page.getByRole('navigation', { name: 'Main' }).waitFor(T)

  // leave the folder as the other specs expect it
  await restartApp(() => log(wh('decrypt').trim()))
  await page.getByRole('navigation', { name: 'Main' }).waitFor(T)
  fs.rmSync(tmp, { recursive: true, force: true })
}
