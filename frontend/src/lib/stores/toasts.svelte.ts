export interface ToastAction {
  label: string
  run: () => void | Promise<void>
}

export interface Toast {
  id: number
  message: string
  kind: 'success' | 'error' | 'info'
  action?: ToastAction
}

/** Short notices at the bottom of the window, some with an action (Undo). */
class ToastStore {
  items = $state<Toast[]>([])
  #next = 1
  #timers = new Map<number, ReturnType<typeof setTimeout>>()

  show(message: string, opts: { kind?: Toast['kind']; action?: ToastAction; timeout?: number } = {}): number {
    const id = this.#next++
    this.items = [...this.items.slice(-3), { id, message, kind: opts.kind ?? 'success', action: opts.action }]
    const timeout = opts.timeout ?? (opts.action ? 8000 : 4000)
    if (timeout > 0) this.#timers.set(id, setTimeout(() => this.dismiss(id), timeout))
    return id
  }

  dismiss(id: number): void {
    const t = this.#timers.get(id)
    if (t) clearTimeout(t)
    this.#timers.delete(id)
    this.items = this.items.filter((x) => x.id !== id)
  }

  reset(): void {
    for (const t of this.#timers.values()) clearTimeout(t)
    this.#timers.clear()
    this.items = []
  }
}

export const toasts = new ToastStore()
