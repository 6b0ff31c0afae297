import { describe, expect, it } from 'vitest'
import { hrefOf, parseHash } from './router.svelte'

describe('router', () => {
  it('reads screens and ids from the hash', () => {
    expect(parseHash('')).toEqual({ screen: 'overview', id: '' })
    expect(parseHash('#/people')).toEqual({ screen: 'people', id: '' })
    expect(parseHash('#/people/0190abc')).toEqual({ screen: 'people', id: '0190abc' })
    expect(parseHash('#/services/x%2Fy')).toEqual({ screen: 'services', id: 'x/y' })
    expect(parseHash('#/settings/whatever')).toEqual({ screen: 'settings', id: '' })
    expect(parseHash('#/nowhere')).toEqual({ screen: 'overview', id: '' })
  })

  it('writes hrefs that parse back', () => {
    expect(parseHash(hrefOf('teams', 'a b'))).toEqual({ screen: 'teams', id: 'a b' })
  })
})
