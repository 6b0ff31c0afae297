/** True when a key press lands in something that takes text. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type)
  }
  return false
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[inert]') && !el.hasAttribute('data-focus-skip'),
  )
}

/** Whether a modal dialog or a popover panel is open (shortcuts stay quiet then). */
export function modalOpen(): boolean {
  return document.querySelector('[data-modal-root], [data-popover-root]') !== null
}

/**
 * An attachment listening to keys bubbling up from a form's fields (e.g.
 * Ctrl+Enter saves, Escape cancels): the shortcut belongs to the fields,
 * which are interactive, not to the form element.
 */
export function formKeys(handler: (e: KeyboardEvent) => void) {
  return (node: HTMLElement) => {
    node.addEventListener('keydown', handler)
    return () => node.removeEventListener('keydown', handler)
  }
}
