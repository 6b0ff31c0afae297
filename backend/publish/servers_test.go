package publish_test

import (
	"bytes"
	"context"
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

	"wheelhouse/backend/caldav"
)

// server is a real CalDAV server the test started: Radicale (htpasswd with
// bcrypt) or Xandikos (no auth).
type server struct {
	t        *testing.T
	kind     string
	dir      string
	port     int
	user, pw string
	cmd      *exec.Cmd
	args     []string
	log      *bytes.Buffer
}

func freePort(t *testing.T) int {
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
func startRadicale(t *testing.T) *server {
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
	s := &server{t: t, kind: "radicale", dir: dir, port: freePort(t), user: "alice", pw: "s3cret pass"}
	if out, err := exec.Command(htp, "-B", "-c", "-b", filepath.Join(dir, "users"), s.user, s.pw).CombinedOutput(); err != nil {
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
`, s.port, filepath.Join(dir, "users"), filepath.Join(dir, "collections"))
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	s.args = []string{bin, "--config", filepath.Join(dir, "config")}
	s.start()
	t.Cleanup(s.stop)
	return s
}

// startXandikos starts Debian's xandikos (no authentication) with a
// default calendar at /user/calendars/calendar/.
func startXandikos(t *testing.T) *server {
	t.Helper()
	bin, err := exec.LookPath("xandikos")
	if err != nil {
		t.Skip("xandikos is not installed (scripts/setup.sh installs it)")
	}
	dir := t.TempDir()
	s := &server{t: t, kind: "xandikos", dir: dir, port: freePort(t)}
	s.args = []string{bin, "--defaults", "-d", dir, "-l", "127.0.0.1", "-p", fmt.Sprint(s.port)}
	s.start()
	t.Cleanup(s.stop)
	return s
}

func (s *server) base() string { return fmt.Sprintf("http://127.0.0.1:%d", s.port) }

// calendarURL is a calendar collection URL of the test user.
func (s *server) calendarURL(name string) string {
	if s.kind == "xandikos" {
		return s.base() + "/user/calendars/" + name + "/"
	}
	return s.base() + "/" + s.user + "/" + name + "/"
}

func (s *server) start() {
	s.t.Helper()
	s.log = &bytes.Buffer{}
	s.cmd = exec.Command(s.args[0], s.args[1:]...)
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", s.port), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			s.stop()
			s.t.Fatalf("%s did not listen on %d: %s", s.kind, s.port, s.log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *server) stop() {
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
type heldEvent struct {
	Href     string `json:"href"`
	UID      string `json:"uid"`
	Summary  string `json:"summary"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Sequence int    `json:"sequence"`
	Alarm    string `json:"alarm"`
}

func (s *server) readBack(t *testing.T, coll string) map[string]heldEvent {
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
	if s.user != "" {
		req.SetBasicAuth(s.user, s.pw)
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
	var evs []heldEvent
	if err := json.Unmarshal(out, &evs); err != nil {
		t.Fatal(err)
	}
	m := map[string]heldEvent{}
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
type countingProxy struct {
	target string
	mu     sync.Mutex
	counts map[string]int
	fail   func(r *http.Request) int
	srv    *http.Server
	ln     net.Listener
}

func newProxy(t *testing.T, target string) *countingProxy {
	t.Helper()
	p := &countingProxy{target: target, counts: map[string]int{}}
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

func (p *countingProxy) URL() string { return "http://" + p.ln.Addr().String() }

func (p *countingProxy) reset() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.counts
	p.counts = map[string]int{}
	return c
}

func (p *countingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.counts[r.Method]++
	fail := p.fail
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
func rawClient(t *testing.T, s *server) *caldav.Client {
	c, err := caldav.New(caldav.Options{User: s.user, Password: s.pw})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var bg = context.Background()
