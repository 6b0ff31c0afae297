import { describe, expect, it } from 'vitest'
import { axisTicks, niceMax } from './BarChart.svelte'

const MINUTE = 60e9
// Like the metrics' axis: whole minutes, rounded.
const minutes = (v: number) => `${Math.round(v / MINUTE)} min`

describe('BarChart axis', () => {
  it('leaves out a label that reads like a neighbour, and keeps the top one', () => {
    // Every acknowledgement within the minute: "0", "1 min", not "0", "0 min", "0 min" or a rounded half.
    expect(axisTicks(MINUTE, minutes).map((x) => x.label)).toEqual(['0', '', '1 min'])
    expect(axisTicks(1, minutes).map((x) => x.label)).toEqual(['0', '', ''])
  })

  it('keeps distinct labels', () => {
    expect(axisTicks(4, String).map((x) => x.label)).toEqual(['0', '2', '4'])
    expect(axisTicks(niceMax(7), String).map((x) => x.t)).toEqual([0, 4, 8])
  })
})
