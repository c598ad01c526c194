package ingest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/ingest"
	"github.com/chronicle-news/chronicle/sqlite"
	"github.com/chronicle-news/chronicle/warc/warctest"
)

// The kill -9 test re-executes the test binary as an ingest process.
const childEnv = "CHRONICLE_INGEST_TEST_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		db, dir, _ := strings.Cut(spec, "|")
		if err := child(db, dir); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func child(db, dir string) error {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = ingest.Run(ctx, ingest.Options{Store: s, Stage: markStage{delay: 5 * time.Millisecond}, Batch: 8, Workers: 2}, dir)
	return err
}

// markStage stands in for the pipeline: it resolves the first word of the
// text as an actor and codes one event per document.
type markStage struct{ delay time.Duration }

func (m markStage) Process(ctx context.Context, d *chronicle.Document) error {
	time.Sleep(m.delay)
	end := strings.IndexByte(d.Text, ' ')
	if end < 0 {
		end = len(d.Text)
	}
	sp := chronicle.Span{Start: 0, End: end}
	d.Actors = append(d.Actors, chronicle.Actor{ID: "A:" + d.Text[:end], Name: d.Text[:end], Type: chronicle.EntityOrg,
		Mentions: []chronicle.Mention{{Span: sp, Kind: chronicle.MentionNamed}}})
	d.Events = append(d.Events, chronicle.Event{Type: "CONSULT", Source: chronicle.Ref{Span: sp, Actor: "A:" + d.Text[:end]},
		Evidence: sp, Date: "2025-05-16", Quote: -1, Confidence: 1})
	return nil
}

var words = strings.Fields(`ministers met talks ceasefire border troops envoy summit sanctions
trade aid vote parliament protest rebels army capital delegation treaty agreement
statement officials spokesman election court prison rights economy bank oil gas port`)

// writeArticles writes n different plain-text articles into dir.
func writeArticles(t testing.TB, dir string, n int) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var texts []string
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Actor%d", i%17)
		for range 80 {
			b.WriteByte(' ')
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteString(".\n")
		texts = append(texts, b.String())
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return texts
}

func openStore(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRunIdempotent(t *testing.T) {
	dir := t.TempDir()
	texts := writeArticles(t, dir, 40)
	s := openStore(t, filepath.Join(t.TempDir(), "c.db"))
	ctx := context.Background()
	var reported []string
	o := ingest.Options{Store: s, Stage: markStage{}, Batch: 7, Report: func(name string, err error) { reported = append(reported, name) }}
	st, err := ingest.Run(ctx, o, dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Read != 40 || st.Stored != 40 || st.Known != 0 || st.Failed != 0 || len(reported) != 0 {
		t.Errorf("first run: %+v, reported %v", st, reported)
	}
	before, _ := s.Stats(ctx)
	// A rerun, with one article changed: only that one is new.
	if err := os.WriteFile(filepath.Join(dir, "a0003.txt"), []byte(texts[3]+"Update: talks resumed.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err = ingest.Run(ctx, o, dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Read != 40 || st.Stored != 1 || st.Known != 39 {
		t.Errorf("rerun: %+v, want 1 stored and 39 known", st)
	}
	after, _ := s.Stats(ctx)
	if after.Documents != before.Documents+1 || after.Reports != before.Reports+1 {
		t.Errorf("stats %+v then %+v", before, after)
	}
}

// badStage fails on documents holding "poison" and panics on "panic".
type badStage struct{}

func (badStage) Process(ctx context.Context, d *chronicle.Document) error {
	switch {
	case strings.Contains(d.Text, "poison"):
		return chronicle.Errorf(chronicle.EINVALID, "test", "poisoned")
	case strings.Contains(d.Text, "panic"):
		panic("test panic")
	}
	return nil
}

// TestRunFormats ingests good and bad files of every format; the bad ones
// are reported and skipped and nothing else is lost.
func TestRunFormats(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("plain.txt", "Ministers met in Ankara on Monday to discuss the border.\n")
	write("binary.txt", "PK\x03\x04\x00\x00binary\x00data")
	write("poison.txt", "This article holds poison for the pipeline.\n")
	write("panic.txt", "This article makes the stage panic.\n")
	write("page.html", `<!doctype html><html><head><title>Summit ends</title></head><body><article><h1>Summit ends</h1>
<p>The leaders of the two countries ended their summit in Geneva with a joint statement on trade and security.</p>
<p>Both sides agreed to meet again in the spring, officials said after the talks.</p></article></body></html>`)
	write("lines.jsonl", `{"url":"https://example.org/1","title":"One","published":"2025-05-16T10:00:00Z","text":"The envoy arrived in Doha for talks."}
{"url":"https://example.org/2","title":"Two","text":
{"url":"https://example.org/3","title":"Three","text":"Rebels released twelve hostages on Sunday."}
`)
	write("feed.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume</title><link>https://example.org/rss/1</link><pubDate>Fri, 16 May 2025 09:00:00 GMT</pubDate>
<description>Negotiators resumed talks in Istanbul on Friday after a pause of three years.</description></item>
</channel></rss>`)
	write("broken.atom", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Broken</title><entry><title>Cut`)
	write("notes.warc.gz", "\x1f\x8b\x08\x00garbage that is not gzip")
	warctest.Write(t, dir, true,
		warctest.Response("https://example.org/warc/1", 200, "text/html; charset=utf-8",
			`<html><head><title>Ceasefire holds</title></head><body><article><p>The ceasefire held for a third day along the front line, observers from the mission said on Tuesday.</p></article></body></html>`),
		warctest.Response("https://example.org/warc/2", 200, "image/png", "\x89PNG not text"),
	)

	s := openStore(t, filepath.Join(t.TempDir(), "c.db"))
	var reported []string
	var mu sync.Mutex
	st, err := ingest.Run(context.Background(), ingest.Options{Store: s, Stage: badStage{}, Batch: 2, Report: func(name string, err error) {
		mu.Lock()
		reported = append(reported, name+": "+err.Error())
		mu.Unlock()
		t.Logf("reported %s: %v", name, err)
	}}, dir)
	if err != nil {
		t.Fatal(err)
	}
	// Good: plain.txt, page.html, 2 JSON lines, 1 feed item, 1 WARC response.
	if st.Stored != 6 {
		t.Errorf("stored %d documents, want 6: %+v", st.Stored, st)
	}
	all := strings.Join(reported, "\n")
	for _, name := range []string{"binary.txt", "poison.txt", "panic.txt", "broken.atom", "lines.jsonl:2", "notes.warc.gz"} {
		if !strings.Contains(all, name) {
			t.Errorf("%s was not reported (reported:\n%s)", name, all)
		}
	}
	if st.Failed < 6 { // binary, poison, panic, bad JSON line, broken feed, bad gzip
		t.Errorf("%d failures reported, want at least 6: %v", st.Failed, reported)
	}
	hits, err := s.Search(context.Background(), "hostages", 5)
	if err != nil || len(hits) != 1 || hits[0].URL != "https://example.org/3" || hits[0].Title != "Three" {
		t.Errorf("Search(hostages) = %+v, %v", hits, err)
	}
}

// TestKill9 kills an ingest process with SIGKILL half-way, reruns it, and
// checks that every document is stored exactly once with all its records.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs two ingest processes")
	}
	const n = 300
	dir := t.TempDir()
	writeArticles(t, dir, n)
	db := filepath.Join(t.TempDir(), "c.db")
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"="+db+"|"+dir)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	cmd := start()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child stored nothing in 60 s")
		}
		time.Sleep(20 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		s, err := sqlite.Open(context.Background(), db)
		if err != nil {
			continue
		}
		st, err := s.Stats(context.Background())
		s.Close()
		if err == nil && st.Documents >= 50 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	s := openStore(t, db)
	mid, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if mid.Documents >= n {
		t.Fatalf("the child finished (%d documents) before it was killed: the test proves nothing", mid.Documents)
	}
	if mid.Reports != mid.Documents {
		t.Errorf("after kill -9: %d documents but %d event reports: a half-stored document", mid.Documents, mid.Reports)
	}
	t.Logf("killed after %d of %d documents", mid.Documents, n)
	if err := start().Wait(); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	end, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if end.Documents != n || end.Reports != n || end.Queued != 0 {
		t.Errorf("after the rerun: %+v, want %d documents each with its one event report", end, n)
	}
}

