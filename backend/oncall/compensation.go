package oncall

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/tz"
)

// CompensationRow is one person's on-call month (decision 0017).
type CompensationRow struct {
	PersonID id.ID  `json:"personId" ts_type:"string"`
	Name     string `json:"name"`
	// Region is the person's holiday region ("" when none); RegionRates
	// says its own pay policy applies instead of the default one.
	Region       string  `json:"region,omitempty"`
	RegionRates  bool    `json:"regionRates,omitempty"`
	Currency     string  `json:"currency,omitempty"`
	WeekdayHours float64 `json:"weekdayHours"`
	WeekendHours float64 `json:"weekendHours"` // Saturday and Sunday that are not holidays
	HolidayHours float64 `json:"holidayHours"` // holidays of the person's region, any weekday
	TotalHours   float64 `json:"totalHours"`   // each hour once, however many schedules they were on
	// OverlapHours: hours they held on two schedules (or layers) at once,
	// paid once and so left out of TotalHours.
	OverlapHours float64 `json:"overlapHours"`
	Turns        float64 `json:"turns"`       // turns held, a share of a turn counting its share (0.01)
	Days         int     `json:"days"`        // on-call days: half the day or more on call
	HolidayDays  int     `json:"holidayDays"` // of Days, holidays of their region
	HourlyPay    float64 `json:"hourlyPay"`   // pay mode: hours x rates
	Stipends     float64 `json:"stipends"`    // pay mode: turn, day and week stipends
	Amount       float64 `json:"amount"`      // pay mode: HourlyPay + Stipends, rounded to cents
	TimeOffHours float64 `json:"timeOffHours"`
	// Lines explain the row: hours by kind x rate, stipends, holidays x
	// multiplier, the overlap paid once.
	Lines []string `json:"lines"`
}

// CurrencyTotal is the sum of a currency's rows.
type CurrencyTotal struct {
	Currency string  `json:"currency"`
	Amount   float64 `json:"amount"`
}

// CompensationReport is the monthly report.
type CompensationReport struct {
	Month string `json:"month"` // "2026-11"
	Mode  string `json:"mode"`
	// Layers is whose hours were paid: "final" (the layer a page reaches)
	// or "every" (everyone on call in any layer).
	Layers string `json:"layers"`
	// Currency is the default policy's currency (pay mode).
	Currency string            `json:"currency,omitempty"`
	Rows     []CompensationRow `json:"rows"`
	// Total is the sum of all amounts when every row has one currency;
	// Totals has one sum per currency (regions may pay in their own).
	Total  float64         `json:"total"`
	Totals []CurrencyTotal `json:"totals"`
}

// MonthLayout is the format of a report month.
const MonthLayout = "2006-01"

// ParseMonth reads "2026-11".
func ParseMonth(month string) (time.Time, error) {
	m, err := time.Parse(MonthLayout, strings.TrimSpace(month))
	if err != nil || m.Year() < 1970 || m.Year() > 2200 {
		return time.Time{}, errs.FieldErr("month", "Month must look like 2026-11.")
	}
	return m, nil
}

// policy is the pay policy one person is paid by.
type policy struct {
	region                                           string // the region's name ("" when none)
	own                                              bool   // the region's own policy
	currency                                         string
	weekday, weekend, holiday, mult, turn, day, week float64
}

func policyOf(s *Snapshot, cp Compensation) func(id.ID) policy {
	def := policy{currency: cp.Currency, weekday: cp.WeekdayRate, weekend: cp.WeekendRate, holiday: cp.HolidayRate,
		mult: cp.HolidayMultiplier, turn: cp.TurnStipend, day: cp.DayStipend, week: cp.WeekStipend}
	own := map[id.ID]RegionPay{}
	for _, r := range cp.Regions {
		own[r.RegionID] = r
	}
	byPerson := map[id.ID]policy{}
	for _, rg := range s.Regions {
		p := def
		if r, ok := own[rg.ID]; ok && !rg.ID.IsZero() {
			p = policy{own: true, currency: r.Currency, weekday: r.WeekdayRate, weekend: r.WeekendRate, holiday: r.HolidayRate,
				mult: r.HolidayMultiplier, turn: r.TurnStipend, day: r.DayStipend, week: r.WeekStipend}
		}
		p.region = rg.Name
		for _, m := range rg.MemberIDs {
			byPerson[m] = p
		}
	}
	return func(person id.ID) policy {
		p, ok := byPerson[person]
		if !ok {
			p = def
		}
		if p.mult < 1 {
			p.mult = 1
		}
		return p
	}
}

