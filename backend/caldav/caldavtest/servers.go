// Package caldavtest starts real CalDAV servers for tests: Debian's
// radicale (htpasswd auth with bcrypt) and xandikos, on free loopback ports
// with temp storage; reads back what they hold with an independent client
// (raw REPORT, python3-icalendar); and a counting proxy that can fail
// requests (507). Tests skip only when the binaries are missing.
package caldavtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"wheelhouse/backend/clock"

	"wheelhouse/backend/caldav"
)

// server is a real CalDAV server the test started: Radicale (htpasswd with
// bcrypt) or Xandikos (no auth).
type Server struct {
	t        testing.TB
	Kind     string
	Dir      string
	Port     int
	User, PW string
	cmd      *exec.Cmd
	args     []string
	log      *bytes.Buffer
}

func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startRadicale starts Debian's radicale on a free port with a temp
// storage folder and a bcrypt htpasswd file for user "alice".
func StartRadicale(t testing.TB) *Server {
	t.Helper()
	bin, err := exec.LookPath("radicale")
	if err != nil {
		t.Skip("radicale is not installed (scripts/setup.sh installs it): the CalDAV publish is not tested against a real server")
	}
	htp, err := exec.LookPath("htpasswd")
	if err != nil {
		t.Skip("htpasswd (apache2-utils) is not installed: scripts/setup.sh installs it")
	}
	dir := t.TempDir()
	s := &Server{t: t, Kind: "radicale", Dir: dir, Port: FreePort(t), User: "alice", PW: "s3cret pass"}
	if out, err := exec.Command(htp, "-B", "-c", "-b", filepath.Join(dir, "users"), s.User, s.PW).CombinedOutput(); err != nil {
		t.Fatalf("htpasswd: %v\n%s", err, out)
	}
	cfg := fmt.Sprintf(`[server]
hosts = 127.0.0.1:%d
[auth]
type = htpasswd
htpasswd_filename = %s
htpasswd_encryption = bcrypt
delay = 0
[storage]
filesystem_folder = %s
[logging]
level = warning
[rights]
type = owner_only
`, s.Port, filepath.Join(dir, "users"), filepath.Join(dir, "collections"))
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	s.args = []string{bin, "--config", filepath.Join(dir, "config")}
	s.Start()
	t.Cleanup(s.Stop)
	return s
}

// startXandikos starts Debian's xandikos (no authentication) with a
// default calendar at /user/calendars/calendar/.
func StartXandikos(t testing.TB) *Server {
	t.Helper()
	bin, err := exec.LookPath("xandikos")
	if err != nil {
		t.Skip("xandikos is not installed (scripts/setup.sh installs it)")
	}
	dir := t.TempDir()
	s := &Server{t: t, Kind: "xandikos", Dir: dir, Port: FreePort(t)}
	s.args = []string{bin, "--defaults", "-d", dir, "-l", "127.0.0.1", "-p", fmt.Sprint(s.Port)}
	s.Start()
	t.Cleanup(s.Stop)
	return s
}

// Log is what the server wrote since it was last started.
func (s *Server) Log() string {
	if s.log == nil {
		return ""
	}
	return s.log.String()
}

func (s *Server) Base() string { return fmt.Sprintf("http://127.0.0.1:%d", s.Port) }

// calendarURL is a calendar collection URL of the test user.
func (s *Server) CalendarURL(name string) string {
	if s.Kind == "xandikos" {
		return s.Base() + "/user/calendars/" + name + "/"
	}
	return s.Base() + "/" + s.User + "/" + name + "/"
}

