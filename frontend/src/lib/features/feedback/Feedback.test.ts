import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, loadFeedback: vi.fn(), saveFeedback: vi.fn(), deliverFeedback: vi.fn(), deleteFeedback: vi.fn() }
})

import * as api from '$lib/api'
import { personFeedback } from '$lib/stores/oneonones.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError } from '../../../test/fixtures'
import { balance, entry, feedbackPage } from '../oneonones/test-fixtures'
import FeedbackTab from './FeedbackTab.svelte'

beforeEach(() => {
  personFeedback.reset()
  toasts.reset()
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

function tab() {
  return render(FeedbackTab, { personId: 'dana', personName: 'Dana Reyes' })
}

function items(): HTMLElement[] {
  return screen.getAllByRole('listitem').filter((li) => li.classList.contains('entry'))
}

describe('Feedback tab', () => {
  it('lists feedback newest first with kind, draft age (stale flagged) and delivery', async () => {
    vi.mocked(api.loadFeedback).mockResolvedValue(
      feedbackPage({
        entries: [
          entry({ id: 'new', kind: 'positive', behaviour: 'Ran the review calmly', createdAt: '2026-11-22T09:00:00Z' }),
          entry({ id: 'old', kind: 'constructive', behaviour: 'Skipped the rollback plan', createdAt: '2026-11-10T09:00:00Z' }),
          entry({ id: 'done', kind: 'positive', behaviour: 'Mentored Eli', status: 'delivered', deliveredOn: '2026-11-03', how: 'one_on_one' }),
        ],
      }),
    )
    tab()
    await screen.findByText('Ran the review calmly')
    const [a, b, c] = items()
    expect(within(a).getByText('Positive')).toBeInTheDocument()
    expect(within(a).getByText('Draft · 2 days old')).toHaveClass('tag-neutral')
    expect(within(b).getByText('Constructive')).toBeInTheDocument()
    const stale = within(b).getByText('Draft · 14 days old')
    expect(stale).toHaveClass('tag-danger')
    expect(stale).toHaveAttribute('title', 'Older than 7 days: deliver it or drop it')
    expect(within(c).getByText('Delivered 3 Nov 2026, in a 1:1')).toBeInTheDocument()
    expect(within(c).queryByRole('button', { name: 'Deliver…' })).toBeNull()
  })

  it('shows the balance: recent counts, its notes as warnings, drafts waiting', async () => {
    vi.mocked(api.loadFeedback).mockResolvedValue(
      feedbackPage({
        balance: balance({
          recent: { positiveDelivered: 0, constructiveDelivered: 3, positiveDrafts: 0, constructiveDrafts: 1 },
          flags: ['only_constructive', 'drafts_waiting'],
          notes: [
            'Only constructive feedback delivered in the last 90 days (3): say what goes well too.',
            'A draft has waited 14 days: feedback loses its value when it is late.',
          ],
          quarters: [{ label: '2026 Q4', from: '2026-10-01', counts: { positiveDelivered: 1, constructiveDelivered: 3, positiveDrafts: 0, constructiveDrafts: 0 } }],
        }),
      }),
    )
    tab()
    const panel = await screen.findByRole('region', { name: 'Balance' })
    expect(within(panel).getByText('Constructive', { selector: 'dt' }).nextElementSibling).toHaveTextContent('3')
    expect(within(panel).getByText('Drafts waiting').closest('.c')).toHaveClass('waiting')
    const note = within(panel).getByText(/Only constructive feedback/)
    expect(note.closest('li')).toHaveClass('warn')
    expect(within(panel).getByRole('img')).toHaveAccessibleName('2026 Q4: 1 positive, 3 constructive')
  })

  it('puts validation messages next to the SBI fields and saves a draft', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadFeedback).mockResolvedValue(feedbackPage())
    vi.mocked(api.saveFeedback)
      .mockRejectedValueOnce(
        goError({ code: 'invalid', message: 'Describe the behaviour', fields: [{ field: 'behaviour', message: 'Describe the behaviour: what they did or said.' }] }),
      )
      .mockResolvedValueOnce(entry({ id: 'e1', kind: 'constructive' }))
    tab()
    await user.click(await screen.findByRole('button', { name: 'Write feedback' }))
    const dlg = screen.getByRole('dialog', { name: 'Write feedback' })
    await user.click(within(dlg).getByRole('button', { name: 'Save draft' }))
    const behaviour = within(dlg).getByLabelText('Behaviour')
    await waitFor(() => expect(behaviour).toHaveAttribute('aria-invalid', 'true'))
    expect(behaviour).toHaveAccessibleDescription('Describe the behaviour: what they did or said.')
    expect(behaviour).toHaveFocus()

    await user.click(within(dlg).getByRole('radio', { name: /Constructive/ }))
    await user.type(within(dlg).getByLabelText('Situation'), 'In the deploy')
    await user.type(behaviour, 'Skipped the rollback plan')
    expect(behaviour).not.toHaveAttribute('aria-invalid') // typing clears the message
    await user.click(within(dlg).getByRole('button', { name: 'Save draft' }))
    await waitFor(() => expect(api.saveFeedback).toHaveBeenCalledTimes(2))
    expect(vi.mocked(api.saveFeedback).mock.calls[1][0]).toMatchObject({
      id: '',
      personId: 'dana',
      kind: 'constructive',
      situation: 'In the deploy',
      behaviour: 'Skipped the rollback plan',
      status: 'draft',
    })
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Write feedback' })).toBeNull())
    expect(api.loadFeedback).toHaveBeenCalledTimes(2) // re-read after saving
  })

  it('delivers with today’s date by default and the chosen channel; a missing impact is explained', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadFeedback).mockResolvedValue(feedbackPage({ entries: [entry({ id: 'e1' })] }))
    vi.mocked(api.deliverFeedback)
      .mockRejectedValueOnce(
        goError({ code: 'invalid', message: 'Before delivering, say what impact it had.', fields: [{ field: 'impact', message: 'Before delivering, say what impact it had.' }] }),
      )
      .mockResolvedValueOnce(entry({ id: 'e1', status: 'delivered', deliveredOn: '2026-11-24', how: 'written' }))
    tab()
    await user.click(await screen.findByRole('button', { name: 'Deliver…' }))
    const dlg = screen.getByRole('dialog', { name: 'Deliver feedback' })
    expect(within(dlg).getByLabelText('Delivered on')).toHaveValue('2026-11-24')
    await user.selectOptions(within(dlg).getByLabelText('How'), 'written')
    await user.click(within(dlg).getByRole('button', { name: 'Mark as delivered' }))
    expect(await within(dlg).findByRole('alert')).toHaveTextContent('Before delivering, say what impact it had.')
    await user.click(within(dlg).getByRole('button', { name: 'Mark as delivered' }))
    await waitFor(() => expect(api.deliverFeedback).toHaveBeenLastCalledWith('e1', '2026-11-24', 'written'))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Deliver feedback' })).toBeNull())
  })

  it('deletes after confirming', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadFeedback).mockResolvedValue(feedbackPage({ entries: [entry({ id: 'e1', behaviour: 'Ran the review calmly' })] }))
    vi.mocked(api.deleteFeedback).mockResolvedValue()
    tab()
    await user.click(await screen.findByRole('button', { name: 'Delete feedback' }))
    const dlg = screen.getByRole('alertdialog', { name: 'Delete this feedback?' })
    expect(dlg).toHaveTextContent('“Ran the review calmly” is deleted for good.')
    expect(api.deleteFeedback).not.toHaveBeenCalled()
    await user.click(within(dlg).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(api.deleteFeedback).toHaveBeenCalledWith('e1'))
  })
})
