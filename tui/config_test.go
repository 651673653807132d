package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, file, body string
		want             map[string][]string
		theme            string
		err              string
	}{
		{"yaml", "corridor.yaml", "theme: dark\nkeys: {quit: [\"q\", \"ctrl+c\"], filter: [\"/\"], chart.cycle: [\"c\"]}\n",
			map[string][]string{"quit": {"q", "ctrl+c"}, "filter": {"/"}, "chart.cycle": {"c"}}, "dark", ""},
		{"toml", "corridor.toml", "theme = \"mono\"\n[keys]\nquit = [\"x\"]\n\"reader.close\" = [\"backspace\"]\n",
			map[string][]string{"quit": {"x"}, "reader.close": {"backspace"}}, "mono", ""},
		{"empty", "corridor.yaml", "", nil, "", ""},
		{"unknown key name", "corridor.yaml", "keys: {quitt: [q]}\n", nil, "", "unknown key names quitt"},
		{"unknown field", "corridor.yaml", "colour: red\n", nil, "", "field colour not found"},
		{"bad theme", "corridor.yaml", "theme: neon\n", nil, "", "unknown theme"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name, tc.file)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := LoadConfig(p)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Theme != tc.theme || len(c.Keys) != len(tc.want) {
				t.Fatalf("got %+v, want theme %q keys %v", c, tc.theme, tc.want)
			}
			for k, v := range tc.want {
				if strings.Join(c.Keys[k], " ") != strings.Join(v, " ") {
					t.Errorf("keys[%s] = %v, want %v", k, c.Keys[k], v)
				}
			}
		})
	}
}

func TestFindConfig(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("XDG_CONFIG_DIRS", filepath.Join(home, "none"))
	if p := FindConfig(); p != "" {
		t.Fatalf("found %q in an empty folder", p)
	}
	want := filepath.Join(home, "corridor", "corridor.toml")
	os.MkdirAll(filepath.Dir(want), 0o755)
	os.WriteFile(want, nil, 0o644)
	if p := FindConfig(); p != want {
		t.Errorf("FindConfig() = %q, want %q", p, want)
	}
}

func TestKeyNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range KeyNames() {
		if seen[n] {
			t.Errorf("key name %q used twice", n)
		}
		seen[n] = true
	}
	for _, n := range []string{"quit", "filter", "copy", "chart.cycle", "reader.close", "timeline.open"} {
		if !seen[n] {
			t.Errorf("KeyNames lacks %q", n)
		}
	}
}
