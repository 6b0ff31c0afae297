package datadir

import (
	"path/filepath"
	"testing"
)

func TestDefaults(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"HOME": "/home/d"}, "/home/d/.local/share/wheelhouse"},
		{"linux", map[string]string{"HOME": "/home/d", "XDG_DATA_HOME": "/xdg"}, "/xdg/wheelhouse"},
		{"linux", map[string]string{"HOME": "/home/d", "XDG_DATA_HOME": "relative"}, "/home/d/.local/share/wheelhouse"},
		{"darwin", map[string]string{"HOME": "/Users/d"}, "/Users/d/Library/Application Support/Wheelhouse"},
		{"windows", map[string]string{"HOME": "C:/Users/d", "LOCALAPPDATA": "C:/Users/d/AppData/Local"}, filepath.Join("C:/Users/d/AppData/Local", "Wheelhouse")},
	}
	for _, c := range cases {
		got, err := Default(c.goos, env(c.env))
		if err != nil || got != c.want {
			t.Errorf("%s %v: %q, %v; want %q", c.goos, c.env, got, err, c.want)
		}
	}
	got, _ := Resolve("", env(map[string]string{EnvVar: "/data/wh", "HOME": "/h"}))
	if got != "/data/wh" {
		t.Errorf("env override: %q", got)
	}
	got, _ = Resolve("/flag", env(map[string]string{EnvVar: "/data/wh"}))
	if got != "/flag" {
		t.Errorf("flag override: %q", got)
	}
	if Demo("/d") != "/d/demo" {
		t.Error("demo dir")
	}
}
