// Today is the first screen: the default route, Alt+1, first in the sidebar;
// the roster Overview keeps its address but gives up its shortcut.
import { cleanup, render, screen, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Sidebar from '$lib/features/shell/Sidebar.svelte'
import { hrefOf, parseHash, router, SCREENS } from '$lib/stores/router.svelte'

beforeEach(() => router.reset())
afterEach(cleanup)

describe('Today as the first screen', () => {
  it('is where the app opens and where unknown addresses go; #/overview still opens the Overview', () => {
    expect(router.route.screen).toBe('today')
    expect(parseHash('#/')).toEqual({ screen: 'today', id: '', tab: '' })
    expect(parseHash('#/somewhere/else')).toEqual({ screen: 'today', id: '', tab: '' })
    expect(parseHash('#/overview')).toEqual({ screen: 'overview', id: '', tab: '' })
    expect(hrefOf('today')).toBe('#/today')
  })

  it('has Alt+1; the nine digits go to nine screens and Settings keeps Alt+9', () => {
    const keys = SCREENS.filter((s) => s.key).map((s) => `${s.key}:${s.screen}`)
    expect(keys).toEqual(['1:today', '2:people', '3:teams', '4:services', '5:incidents', '6:followups', '7:oncall', '8:health', '9:settings'])
    expect(SCREENS.find((s) => s.screen === 'overview')?.key).toBe('')
  })

  it('comes first in the sidebar; the Overview shows no shortcut', () => {
    render(Sidebar)
    const nav = screen.getByRole('navigation', { name: 'Main' })
    const buttons = within(nav).getAllByRole('listitem').map((li) => within(li).getByRole('button'))
    expect(buttons[0]).toHaveAccessibleName('Today')
    expect(buttons[0]).toHaveAttribute('aria-keyshortcuts', 'Alt+1')
    expect(buttons[0]).toHaveAttribute('aria-current', 'page')
    const overview = within(nav).getByRole('button', { name: 'Overview' })
    expect(overview).not.toHaveAttribute('aria-keyshortcuts')
    expect(overview).not.toHaveTextContent(/Alt\+/)
    expect(within(nav).getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-keyshortcuts', 'Alt+9')
  })
})
