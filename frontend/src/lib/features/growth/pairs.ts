import { saveMentorship, type Suggestion } from '$lib/api'
import { toasts } from '$lib/stores/toasts.svelte'

/**
 * Starts the pair a suggestion proposes (from today in the manager's zone,
 * check-ins every two weeks, its shared skills as the focus) and says so.
 * A refusal is thrown to the caller.
 */
export async function startSuggestedPair(s: Suggestion): Promise<void> {
  await saveMentorship({
    id: '',
    mentorId: s.mentorId,
    menteeId: s.menteeId,
    focus: s.skills.map((k) => k.name),
    startDate: '', // today, in the manager's zone
    checkInEveryDays: 14,
    lastCheckIn: '',
    endedOn: '',
    notes: '',
  })
  toasts.show(`${s.mentorName} now mentors ${s.menteeName}.`)
}
