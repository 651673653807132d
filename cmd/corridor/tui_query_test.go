package main

import (
	"strings"
	"testing"
)

// TestTUIQueryFlag: -query (and its old name -filter) is checked before the
// dashboard starts, and a mistake is a usage error that says where and how
// to fix it, as extract -query does.
func TestTUIQueryFlag(t *testing.T) {
	for _, flag := range []string{"-query", "-filter", "--query"} {
		_, errOut, code := runCLI(t, flag, "metrc:rail_freight")
		if code != 2 || !strings.Contains(errOut, "did you mean metric?") {
			t.Errorf("%s with a typo: exit %d, stderr %q; want 2 and the hint", flag, code, errOut)
		}
	}
	if out, _, code := runCLI(t, "-h"); code != 0 || !strings.Contains(out, "-query Q") {
		t.Errorf("-h: exit %d, no -query in:\n%s", code, out)
	}
}