// turnKey is one turn of one rotation.
type turnKey struct {
	rot  id.ID
	slot int
}

// paidPiece is a piece of the final schedule a person holds.
type paidPiece struct {
	span
	turn turnKey
}

// MonthlyCompensation reports what each person earns for being on call in
// a calendar month (the month in the person's own zone), on the final
// schedule of every schedule (who a page reaches first, decision 0015), or
// with Compensation.Layers "every" on every layer's shifts:
// hours by kind (weekday, weekend, holiday of their region), each hour once
// however many schedules they held it on; in pay mode hourly rates, a
// holiday multiplier and stipends per turn (a share of a turn pays its
// share), per on-call day (half the day or more on call; a holiday's
// stipend times the multiplier) and per seven on-call days, by their
// region's policy when it has one; in time_off mode hours off in lieu.
// Rules and reasons: docs/decisions/0017-compensation.md.
func MonthlyCompensation(s *Snapshot, month string) (CompensationReport, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return CompensationReport{}, err
	}
	cp := s.Settings.Compensation
	if cp.Mode == "" {
		cp.Mode = CompensationNone
	}
	if cp.Layers == "" {
		cp.Layers = CompensationLayersFinal
	}
	rep := CompensationReport{Month: m.Format(MonthLayout), Mode: cp.Mode, Layers: cp.Layers, Rows: []CompensationRow{}, Totals: []CurrencyTotal{}}
	if cp.Mode == CompensationPay {
		rep.Currency = cp.Currency
	}
	// Every zone's month lies within 15 hours of the UTC month.
	from, to := m.Add(-15*time.Hour), m.AddDate(0, 1, 0).Add(15*time.Hour)
	per := map[id.ID][]paidPiece{}
	var order []id.ID
	add := func(person, rotation id.ID, slot int, start, end time.Time) {
		if per[person] == nil {
			order = append(order, person)
		}
		per[person] = append(per[person], paidPiece{span{start, end}, turnKey{rotation, slot}})
	}
	for _, sc := range schedules(s) {
		if cp.Layers == CompensationLayersEvery {
			// Everyone on call in any layer; personMonth pays each hour once.
			for _, r := range sc.rots {
				for _, x := range Shifts(s, r.ID, from, to) {
					if !x.Gap && !x.PersonID.IsZero() {
						add(x.PersonID, r.ID, x.Slot, x.Start, x.End)
					}
				}
			}
			continue
		}
		rs := append([]*rot(nil), sc.rots...)
		finalOrder(rs)
		for _, x := range finalOf(s, rs, from, to) {
			if !x.Gap && !x.PersonID.IsZero() {
				add(x.PersonID, x.RotationID, x.Slot, x.Start, x.End)
			}
		}
	}
	turnLen := turnLengths(s, from, to)
	pol := policyOf(s, cp)
	totals := map[string]int64{}
	for _, p := range order {
		row := personMonth(s, p, m, per[p], turnLen, pol(p), cp)
		if row.TotalHours == 0 && row.OverlapHours == 0 {
			continue
		}
		if cp.Mode == CompensationPay {
			totals[row.Currency] += int64(math.Round(row.Amount * 100))
		}
		rep.Rows = append(rep.Rows, row)
	}
	for c, v := range totals {
		rep.Totals = append(rep.Totals, CurrencyTotal{Currency: c, Amount: float64(v) / 100})
	}
	sort.Slice(rep.Totals, func(i, j int) bool { return rep.Totals[i].Currency < rep.Totals[j].Currency })
	if len(rep.Totals) == 1 {
		rep.Total = rep.Totals[0].Amount
		rep.Currency = rep.Totals[0].Currency
	}
	sort.SliceStable(rep.Rows, func(i, j int) bool { return strings.ToLower(rep.Rows[i].Name) < strings.ToLower(rep.Rows[j].Name) })
	return rep, nil
}

