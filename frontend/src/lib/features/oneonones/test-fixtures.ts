// Test data for the 1:1, feedback, brief and health views (tests only).
import type {
  AgendaItem,
  CadenceStatus,
  FeedbackBalance,
  FeedbackEntry,
  Meeting,
  OnCallLoad,
  PersonFeedback,
  PersonOneOnOnes,
  PrepBrief,
  Series,
} from '$lib/api'

export const TODAY = '2026-11-24'

export function series(s: Partial<Series> = {}): Series {
  return { personId: 'dana', cadence: 'biweekly', weekday: 2, time: '09:30', durationMinutes: 30, startDate: '2026-10-27', paused: false, ...s }
}

export function cadence(c: Partial<CadenceStatus> = {}): CadenceStatus {
  return {
    personId: 'dana',
    name: 'Dana Reyes',
    cadence: 'biweekly',
    cadenceDays: 14,
    paused: false,
    lastHeld: '2026-11-01',
    daysSince: 23,
    nextDue: '2026-11-15',
    overdue: true,
    daysOverdue: 9,
    nextPlanned: '',
    message: 'No 1:1 with Dana Reyes for 23 days (cadence 14).',
    ...c,
  }
}

export function topic(a: Partial<AgendaItem> & { id: string; text: string }): AgendaItem {
  return { by: 'me', done: false, originId: a.id, carriedFrom: '', carried: 0, notes: '', ...a }
}

export function meeting(m: Partial<Meeting> & { id: string; date: string }): Meeting {
  return {
    personId: 'dana',
    status: 'planned',
    agenda: [],
    sharedNotes: '',
    privateNotes: '',
    mood: 0,
    energy: 0,
    createdAt: '2026-11-24T08:00:00Z',
    updatedAt: '2026-11-24T08:00:00Z',
    ...m,
  }
}

export function page(p: Partial<PersonOneOnOnes> = {}): PersonOneOnOnes {
  return { hasSeries: false, series: null, status: null, meetings: [], followUps: [], today: TODAY, slot: null, dstWarning: '', ...p }
}

export function balance(b: Partial<FeedbackBalance> = {}): FeedbackBalance {
  const zero = { positiveDelivered: 0, constructiveDelivered: 0, positiveDrafts: 0, constructiveDrafts: 0 }
  return {
    recent: zero,
    allTime: zero,
    quarters: ['2025 Q4', '2026 Q1', '2026 Q2', '2026 Q3'].map((label, i) => ({ label, from: `2026-0${i + 1}-01`, counts: zero })),
    oldestDraftDays: -1,
    flags: [],
    notes: [],
    ...b,
  }
}

export function entry(e: Partial<FeedbackEntry> & { id: string }): FeedbackEntry {
  return {
    personId: 'dana',
    kind: 'positive',
    situation: '',
    behaviour: 'Ran the incident calmly',
    impact: '',
    nextStep: '',
    status: 'draft',
    deliveredOn: '',
    how: '',
    createdAt: '2026-11-24T08:00:00Z',
    updatedAt: '2026-11-24T08:00:00Z',
    ...e,
  }
}

export function feedbackPage(f: Partial<PersonFeedback> = {}): PersonFeedback {
  return { entries: [], balance: balance(), settings: { staleDays: 7 }, today: TODAY, ...f }
}

export function load(l: Partial<OnCallLoad> = {}): OnCallLoad {
  return {
    from: '2026-11-10T00:00:00Z',
    to: '2026-11-24T10:00:00Z',
    shifts: 0,
    overrides: 0,
    hours: 0,
    nightHours: 0,
    weekendHours: 0,
    holidayHours: 0,
    holidays: [],
    pages: 0,
    nightPages: 0,
    weeksOnCall: 0,
    weeks: 0,
    tooFrequent: false,
    nextShift: null,
    inRotation: false,
    paging: null,
    ...l,
  }
}

export function prepBrief(b: Partial<PrepBrief> = {}): PrepBrief {
  return {
    person: { id: 'dana', name: 'Dana Reyes', role: 'Engineer', level: 'L4', timezone: 'Europe/Berlin', aspiration: 'ic' },
    today: TODAY,
    generatedAt: '2026-11-24T10:00:00Z',
    cadence: null,
    since: '2026-10-25',
    daysSince: -1,
    lastMeeting: null,
    nextMeeting: null,
    topics: [],
    followUpsTheirs: [],
    followUpsMine: [],
    closedSince: 0,
    feedbackDrafts: [],
    feedback: balance(),
    goals: [],
    mood: [],
    moodTrend: '',
    oncall: load(),
    incidents: [],
    suggestions: [],
    includesPrivate: false,
    ...b,
  }
}
