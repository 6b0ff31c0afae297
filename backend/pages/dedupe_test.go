package pages_test

import (
	"testing"

	"wheelhouse/backend/pages"
)

// Importing after pagerduty.csv (Q1AAA–Q1DDD): an export that overlaps it
// finds the stored pages by their ids. The same page written another way
// (columns in another order, times at another offset, the duration instead
// of the instant) is unchanged; a changed field updates it; an id twice in
// one file counts once, the later row winning.
func TestOverlappingExports(t *testing.T) {
	const head = "id,incident_number,title,description,created_at,resolved_at,status,urgency,service_name,team_name,escalation_policy_name,assigned_user_names,acknowledged_user_names,resolved_by_user_name,seconds_to_first_ack,seconds_to_resolve\n"
	const q1aaa = "Q1AAA,101,Payments API 5xx,High error rate,2026-11-03T09:15:00Z,2026-11-03T10:02:30Z,resolved,high,payments-api,Payments,Payments EP,José Núñez,Jose Nunez,José Núñez,125,2850\n"
	cases := []struct {
		name                                  string
		file                                  string
		added, updated, unchanged, duplicates int
	}{
		{"the same row", head + q1aaa, 0, 0, 1, 0},
		{"times at +01:00, columns reordered", "status,id,incident_number,title,description,urgency,created_at,resolved_at,service_name,team_name,escalation_policy_name,assigned_user_names,acknowledged_user_names,resolved_by_user_name,seconds_to_first_ack,seconds_to_resolve\n" +
			"resolved,Q1AAA,101,Payments API 5xx,High error rate,high,2026-11-03T10:15:00+01:00,2026-11-03T11:02:30+01:00,payments-api,Payments,Payments EP,José Núñez,Jose Nunez,José Núñez,125,2850\n", 0, 0, 1, 0},
		{"the resolution as an instant only", head + "Q1AAA,101,Payments API 5xx,High error rate,2026-11-03T09:15:00Z,2026-11-03T10:02:30Z,resolved,high,payments-api,Payments,Payments EP,José Núñez,Jose Nunez,José Núñez,125,\n", 0, 0, 1, 0},
		{"Unix seconds", head + "Q1AAA,101,Payments API 5xx,High error rate,1793697300,1793700150,resolved,high,payments-api,Payments,Payments EP,José Núñez,Jose Nunez,José Núñez,125,2850\n", 0, 0, 1, 0},
		{"a changed title and a new page", head + "Q1AAA,101,Payments API 5xx (EU),High error rate,2026-11-03T09:15:00Z,2026-11-03T10:02:30Z,resolved,high,payments-api,Payments,Payments EP,José Núñez,Jose Nunez,José Núñez,125,2850\n" +
			"Q1EEE,105,New,,2026-11-20T09:00:00Z,,triggered,high,payments-api,Payments,Payments EP,,,,,\n", 1, 1, 0, 0},
		{"one id twice, the later row the stored one", head + "Q1AAA,101,Other title,High error rate,2026-11-03T09:15:00Z,2026-11-03T10:02:30Z,resolved,high,payments-api,Payments,Payments EP,José Núñez,Jose Nunez,José Núñez,125,2850\n" + q1aaa, 0, 0, 1, 1},
		{"an id in another case is another page", head + "q1aaa,101,Payments API 5xx,High error rate,2026-11-03T09:15:00Z,2026-11-03T10:02:30Z,resolved,high,payments-api,Payments,Payments EP,José Núñez,Jose Nunez,José Núñez,125,2850\n", 1, 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			if _, err := f.w.Pages.Apply(file("pagerduty.csv"), pages.Options{}); err != nil {
				t.Fatal(err)
			}
			before := f.keys(t)
			res, err := f.w.Pages.Apply(pages.OpenBytes([]byte(c.file)), pages.Options{ParseOptions: pages.ParseOptions{Source: "pagerduty"}})
			if err != nil {
				t.Fatal(err)
			}
			if res.Added != c.added || res.Updated != c.updated || res.Unchanged != c.unchanged || res.Duplicates != c.duplicates {
				t.Fatalf("added %d, updated %d, unchanged %d, duplicates %d; want %d %d %d %d", res.Added, res.Updated, res.Unchanged, res.Duplicates,
					c.added, c.updated, c.unchanged, c.duplicates)
			}
			if n, _ := f.w.Pages.Count(); n != 4+c.added {
				t.Errorf("%d pages stored", n)
			}
			if c.added+c.updated == 0 && f.keys(t) != before {
				t.Error("an import that changes nothing changed the store")
			}
		})
	}
}
