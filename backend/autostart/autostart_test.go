package autostart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSetAndRemove(t *testing.T) {
	cfg := t.TempDir()
	env := func(k string) string {
		if k == "XDG_CONFIG_HOME" {
			return cfg
		}
		return ""
	}
	if Enabled(env) {
		t.Fatal("enabled before Set")
	}
	if err := Set(true, "/opt/My Apps/wheelhouse", "/home/d/.local/share/wheelhouse", env); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(cfg, "autostart", "wheelhouse.desktop"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `Exec="/opt/My Apps/wheelhouse" --data /home/d/.local/share/wheelhouse --background`) || !Enabled(env) {
		t.Fatalf("entry:\n%s", b)
	}
	if err := Set(false, "", "", env); err != nil || Enabled(env) {
		t.Fatalf("remove: %v", err)
	}
	if err := Set(false, "", "", env); err != nil {
		t.Fatalf("removing twice: %v", err)
	}
	home := t.TempDir()
	p, _ := Path(func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	})
	if p != filepath.Join(home, ".config", "autostart", "wheelhouse.desktop") {
		t.Fatalf("default path %s", p)
	}
}
