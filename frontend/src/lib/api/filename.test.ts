import { describe, expect, it } from 'vitest'
import { safeFileName } from './oneonones'

// The same names as the Go side's app.FileName (app/app_test.go TestFileName).
describe('safeFileName', () => {
  it.each([
    ['On call: team', 'ics', 'On call - team.ics'],
    ['On call: Payments primary', 'ics', 'On call - Payments primary.ics'],
    ['a/b\\c*d?"e"<f>|g', 'md', 'a-b-c-d--e--f--g.md'],
    ['  lots   of\tspace ', 'ics', 'lots of space.ics'],
    ['tab\u0000\u001fctl', 'txt', 'tabctl.txt'],
    ['', 'ics', 'export.ics'],
    ['Review: v1.2 rollout', 'md', 'Review - v1.2 rollout.md'],
  ])('%j -> %s', (base, ext, want) => {
    expect(safeFileName(base, ext)).toBe(want)
  })
})
