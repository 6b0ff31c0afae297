package pages_test

import (
	"strings"
	"testing"

	"wheelhouse/backend/id"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
)

// How the acknowledging user of a page finds a person: by name or e-mail
// address, case, accents and spacing ignored; "Name <address>" tries the
// address first; in a list, the first that is somebody; a name two people
// share, a partial name or an unknown address finds nobody, and the page
// goes to whoever was on call (Bob: the primary's first week).
func TestAcknowledgerMatching(t *testing.T) {
	f := newFixture(t)
	person := func(name, email string) id.ID {
		p, err := f.w.Roster.CreatePerson(people.Person{Name: name, Email: email, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	sam1, _ := person("Sam Berg", "sam1@example.com"), person("Sam Berg", "sam2@example.com")
	oyvind := person("Øyvind Straße", "")
	cases := []struct {
		ack string
		who id.ID
		by  string
	}{
		{"Bob Stone", f.bob.ID, pages.ByName},
		{"  bob   STONE ", f.bob.ID, pages.ByName},
		{"Jose Nunez", f.jose.ID, pages.ByName},
		{"JOSÉ NÚÑEZ", f.jose.ID, pages.ByName},
		{"Oyvind Strasse", oyvind, pages.ByName},
		{"JOSE@EXAMPLE.COM", f.jose.ID, pages.ByEmail},
		{"Ann Lee <ann@example.com>", f.ann.ID, pages.ByEmail},
		{"Somebody Else <ann@example.com>", f.ann.ID, pages.ByEmail},
		{"Bob Stone <bob@example.com>", f.bob.ID, pages.ByName}, // the address is nobody's, the name is Bob's
		{"Zed Unknown, Carla Diaz", f.carla.ID, pages.ByName},
		{"Zed Unknown; ann@example.com", f.ann.ID, pages.ByEmail},
		{"Carla Diaz | Bob Stone", f.carla.ID, pages.ByName},
		{"sam1@example.com", sam1, pages.ByEmail},      // the address tells the two Sams apart
		{"Sam Berg", f.bob.ID, pages.ByOnCall},         // two people have the name
		{"Bob", f.bob.ID, pages.ByOnCall},              // no partial names
		{"bob@example.com", f.bob.ID, pages.ByOnCall},  // Bob has no address
		{"", f.bob.ID, pages.ByOnCall},                 // nobody acknowledged
		{"Carla Diaz-Ortiz", f.bob.ID, pages.ByOnCall}, // another name
		{"carla.diaz@example.com", f.bob.ID, pages.ByOnCall},
	}
	var csv strings.Builder
	csv.WriteString("id,created_at,acknowledged_user_names,service_name\n")
	for i, c := range cases {
		csv.WriteString("M" + string(rune('A'+i)) + `,2026-11-04T12:00:00Z,"` + strings.ReplaceAll(c.ack, `"`, `""`) + `",payments-api` + "\n")
	}
	res, err := f.w.Pages.Apply(pages.OpenBytes([]byte(csv.String())), pages.Options{ParseOptions: pages.ParseOptions{Source: "pagerduty"}})
	if err != nil || res.Added != len(cases) {
		t.Fatalf("%+v %v", res, err)
	}
	got := f.stored(t)
	for i, c := range cases {
		p := got["pagerduty/M"+string(rune('A'+i))]
		if p.ResponderID != c.who || p.ResponderBy != c.by {
			t.Errorf("%q: responder %s by %q, want %s by %q", c.ack, p.ResponderID, p.ResponderBy, c.who, c.by)
		}
		if c.by == pages.ByOnCall && p.RotationID != f.primary.ID {
			t.Errorf("%q: on the rotation %s, want the primary", c.ack, p.RotationID)
		}
	}
}
