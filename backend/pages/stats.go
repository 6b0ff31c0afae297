package pages

import (
	"errors"
	"io"
	"math"
	"slices"
	"sort"
)

// PersonStat is the paging load of one acknowledging user of an export.
type PersonStat struct {
	Name             string  `json:"name"`             // as the file gives it
	Pages            int     `json:"pages"`            // pages they acknowledged
	MedianAckSeconds float64 `json:"medianAckSeconds"` // NaN when no page has a time to acknowledge
}

// Aggregate streams an export and counts, per acknowledging user name as
// given, the pages and the median time to acknowledge. Bad rows are
// skipped and counted; pages without an acknowledging user are left out
// (as a group-by on the column leaves out empty keys).
func Aggregate(r io.Reader, opt ParseOptions) (stats []PersonStat, rowsRead, bad int, err error) {
	rs, err := newRows(r, opt)
	if err != nil {
		return nil, 0, 0, err
	}
	type acc struct {
		pages int
		acks  []int32
	}
	by := map[string]*acc{}
	var p Page
	for {
		err := rs.next(&p)
		if err == io.EOF {
			break
		}
		rowsRead++
		var re *RowError
		if errors.As(err, &re) {
			bad++
			continue
		}
		if err != nil {
			return nil, rowsRead, bad, err
		}
		if p.AckBy == "" {
			continue
		}
		a := by[p.AckBy]
		if a == nil {
			a = &acc{}
			by[p.AckBy] = a
		}
		a.pages++
		if p.AckSeconds != nil {
			a.acks = append(a.acks, int32(min(*p.AckSeconds, math.MaxInt32)))
		}
	}
	stats = make([]PersonStat, 0, len(by))
	for name, a := range by {
		stats = append(stats, PersonStat{Name: name, Pages: a.pages, MedianAckSeconds: median(a.acks)})
	}
	sort.Slice(stats, func(i, j int) bool { return stats[i].Name < stats[j].Name })
	return stats, rowsRead, bad, nil
}

func median(v []int32) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	slices.Sort(v)
	m := len(v) / 2
	if len(v)%2 == 1 {
		return float64(v[m])
	}
	return (float64(v[m-1]) + float64(v[m])) / 2
}
