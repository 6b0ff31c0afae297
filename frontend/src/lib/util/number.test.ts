import { describe, expect, it } from 'vitest'
import { formatCount } from './number'

describe('formatCount', () => {
  it('groups thousands the same everywhere', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(1000)).toBe('1,000')
    expect(formatCount(150000)).toBe('150,000')
    expect(formatCount(-1234567)).toBe('-1,234,567')
    expect(formatCount(1234.56)).toBe('1,234.6')
  })
})
