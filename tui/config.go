package tui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"
	"github.com/charmbracelet/bubbles/key"
	"gopkg.in/yaml.v3"
)

// Config is the user's configuration file, corridor.yaml or corridor.toml in
// the XDG config folder:
//
//	theme: dark
//	keys:
//	  quit: ["q", "ctrl+c"]
//	  filter: ["/"]
//	  chart.cycle: ["c"]
//
// Key names are the global actions (quit, help, next_pane, copy...), the
// table's (up, down, filter, sort_next...) and the other panes' prefixed by
// the pane ("chart.cycle"); KeyNames lists them all. An empty list unbinds
// the action.
type Config struct {
	Theme string              `yaml:"theme" toml:"theme"` // auto, light, dark or mono; "" keeps the flag's
	Keys  map[string][]string `yaml:"keys" toml:"keys"`   // action name -> keys, as bubbles/key spells them
}

// ConfigNames are the file names looked for, in order, in each XDG config
// folder, both directly and in a "corridor" sub-folder.
var ConfigNames = []string{"corridor.yaml", "corridor.yml", "corridor.toml"}

// FindConfig returns the path of the first config file found in the XDG
// config folders ($XDG_CONFIG_HOME, then $XDG_CONFIG_DIRS), or "" if there
// is none. Not finding one is not an error: the defaults apply.
func FindConfig() string {
	xdg.Reload() // the environment may have changed since init (tests, SSH)
	for _, dir := range append([]string{xdg.ConfigHome}, xdg.ConfigDirs...) {
		for _, sub := range []string{"corridor", ""} {
			for _, name := range ConfigNames {
				p := filepath.Join(dir, sub, name)
				if st, err := os.Stat(p); err == nil && !st.IsDir() {
					return p
				}
			}
		}
	}
	return ""
}

// LoadConfig reads the config file at path, YAML or TOML by its extension,
// and checks every key name against KeyNames so that a typo is reported
// rather than silently ignored.
func LoadConfig(path string) (Config, error) {
	var c Config
	data, err := os.ReadFile(path)
	if err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".toml":
		var md toml.MetaData
		md, err = toml.NewDecoder(bytes.NewReader(data)).Decode(&c)
		if u := md.Undecoded(); err == nil && len(u) > 0 {
			err = fmt.Errorf("unknown field %s", u[0])
		}
	default:
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err = dec.Decode(&c); err != nil && err.Error() == "EOF" {
			err = nil // an empty file is an empty config
		}
	}
	if err != nil {
		return c, fmt.Errorf("config %s: %w", path, err)
	}
	switch Theme(c.Theme) {
	case "", ThemeAuto, ThemeLight, ThemeDark, ThemeMono:
	default:
		return c, fmt.Errorf("config %s: unknown theme %q (want auto, light, dark or mono)", path, c.Theme)
	}
	if err := checkKeyNames(c.Keys); err != nil {
		return c, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// checkKeyNames reports the names in keys that no keymap knows.
func checkKeyNames(keys map[string][]string) error {
	known := map[string]bool{}
	for _, n := range KeyNames() {
		known[n] = true
	}
	var bad []string
	for n := range keys {
		if !known[n] {
			bad = append(bad, n)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	return fmt.Errorf("unknown key names %s (known: %s)", strings.Join(bad, ", "), strings.Join(KeyNames(), ", "))
}

// rebind sets the keys of every binding in named that keys mentions, and
// makes its help show the new keys, so the footer and ? screen never lie.
// An empty list disables the binding.
func rebind(named map[string]*key.Binding, keys map[string][]string) {
	for name, b := range named {
		ks, ok := keys[name]
		if !ok {
			continue
		}
		if len(ks) == 0 {
			b.SetEnabled(false)
			continue
		}
		b.SetKeys(ks...)
		b.SetHelp(strings.Join(ks, "/"), b.Help().Desc)
		b.SetEnabled(true)
	}
}

// sortedNames returns the names of a Named map, sorted.
func sortedNames(named map[string]*key.Binding) []string {
	out := make([]string, 0, len(named))
	for n := range named {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
