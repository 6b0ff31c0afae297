import { describe, expect, it } from 'vitest'
import {
  datePattern,
  dateTimePlaceholder,
  formatDateInput,
  formatDateTimeInput,
  formatTimeInput,
  ISO_PATTERN,
  localNow,
  parseDateInput,
  parseDateTimeInput,
  parseTimeInput,
  stepDate,
  stepDateTime,
  stepTime,
  uses12Hour,
} from './datefmt'

const GB = datePattern('en-GB')
const US = datePattern('en-US')
const DE = datePattern('de-DE')

describe('datePattern', () => {
  it('follows the numeric date of the locale', () => {
    expect(GB).toEqual({ order: ['d', 'm', 'y'], sep: '/', placeholder: 'dd/mm/yyyy' })
    expect(US).toEqual({ order: ['m', 'd', 'y'], sep: '/', placeholder: 'mm/dd/yyyy' })
    expect(DE).toEqual({ order: ['d', 'm', 'y'], sep: '.', placeholder: 'dd.mm.yyyy' })
    expect(datePattern('sv-SE')).toEqual({ order: ['y', 'm', 'd'], sep: '-', placeholder: 'yyyy-mm-dd' })
  })

  it('is ISO for the ISO preference and for a locale that is not one', () => {
    expect(datePattern('en-US', 'iso')).toEqual(ISO_PATTERN)
    expect(ISO_PATTERN.placeholder).toBe('yyyy-mm-dd')
    expect(datePattern('not a locale!')).toEqual(ISO_PATTERN)
  })

  it('uses am/pm only where the locale does, never for ISO', () => {
    expect(uses12Hour('en-US')).toBe(true)
    expect(uses12Hour('en-GB')).toBe(false)
    expect(uses12Hour('de-DE')).toBe(false)
    expect(uses12Hour('en-US', 'iso')).toBe(false)
    expect(uses12Hour('not a locale!')).toBe(false)
  })
})

describe('dates', () => {
  it('formats a value in the pattern', () => {
    expect(formatDateInput('2026-12-04', GB)).toBe('04/12/2026')
    expect(formatDateInput('2026-12-04', US)).toBe('12/04/2026')
    expect(formatDateInput('2026-12-04', DE)).toBe('04.12.2026')
    expect(formatDateInput('2026-12-04', ISO_PATTERN)).toBe('2026-12-04')
    expect(formatDateInput('', GB)).toBe('')
    expect(formatDateInput('junk', GB)).toBe('junk')
  })

  it('reads text in the pattern order', () => {
    expect(parseDateInput('04/12/2026', GB)).toBe('2026-12-04')
    expect(parseDateInput('12/04/2026', US)).toBe('2026-12-04')
    expect(parseDateInput('04.12.2026', DE)).toBe('2026-12-04')
    expect(parseDateInput('2026-12-04', ISO_PATTERN)).toBe('2026-12-04')
  })

  it('is lenient about separators, padding, digits only and 2-digit years', () => {
    for (const t of ['4/12/2026', '04-12-2026', '4.12.2026', '4 12 2026', ' 04 / 12 / 2026 ', '04122026', '4/12/26', '04.12.2026.']) {
      expect(parseDateInput(t, GB), t).toBe('2026-12-04')
    }
    expect(parseDateInput('12042026', US)).toBe('2026-12-04')
    expect(parseDateInput('20261204', ISO_PATTERN)).toBe('2026-12-04')
  })

  it('always takes ISO (and a leading 4-digit year) whatever the pattern', () => {
    for (const p of [GB, US, DE]) {
      expect(parseDateInput('2026-12-04', p)).toBe('2026-12-04')
      expect(parseDateInput('2026/12/04', p)).toBe('2026-12-04')
      expect(parseDateInput('2026-1-5', p)).toBe('2026-01-05')
    }
  })

  it('refuses impossible days and junk', () => {
    for (const t of ['31/02/2026', '29/02/2026', '01/13/2026', '00/12/2026', '04/00/2026', '32/01/2026', '2026-02-30', '2026-13-01', '4/12', '4/12/2026/1', '4/12/202', 'abc', '04/12/2026x', '', '   ', '123/12/2026']) {
      expect(parseDateInput(t, GB), t).toBeNull()
    }
    expect(parseDateInput('29/02/2028', GB)).toBe('2028-02-29')
    expect(parseDateInput('12/31/2026', GB)).toBeNull()
    expect(parseDateInput('12/31/2026', US)).toBe('2026-12-31')
  })

  it('never throws on odd input', () => {
    for (const t of [undefined, null, 42, {}] as unknown as string[]) {
      expect(() => parseDateInput(t, GB)).not.toThrow()
      expect(() => formatDateInput(t, GB)).not.toThrow()
      expect(() => parseTimeInput(t)).not.toThrow()
      expect(() => parseDateTimeInput(t, GB)).not.toThrow()
    }
  })
})