func TestWork(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, 50)
	s := openStore(t, filepath.Join(t.TempDir(), "c.db"))
	ctx := context.Background()
	st, err := ingest.Run(ctx, ingest.Options{Store: s, Queue: true}, dir)
	if err != nil || st.Stored != 50 {
		t.Fatalf("enqueue: %+v, %v", st, err)
	}
	if got, _ := s.Stats(ctx); got.Queued != 50 || got.Reports != 0 {
		t.Fatalf("after enqueue: %+v", got)
	}
	var wg sync.WaitGroup
	done := make([]int, 2)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := ingest.Work(ctx, ingest.WorkOptions{Store: s, Stage: markStage{delay: time.Millisecond}, Name: fmt.Sprint("w", w), Workers: 2, Drain: true})
			if err != nil {
				t.Error(err)
			}
			done[w] = st.Stored
		}()
	}
	wg.Wait()
	if done[0]+done[1] != 50 {
		t.Errorf("workers completed %v documents, want 50 in all", done)
	}
	if got, _ := s.Stats(ctx); got.Queued != 0 || got.Documents != 50 || got.Reports != 50 {
		t.Errorf("after the workers: %+v", got)
	}
}

// TestRunCancel stops an ingest half-way: Run returns the context's error,
// and what it stored is whole.
func TestRunCancel(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, 200)
	s := openStore(t, filepath.Join(t.TempDir(), "c.db"))
	ctx, cancel := context.WithCancel(context.Background())
	o := ingest.Options{Store: s, Stage: markStage{delay: 2 * time.Millisecond}, Batch: 4, Workers: 2,
		Progress: func(st ingest.Stats) {
			if st.Stored >= 20 {
				cancel()
			}
		}}
	st, err := ingest.Run(ctx, o, dir)
	if err != context.Canceled {
		t.Fatalf("Run after cancel: %+v, %v; want context.Canceled", st, err)
	}
	got, _ := s.Stats(context.Background())
	if got.Documents < 20 || got.Documents >= 200 || got.Reports != got.Documents {
		t.Errorf("after cancel: %+v", got)
	}
	st, err = ingest.Run(context.Background(), o, dir)
	if err != nil || st.Stored+st.Known != 200 {
		t.Errorf("rerun: %+v, %v", st, err)
	}
	if got, _ := s.Stats(context.Background()); got.Documents != 200 || got.Reports != 200 {
		t.Errorf("after the rerun: %+v", got)
	}
}
