import { describe, expect, it } from 'vitest'
import { hrefOf, parseHash } from './router.svelte'

describe('router', () => {
  it('reads screens and ids from the hash', () => {
    expect(parseHash('')).toEqual({ screen: 'today', id: '', tab: '' })
    expect(parseHash('#/')).toEqual({ screen: 'today', id: '', tab: '' })
    expect(parseHash('#/overview')).toEqual({ screen: 'overview', id: '', tab: '' })
    expect(parseHash('#/today/x')).toEqual({ screen: 'today', id: '', tab: '' })
    expect(parseHash('#/people')).toEqual({ screen: 'people', id: '', tab: '' })
    expect(parseHash('#/people/0190abc')).toEqual({ screen: 'people', id: '0190abc', tab: '' })
    expect(parseHash('#/people/0190abc/feedback')).toEqual({ screen: 'people', id: '0190abc', tab: 'feedback' })
    expect(parseHash('#/services/x%2Fy')).toEqual({ screen: 'services', id: 'x/y', tab: '' })
    expect(parseHash('#/settings/whatever')).toEqual({ screen: 'settings', id: '', tab: '' })
    expect(parseHash('#/health')).toEqual({ screen: 'health', id: '', tab: '' })
    expect(parseHash('#/nowhere')).toEqual({ screen: 'today', id: '', tab: '' })
  })

  it('writes hrefs that parse back', () => {
    expect(parseHash(hrefOf('teams', 'a b'))).toEqual({ screen: 'teams', id: 'a b', tab: '' })
    expect(parseHash(hrefOf('people', 'p1', 'oneonones'))).toEqual({ screen: 'people', id: 'p1', tab: 'oneonones' })
    expect(hrefOf('people', '', 'oneonones')).toBe('#/people')
  })
})