func (s *Server) Start() {
	s.t.Helper()
	s.log = &bytes.Buffer{}
	s.cmd = exec.Command(s.args[0], s.args[1:]...)
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	wall := clock.Real{} // a real server process: real seconds
	deadline := wall.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", s.Port), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		if wall.Now().After(deadline) {
			s.Stop()
			s.t.Fatalf("%s did not listen on %d: %s", s.Kind, s.Port, s.log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	s.cmd = nil
}

// readBack is an independent reading of what the server holds: a REPORT
// calendar-query over raw HTTP (not the publisher's client), the
// calendar-data parsed by python3-icalendar.
type HeldEvent struct {
	Href     string `json:"href"`
	UID      string `json:"uid"`
	Summary  string `json:"summary"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Sequence int    `json:"sequence"`
	Alarm    string `json:"alarm"`
}

func (s *Server) ReadBack(t testing.TB, coll string) map[string]HeldEvent {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import icalendar").Run(); err != nil {
		t.Skip("python3-icalendar is not installed (scripts/setup.sh installs it): no independent read-back")
	}
	body := `<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>`
	req, _ := http.NewRequest("REPORT", coll, strings.NewReader(body))
	req.ContentLength = int64(len(body))
	req.Header.Set("Depth", "1")
	req.Header.Set("Content-Type", "application/xml")
	if s.User != "" {
		req.SetBasicAuth(s.User, s.PW)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 207 {
		t.Fatalf("REPORT %s: %d", coll, resp.StatusCode)
	}
	const script = `
import sys, json, xml.etree.ElementTree as ET, icalendar
root = ET.parse(sys.stdin.buffer).getroot()
out = []
for r in root.findall('{DAV:}response'):
    href = r.findtext('{DAV:}href')
    for data in r.iter('{urn:ietf:params:xml:ns:caldav}calendar-data'):
        cal = icalendar.Calendar.from_ical(data.text)
        for ev in cal.walk('VEVENT'):
            alarm = ''
            for a in ev.walk('VALARM'):
                alarm = a.get('TRIGGER').to_ical().decode()
            out.append(dict(href=href, uid=str(ev.get('UID')), summary=str(ev.get('SUMMARY')),
                start=ev.decoded('DTSTART').strftime('%Y-%m-%dT%H:%M:%SZ'),
                end=ev.decoded('DTEND').strftime('%Y-%m-%dT%H:%M:%SZ'),
                sequence=int(ev.get('SEQUENCE', 0)), alarm=alarm))
json.dump(out, sys.stdout)
`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = resp.Body
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3-icalendar: %v\n%s", err, stderr.String())
	}
	var evs []HeldEvent
	if err := json.Unmarshal(out, &evs); err != nil {
		t.Fatal(err)
	}
	m := map[string]HeldEvent{}
	for _, e := range evs {
		if _, dup := m[e.UID]; dup {
			t.Fatalf("the server holds UID %s twice", e.UID)
		}
		m[e.UID] = e
	}
	return m
}

// countingProxy forwards to a server and counts requests by method; fail,
// if set, answers instead of the server.
type Proxy struct {
	target string
	mu     sync.Mutex
	counts map[string]int
	Fail   func(r *http.Request) int
	srv    *http.Server
	ln     net.Listener
}

func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	p := &Proxy{target: target, counts: map[string]int{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.ln = ln
	p.srv = &http.Server{Handler: p}
	go p.srv.Serve(ln)
	t.Cleanup(func() { p.srv.Close() })
	return p
}

func (p *Proxy) URL() string { return "http://" + p.ln.Addr().String() }

func (p *Proxy) Reset() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.counts
	p.counts = map[string]int{}
	return c
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.counts[r.Method]++
	fail := p.Fail
	p.mu.Unlock()
	if fail != nil {
		if code := fail(r); code != 0 {
			http.Error(w, http.StatusText(code), code)
			return
		}
	}
	body, _ := readAll(r)
	req, _ := http.NewRequestWithContext(r.Context(), r.Method, p.target+r.URL.RequestURI(), bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	req.Header = r.Header.Clone()
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	b, _ := readAllResp(resp)
	w.Write(b)
}

func readAll(r *http.Request) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(r.Body)
	return b.Bytes(), err
}

func readAllResp(r *http.Response) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(r.Body)
	return b.Bytes(), err
}

// rawClient is an independent client for server-side edits.
func RawClient(t testing.TB, s *Server) *caldav.Client {
	c, err := caldav.New(caldav.Options{User: s.User, Password: s.PW})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
