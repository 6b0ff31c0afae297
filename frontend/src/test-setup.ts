import '@testing-library/jest-dom/vitest'

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
