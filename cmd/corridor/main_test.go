package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// runCLI runs the command in-process and returns stdout, stderr and the
// exit code it would exit with.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	code := exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// hasKeys fails unless every key in want is in m.
func hasKeys(t *testing.T, what string, m map[string]any, want ...string) {
	t.Helper()
	for _, k := range want {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks key %q (has %v)", what, k, keys(m))
		}
	}
}

func TestExtractJSONShape(t *testing.T) {
	out, errOut, code := runCLI(t, "extract")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var x struct {
		Documents  []map[string]any `json:"documents"`
		Indicators []map[string]any `json:"indicators"`
		Events     []map[string]any `json:"events"`
		Problems   []map[string]any `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(x.Documents) != 5 {
		t.Fatalf("%d documents, want the 5 seeds", len(x.Documents))
	}
	if x.Problems == nil {
		t.Error("problems should be an empty array, not null")
	}
	for _, d := range x.Documents {
		hasKeys(t, "document", d, "id", "path", "title", "date", "bytes")
	}
	if len(x.Indicators) == 0 || len(x.Events) == 0 {
		t.Fatalf("%d indicators, %d events", len(x.Indicators), len(x.Events))
	}
	for _, in := range x.Indicators {
		hasKeys(t, "indicator", in, "doc", "metric", "subject", "value", "low", "high", "unit",
			"qualifier", "period", "text", "start", "end", "sentence")
		if (in["value"] == nil) == (in["low"] == nil) {
			t.Errorf("indicator %v: exactly one of value and low/high must be set", in["text"])
		}
	}
	for _, ev := range x.Events {
		hasKeys(t, "event", ev, "doc", "year", "month", "day", "end_year", "precision", "text", "start", "end", "summary")
	}
}

func TestExtractFormats(t *testing.T) {
	out, _, code := runCLI(t, "extract", "-format", "csv")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][0] != "id" || rows[0][2] != "metric" {
		t.Fatalf("csv: %v, rows %d, header %v", err, len(rows), rows[0])
	}
	out, _, code = runCLI(t, "extract", "-format", "csv", "-table", "events")
	if code != 0 || !strings.HasPrefix(out, "id,doc,year,") {
		t.Fatalf("events csv: exit %d, %q", code, firstLine(out))
	}
	out, _, code = runCLI(t, "extract", "-format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	kinds := map[string]int{}
	doc := "" // the document of the lines that follow it
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("jsonl line %q: %v", line, err)
		}
		kind := m["kind"].(string)
		kinds[kind]++
		switch kind {
		case "document":
			doc = m["id"].(string)
		case "indicator", "event":
			if m["doc"] != doc {
				t.Errorf("%s of %v after the line of document %s", kind, m["doc"], doc)
			}
		}
	}
	if kinds["document"] != 5 || kinds["indicator"] == 0 || kinds["event"] == 0 {
		t.Errorf("jsonl kinds %v", kinds)
	}
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

func TestExtractExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Rail freight rose 12% to 5.9 million tonnes in 2023.\n"), 0o644)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string // substring of stderr
	}{
		{"all loaded", []string{"extract", good}, 0, ""},
		{"missing path", []string{"extract", good, filepath.Join(dir, "nope.txt")}, 1, "nope.txt"},
		{"empty folder", []string{"extract", t.TempDir()}, 1, ""},
		{"bad format", []string{"extract", "-format", "xml"}, 2, "unknown -format"},
		{"bad flag", []string{"extract", "-nope"}, 2, "not defined"},
		{"bad table", []string{"extract", "-format", "csv", "-table", "x"}, 2, "unknown -table"},
		{"help", []string{"extract", "-h"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.args...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.wantCode, errOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.wantErr)
			}
			if tt.wantCode == 1 && !strings.Contains(out, `"documents"`) {
				t.Errorf("with problems, the rest must still be written; got %q", out)
			}
		})
	}
}

func TestExtractHelp(t *testing.T) {
	out, _, code := runCLI(t, "extract", "-h")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"-format", "json", "jsonl", "csv", "Exit status", "rail_freight", "km2"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	out, _, _ = runCLI(t, "help")
	if !strings.Contains(out, "corridor extract") || !strings.Contains(out, "corridor serve") {
		t.Errorf("main help: %s", out)
	}
}

// TestUsageOnce checks that -h prints the usage exactly once, and that a
// mistyped flag prints no usage on stdout (extract's stdout is data).
func TestUsageOnce(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"extract", "-h"}, {"serve", "-h"}} {
		out, _, code := runCLI(t, args...)
		if code != 0 || strings.Count(out, "Usage:") != 1 {
			t.Errorf("%v: exit %d, %d usages in %q", args, code, strings.Count(out, "Usage:"), firstLine(out))
		}
	}
	out, errOut, code := runCLI(t, "extract", "-nope")
	if code != 2 || out != "" || !strings.Contains(errOut, "-nope") {
		t.Errorf("bad flag: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