describe('times', () => {
  it('reads 24-hour, digits-only, short and am/pm times', () => {
    const cases: Record<string, string> = {
      '17:30': '17:30',
      '1730': '17:30',
      '930': '09:30',
      '9:05': '09:05',
      '9': '09:00',
      '09.15': '09:15',
      '17:30:45': '17:30',
      '5:30 pm': '17:30',
      '5:30PM': '17:30',
      '5 p.m.': '17:00',
      '12am': '00:00',
      '12:15 AM': '00:15',
      '12pm': '12:00',
      '0:00': '00:00',
      '23:59': '23:59',
    }
    for (const [t, v] of Object.entries(cases)) expect(parseTimeInput(t), t).toBe(v)
  })

  it('refuses impossible times', () => {
    for (const t of ['24:00', '12:60', '13pm', '0am', '17:3', '1:2:3', 'noon', '', '12345', '9:30 xm']) {
      expect(parseTimeInput(t), t).toBeNull()
    }
  })

  it('formats 24-hour or with am/pm', () => {
    expect(formatTimeInput('17:30')).toBe('17:30')
    expect(formatTimeInput('17:30', true)).toBe('5:30 PM')
    expect(formatTimeInput('00:05', true)).toBe('12:05 AM')
    expect(formatTimeInput('12:00', true)).toBe('12:00 PM')
    expect(formatTimeInput('')).toBe('')
    // What it formats, it reads back.
    expect(parseTimeInput(formatTimeInput('00:05', true))).toBe('00:05')
  })
})

describe('date-times', () => {
  it('reads "<date> <time>", "<date>, <time>" and ISO', () => {
    expect(parseDateTimeInput('04/12/2026 10:00', GB)).toBe('2026-12-04T10:00')
    expect(parseDateTimeInput('04/12/2026, 10:00', GB)).toBe('2026-12-04T10:00')
    expect(parseDateTimeInput('12/04/2026 5:30 pm', US)).toBe('2026-12-04T17:30')
    expect(parseDateTimeInput('4 12 2026 9:30', GB)).toBe('2026-12-04T09:30')
    for (const p of [GB, US, DE, ISO_PATTERN]) {
      expect(parseDateTimeInput('2026-12-04T10:00', p)).toBe('2026-12-04T10:00')
      expect(parseDateTimeInput('2026-12-04T10:00:30', p)).toBe('2026-12-04T10:00')
      expect(parseDateTimeInput('2026-12-04 10:00', p)).toBe('2026-12-04T10:00')
    }
  })

  it('refuses a missing or impossible part', () => {
    for (const t of ['04/12/2026', '10:00', '31/02/2026 10:00', '04/12/2026 25:00', '2026-12-04T', '2026-12-04T10:0', 'soon', '']) {
      expect(parseDateTimeInput(t, GB), t).toBeNull()
    }
  })

  it('formats in the pattern and reads back what it shows', () => {
    expect(formatDateTimeInput('2026-12-04T10:00', GB)).toBe('04/12/2026 10:00')
    expect(formatDateTimeInput('2026-12-04T17:30', US, true)).toBe('12/04/2026 5:30 PM')
    expect(formatDateTimeInput('2026-12-04T10:00', ISO_PATTERN)).toBe('2026-12-04 10:00')
    expect(formatDateTimeInput('2026-12-04T10:00:00', DE)).toBe('04.12.2026 10:00')
    expect(formatDateTimeInput('', GB)).toBe('')
    expect(parseDateTimeInput(formatDateTimeInput('2026-12-04T17:30', US, true), US)).toBe('2026-12-04T17:30')
    expect(dateTimePlaceholder(GB)).toBe('dd/mm/yyyy hh:mm')
  })
})

describe('steps', () => {
  it('moves days across months and years, times round the clock', () => {
    expect(stepDate('2026-12-31', 1)).toBe('2027-01-01')
    expect(stepDate('2026-03-01', -1)).toBe('2026-02-28')
    expect(stepDate('junk', 1)).toBeNull()
    expect(stepTime('23:50', 15)).toBe('00:05')
    expect(stepTime('00:05', -15)).toBe('23:50')
    expect(stepDateTime('2026-12-31T23:50', 15)).toBe('2027-01-01T00:05')
    expect(stepDateTime('2026-03-29T10:00', -1440)).toBe('2026-03-28T10:00')
  })

  it('gives today and now rounded down', () => {
    expect(localNow(new Date(2026, 11, 4, 10, 7), 15)).toEqual({ date: '2026-12-04', time: '10:00' })
  })
})