// turnLengths returns the length of every turn overlapping [from, to): the
// sum of the rotation's shifts of that turn (gaps included), so a turn
// across a DST change has its real length.
func turnLengths(s *Snapshot, from, to time.Time) map[turnKey]time.Duration {
	out := map[turnKey]time.Duration{}
	ix := s.index()
	for _, rid := range ix.order {
		l := ix.rots[rid].ShiftLength.approx() + 48*time.Hour
		for _, x := range Shifts(s, rid, from.Add(-l), to.Add(l)) {
			out[turnKey{rid, x.Slot}] += x.End.Sub(x.Start)
		}
	}
	return out
}

func personMonth(s *Snapshot, p id.ID, m time.Time, pieces []paidPiece, turnLen map[turnKey]time.Duration, pol policy, cp Compensation) CompensationRow {
	loc := s.Zone(p)
	ms := tz.WallTime(m.Year(), m.Month(), 1, 0, 0, loc)
	me := tz.WallTime(m.Year(), m.Month()+1, 1, 0, 0, loc)
	// Earlier pieces first (the final schedule's order within a start):
	// what a later piece holds at the same time is overlap, paid once.
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].s.Before(pieces[j].s) })
	var claimed []span
	var overlapD time.Duration
	turnHeld := map[turnKey]time.Duration{}
	for _, x := range pieces {
		a, b := maxT(x.s, ms), minT(x.e, me)
		if !a.Before(b) {
			continue
		}
		parts := subtract([]span{{a, b}}, union(claimed))
		var got time.Duration
		for _, q := range parts {
			got += q.e.Sub(q.s)
		}
		overlapD += b.Sub(a) - got
		claimed = append(claimed, parts...)
		turnHeld[x.turn] += got
	}
	u := union(claimed)
	var h hours
	for _, x := range u {
		h.add(breakdown(s, p, x.s, x.e))
	}
	row := CompensationRow{PersonID: p, Name: s.Name(p), Region: pol.region, RegionRates: pol.own, WeekdayHours: hrs(h.cWeekday),
		WeekendHours: hrs(h.cWeekend), HolidayHours: hrs(h.cHoliday), TotalHours: hrs(h.total), OverlapHours: hrs(overlapD), Lines: []string{}}
	// Turns: each turn's share held (of its whole length, so a turn across
	// the month's end is split between the months).
	var turns float64
	for k, d := range turnHeld {
		if n := turnLen[k]; n > 0 {
			turns += min(1, float64(d)/float64(n))
		}
	}
	row.Turns = math.Round(turns*100) / 100
	// On-call days: local days of the month with half the day or more on call.
	for d := 1; ; d++ {
		ds := tz.WallTime(m.Year(), m.Month(), d, 0, 0, loc)
		if !ds.Before(me) {
			break
		}
		de := tz.WallTime(m.Year(), m.Month(), d+1, 0, 0, loc)
		var on time.Duration
		for _, x := range u {
			on += overlap(x.s, x.e, ds, de)
		}
		if on > 0 && 2*on >= de.Sub(ds) {
			row.Days++
			if _, hol := s.HolidayOf(p, time.Date(m.Year(), m.Month(), d, 12, 0, 0, 0, loc).Format(civil.Layout)); hol {
				row.HolidayDays++
			}
		}
	}
	num := func(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }
	money := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	cents := func(v float64) int64 { return int64(math.Round(v * 100)) }
	switch cp.Mode {
	case CompensationPay:
		row.Currency = pol.currency
		if pol.own {
			row.Lines = append(row.Lines, fmt.Sprintf("rates of the region %s (%s)", pol.region, pol.currency))
		}
		var hourly, stip int64
		line := func(sum *int64, v float64, format string, args ...any) {
			c := cents(v)
			if c == 0 {
				return
			}
			*sum += c
			row.Lines = append(row.Lines, fmt.Sprintf(format, args...)+" = "+money(float64(c)/100))
		}
		line(&hourly, h.cWeekday.Hours()*pol.weekday, "%s weekday h × %s", num(h.cWeekday.Hours()), money(pol.weekday))
		line(&hourly, h.cWeekend.Hours()*pol.weekend, "%s weekend h × %s", num(h.cWeekend.Hours()), money(pol.weekend))
		// Holiday hours: the holiday rate, or the rate of the day they fall
		// on, times the multiplier.
		holWeekend := h.weekend - h.cWeekend
		holWeekday := h.cHoliday - holWeekend
		times := ""
		if pol.mult != 1 {
			times = " × " + num(pol.mult)
		}
		if pol.holiday > 0 {
			line(&hourly, h.cHoliday.Hours()*pol.holiday*pol.mult, "%s holiday h × %s%s", num(h.cHoliday.Hours()), money(pol.holiday), times)
		} else {
			line(&hourly, holWeekday.Hours()*pol.weekday*pol.mult, "%s holiday h × %s%s", num(holWeekday.Hours()), money(pol.weekday), times)
			line(&hourly, holWeekend.Hours()*pol.weekend*pol.mult, "%s holiday h on a weekend × %s%s", num(holWeekend.Hours()), money(pol.weekend), times)
		}
		line(&stip, turns*pol.turn, "%s turns × %s", num(turns), money(pol.turn))
		if row.HolidayDays > 0 && pol.mult != 1 {
			line(&stip, (float64(row.Days-row.HolidayDays)+float64(row.HolidayDays)*pol.mult)*pol.day, "(%d on-call days + %d holidays × %s) × %s",
				row.Days-row.HolidayDays, row.HolidayDays, num(pol.mult), money(pol.day))
		} else {
			line(&stip, float64(row.Days)*pol.day, "%d on-call days × %s", row.Days, money(pol.day))
		}
		line(&stip, float64(row.Days)/7*pol.week, "%d on-call days ÷ 7 × %s a week", row.Days, money(pol.week))
		row.HourlyPay, row.Stipends, row.Amount = float64(hourly)/100, float64(stip)/100, float64(hourly+stip)/100
	case CompensationTimeOff:
		row.TimeOffHours = math.Round(h.total.Hours()*cp.TimeOffRatio*100) / 100
		row.Lines = append(row.Lines, fmt.Sprintf("%s h × %s = %s h off", num(h.total.Hours()), num(cp.TimeOffRatio), num(row.TimeOffHours)))
	}
	if overlapD > 0 {
		row.Lines = append(row.Lines, fmt.Sprintf("%s h on two schedules at once, paid once", num(overlapD.Hours())))
	}
	return row
}

// WriteCompensationCSV writes the report as CSV (RFC 4180: CRLF line ends,
// fields with commas, quotes or line breaks quoted, quotes doubled), one
// row per person. A cell that a spreadsheet would run as a formula (=, +,
// -, @ first) is prefixed with an apostrophe.
func WriteCompensationCSV(w io.Writer, rep CompensationReport) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	rows := [][]string{CompensationCSVHeader}
	for _, r := range rep.Rows {
		rows = append(rows, []string{rep.Month, safeCell(r.Name), safeCell(r.Region), r.Currency, f(r.TotalHours), f(r.WeekdayHours),
			f(r.WeekendHours), f(r.HolidayHours), f(r.OverlapHours), f(r.Turns), strconv.Itoa(r.Days), f(r.HourlyPay), f(r.Stipends),
			f(r.Amount), f(r.TimeOffHours), safeCell(strings.Join(r.Lines, "; "))})
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// CompensationCSVHeader is the first line of the CSV.
var CompensationCSVHeader = []string{"month", "person", "region", "currency", "hours", "weekday_hours", "weekend_hours", "holiday_hours",
	"overlap_hours", "turns", "on_call_days", "hourly_pay", "stipends", "total", "time_off_hours", "note"}

func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
