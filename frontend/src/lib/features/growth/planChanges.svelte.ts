/**
 * Which person's plan was last written from this window. A person's
 * mentoring suggestions come from the growth areas of their plan, so the
 * Mentoring panel next to the plan reloads when it changes.
 */
class PlanChanges {
  personId = $state('')
  count = $state(0)

  /** A plan of personId was saved (created, edited or deleted). */
  changed(personId: string): void {
    this.personId = personId
    this.count++
  }
}

export const planChanges = new PlanChanges()
