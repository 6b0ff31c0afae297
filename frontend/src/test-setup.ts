import '@testing-library/jest-dom/vitest'
import { beforeEach } from 'vitest'
import { dateFormat } from '$lib/stores/datefmt.svelte'

// Feature tests read and type dates as YYYY-MM-DD: the date inputs show ISO
// so no test depends on this machine's locale (DateInput.test.ts covers the
// locale formats, and resets this).
beforeEach(() => {
  dateFormat.reset()
  dateFormat.pref = 'iso'
})

// jsdom has no layout and no ResizeObserver (bind:clientWidth uses one): a
// no-op stand-in lets components that measure themselves render.
if (!('ResizeObserver' in globalThis)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  ;(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub
}
