import { ApiError, openDemo, openMine, workspaceInfo, type WorkspaceInfo } from '$lib/api'

class WorkspaceStore {
  info = $state<WorkspaceInfo | null>(null)
  loading = $state(false)
  switching = $state(false)
  error = $state<ApiError | null>(null)

  demo = $derived(this.info?.demo ?? false)
  /** Why no workspace could be opened (e.g. the folder is locked). */
  openError = $derived(this.info?.openError ?? null)

  async load(): Promise<void> {
    this.loading = true
    try {
      this.info = await workspaceInfo()
      this.error = null
    } catch (e) {
      this.error = e as ApiError
    } finally {
      this.loading = false
    }
  }

  /** Switches workspace; on failure the error is kept and Info is re-read. */
  async #switch(fn: () => Promise<WorkspaceInfo>): Promise<boolean> {
    this.switching = true
    try {
      this.info = await fn()
      this.error = null
      return true
    } catch (e) {
      this.error = e as ApiError
      await this.load().catch(() => {})
      this.error = e as ApiError
      return false
    } finally {
      this.switching = false
    }
  }

  openDemo(): Promise<boolean> {
    return this.#switch(openDemo)
  }

  openMine(): Promise<boolean> {
    return this.#switch(openMine)
  }

  reset(): void {
    this.info = null
    this.loading = false
    this.switching = false
    this.error = null
  }
}

export const workspace = new WorkspaceStore()
