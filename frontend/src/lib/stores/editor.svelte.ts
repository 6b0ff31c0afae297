// Which editor dialog is open. Editors live at the app level so the "n"
// shortcut and the first-run screen can open them from anywhere.

export type EditorKind = 'person' | 'team' | 'service'

export interface EditorState {
  kind: EditorKind
  id: string // '' = new
}

class EditorStore {
  current = $state<EditorState | null>(null)

  open(kind: EditorKind, id = ''): void {
    this.current = { kind, id }
  }

  close(): void {
    this.current = null
  }

  reset(): void {
    this.current = null
  }
}

export const editor = new EditorStore()
