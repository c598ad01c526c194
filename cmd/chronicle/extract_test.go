package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/spf13/pflag"

	"github.com/chronicle-news/chronicle/internal/shared"
)

// validate checks a JSON value against docs/extract.schema.json.
func validate(t *testing.T, v any) {
	t.Helper()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join("..", "..", "docs", "extract.schema.json"))
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("output does not follow docs/extract.schema.json: %v", err)
	}
}

// run executes the CLI with args and returns its standard output.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

// checkSpans verifies that every {text,start,end} object in v has
// text == runes[start:end].
func checkSpans(t *testing.T, runes []rune, v any, path string) int {
	n := 0
	switch x := v.(type) {
	case map[string]any:
		s, ok1 := x["start"].(float64)
		e, ok2 := x["end"].(float64)
		txt, ok3 := x["text"].(string)
		if ok1 && ok2 && ok3 {
			n++
			if s < 0 || e > float64(len(runes)) || s > e {
				t.Errorf("%s: span [%v,%v) outside the text", path, s, e)
			} else if got := string(runes[int(s):int(e)]); got != txt {
				t.Errorf("%s: text[%v:%v] = %q, record says %q", path, s, e, got, txt)
			}
		}
		for k, c := range x {
			n += checkSpans(t, runes, c, path+"."+k)
		}
	case []any:
		for _, c := range x {
			n += checkSpans(t, runes, c, path+"[]")
		}
	}
	return n
}

func TestExtractSeed(t *testing.T) {
	seed := shared.Path(t, "seed", "talks-turkey.txt")
	text, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "extract", "--published", "2025-05-16", "--tokens", seed)
	if err != nil {
		t.Fatalf("extract: %v\n%s", err, out)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	validate(t, doc)
	for _, k := range []string{"schema", "document", "sentences", "entities", "actors", "timexes", "quotes", "events"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("missing top-level key %q", k)
		}
	}
	if doc["schema"] != "chronicle.extract/1.2" {
		t.Errorf("schema = %v", doc["schema"])
	}
	d := doc["document"].(map[string]any)
	if d["published"] != "2025-05-16" {
		t.Errorf("published = %v", d["published"])
	}
	if n := len(doc["sentences"].([]any)); n != 16 {
		t.Errorf("%d sentences, want 16", n)
	}
	if n := len(d["paragraphs"].([]any)); n != 11 {
		t.Errorf("%d paragraphs, want 11", n)
	}
	runes := []rune(string(text))
	if n := checkSpans(t, runes, doc, "$"); n < 100 {
		t.Errorf("only %d spans checked; want every token and record", n)
	}
	// Sentences are offsets only: check they tile the text without overlap.
	prev := 0
	for i, s := range doc["sentences"].([]any) {
		m := s.(map[string]any)
		st, en := int(m["start"].(float64)), int(m["end"].(float64))
		if st < prev || en <= st || en > len(runes) {
			t.Errorf("sentence %d [%d,%d) out of order or empty", i, st, en)
		}
		prev = en
	}
}

func TestExtractText(t *testing.T) {
	ex := filepath.Join("..", "..", "examples", "geneva-talks.txt")
	out, err := run(t, "extract", "--published", "2025-03-04", "--format", "text", ex)
	if err != nil {
		t.Fatalf("extract: %v\n%s", err, out)
	}
	if !strings.Contains(out, "published 2025-03-04") {
		t.Errorf("text report lacks the publication date:\n%s", out)
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "blob.bin")
	os.WriteFile(bin, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3}, 0o644)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("Kyiv \xff\xfe said Friday."), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("a"), 2048), 0o644)

	if _, err := run(t, "extract", bin); err == nil || !strings.Contains(err.Error(), "blob.bin") || !strings.Contains(err.Error(), "binary") {
		t.Errorf("binary input: err = %v, want an error naming the file and saying binary", err)
	}
	out, err := run(t, "extract", bad)
	if err != nil {
		t.Fatalf("invalid UTF-8: %v", err)
	}
	if !strings.Contains(out, "invalid-utf8") || !strings.Contains(out, "\uFFFD") {
		t.Errorf("invalid UTF-8 not repaired and flagged:\n%s", out)
	}
	out, err = run(t, "extract", empty)
	if err != nil {
		t.Fatalf("empty input: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc["sentences"].([]any)) != 0 {
		t.Errorf("empty input: want an empty analysis, got %v (%v)", out, err)
	}
	if _, err := run(t, "extract", "--max-bytes", "1000", big); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("huge input: err = %v, want a limit error", err)
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Armenia and Azerbaijan Resume Talks\n\nGENEVA — Ministers met.", "Armenia and Azerbaijan Resume Talks"},
		{"Officials met Friday in Turkey.\nThe talks lasted two hours.", ""},
		{"A line without a blank after it\nmore text", ""},
		{"Ends with a colon:\n\ntext", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := headline(tt.text); got != tt.want {
			t.Errorf("headline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestAccurateFlag: every command that builds the pipeline takes
// --accurate and --models, and the flags reach the engine options.
func TestAccurateFlag(t *testing.T) {
	root := newRootCmd()
	for _, path := range [][]string{{"extract"}, {"ingest"}, {"worker"}, {"serve"}, {"bench"}, {"eval", "events"}, {"eval", "dep"}} {
		c, _, err := root.Find(path)
		if err != nil || c.Name() != path[len(path)-1] {
			t.Fatalf("%v: no such command (%v)", path, err)
		}
		if c.Flags().Lookup("accurate") == nil {
			t.Errorf("%v: no --accurate flag", path)
		}
	}
	var mf modelFlags
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	mf.register(fs)
	if err := fs.Parse([]string{"--accurate", "--models", t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	opts := mf.options()
	if !opts.AccurateParser || opts.Models == nil {
		t.Errorf("--accurate --models DIR gave AccurateParser %v, Models %v", opts.AccurateParser, opts.Models)
	}
	if opts := (&modelFlags{}).options(); opts.AccurateParser || opts.Models != nil {
		t.Errorf("no flags gave AccurateParser %v, Models %v", opts.AccurateParser, opts.Models)
	}
}
