// The harness's own promise: a click reaches the element it names, even when
// the page moves between the last look at it and the press (a panel above
// finishes loading and pushes the button down). Before the click guard, such a
// press landed on whatever took the button's place; a CI run once clicked
// beside Settings' "Open demo workspace" this way.
//
// The fixture swaps two buttons on the first pointer move, which comes after
// the harness has measured the target and before it presses.
import assert from 'node:assert/strict'

export async function run({ page, log }) {
  await page.mouse.move(2, 2)
  await page.evaluate(() => {
    const root = document.createElement('div')
    root.id = 'harness-fixture'
    root.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff'
    const at = (b, top) => (b.style.cssText = `position:absolute;left:200px;top:${top}px;width:240px;height:48px`)
    const target = document.createElement('button')
    const decoy = document.createElement('button')
    target.textContent = 'Harness target'
    decoy.textContent = 'Harness decoy'
    at(target, 200)
    at(decoy, 320)
    root.append(target, decoy)
    document.body.append(root)
    window.__fixture = { target: 0, decoy: 0, moved: false }
    target.addEventListener('click', () => window.__fixture.target++)
    decoy.addEventListener('click', () => window.__fixture.decoy++)
    root.addEventListener('mousemove', () => {
      if (window.__fixture.moved) return
      window.__fixture.moved = true
      at(target, 320)
      at(decoy, 200)
    })
  })
  await page.getByRole('button', { name: 'Harness target' }).click()
  const seen = await page.evaluate(() => window.__fixture)
  log(`fixture after the click: ${JSON.stringify(seen)}`)
  assert.ok(seen.moved, 'the fixture moved the target as the pointer came')
  assert.equal(seen.decoy, 0, 'the press that missed the moved target reached the decoy')
  assert.equal(seen.target, 1, 'the target was clicked once')
  await page.evaluate(() => document.getElementById('harness-fixture').remove())
}
