import { describe, expect, it } from 'vitest'
import { passwordPlaceText, versionOf } from './publish'

describe('versionOf', () => {
  it('reads the backend’s summary and UTC times', () => {
    expect(versionOf('Ana on call · Primary, 2027-01-04 09:00 – 2027-01-11 09:00 UTC')).toEqual({
      summary: 'Ana on call · Primary',
      start: '2027-01-04T09:00:00Z',
      end: '2027-01-11T09:00:00Z',
      text: 'Ana on call · Primary, 2027-01-04 09:00 – 2027-01-11 09:00 UTC',
    })
  })
  it('keeps text it cannot read as it is', () => {
    expect(versionOf('(a copy that cannot be read)')).toEqual({ summary: '', start: '', end: '', text: '(a copy that cannot be read)' })
  })
})

describe('passwordPlaceText', () => {
  it('says where a password goes, and warns for a plain workspace', () => {
    expect(passwordPlaceText(null)).toBe('Checking where it will be kept…')
    expect(passwordPlaceText({ place: 'keyring', encrypted: false, reason: '' })).toMatch(/^Kept in the OS keyring/)
    expect(passwordPlaceText({ place: 'workspace', encrypted: true, reason: '' })).toMatch(/which is encrypted/)
    expect(passwordPlaceText({ place: 'workspace', encrypted: false, reason: '' })).toMatch(/anyone who can read its folder can read it/)
  })
})
