package htmldoc_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/htmldoc"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// FuzzExtract: any bytes give a page or an error, never a panic; a page's
// text is valid UTF-8 without markup-breaking runs of blank lines, and every
// problem offset lies inside the text.
func FuzzExtract(f *testing.F) {
	f.Add(pageWith("<title>t</title>"))
	f.Add([]byte("<p>a<br>b</p>"))
	f.Add([]byte("<html><body><div><div><div><p>deep</p></div></div></div>"))
	f.Add([]byte("<meta charset=windows-1252><p>caf\xe9</p>"))
	f.Add([]byte("<p>\xff\xfe bad utf-8</p>"))
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-05-16"}</script><p>x</p>`))
	// Real pages, when the shared corpora are present (seeds only: the
	// fuzz target never needs them).
	if d := shared.Dir(); d != "" {
		pages, _ := filepath.Glob(filepath.Join(d, "corpora", "html-news", "*", "source.html"))
		for _, p := range pages[:min(len(pages), 3)] {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		watchdog(t, string(data), func() {
			p, err := htmldoc.Extract(data, "https://example.com/2025/05/16/x", "")
			if err != nil {
				return
			}
			if !utf8.ValidString(p.Text) || !utf8.ValidString(p.Title) {
				t.Error("invalid UTF-8 out")
			}
			if strings.Contains(p.Text, "\n\n\n") {
				t.Errorf("three newlines in %q", p.Text)
			}
			for _, pr := range p.Problems {
				if pr.Offset < 0 || pr.Offset > len(p.Text) {
					t.Errorf("problem offset %d outside text of %d bytes", pr.Offset, len(p.Text))
				}
			}
		})
	})
}

// FuzzFragmentText: fragment rendering never panics and gives valid UTF-8
// with no markup from tags.
func FuzzFragmentText(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "a<br>b", "<![CDATA[x]]>", "&amp;&lt;p&gt;", "<pre>\n\n</pre>", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		watchdog(t, s, func() {
			out := htmldoc.FragmentText(s)
			if strings.Contains(out, "\n\n\n") {
				t.Errorf("three newlines in %q", out)
			}
			if utf8.ValidString(s) && !utf8.ValidString(out) {
				t.Error("invalid UTF-8 out of valid in")
			}
		})
	})
}

// FuzzParseTime: never panics; a parsed time lies in the accepted years.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2025-05-16", "Fri Mar 13 21:30:09 EST 2015", "March 11, 2015 3:46 PM", "1/2/3", "99999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tm, ok := htmldoc.ParseTime(s); ok && (tm.Year() < 1800 || tm.Year() > 2200) {
			t.Fatalf("ParseTime(%q) = %v", s, tm)
		}
	})
}

// watchdog runs fn and fails, keeping the input, when it takes more than
// 5 seconds: the fuzzer itself never times out a single input.
func watchdog(t *testing.T, data string, fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("no result after 5s on %d bytes: %.200q", len(data), data)
	}
}
