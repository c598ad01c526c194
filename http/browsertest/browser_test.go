// Package browsertest drives Chronicle's web UI in a real headless
// Chromium (the Debian package, found on PATH or at /usr/bin/chromium)
// through the DevTools protocol (chromedp). The test skips when no
// Chromium is installed; CI installs it with apt.
//
// Screenshots of every page are saved under $CHRONICLE_SCREENSHOTS, or a
// temporary folder named in the test log.
package browsertest

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	chttp "github.com/chronicle-news/chronicle/http"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/sqlite"
)

// findChromium returns the path of a Chromium binary, or "".
func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return ""
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// hostile is an article whose text and title try to inject markup.
const hostile = "The minister said <script>window.pwned = 1</script> that <img src=x onerror=\"window.pwned = 2\"> talks with Russia would continue in Istanbul on Friday.\n"

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped under -short")
	}
	bin := findChromium()
	if bin == "" {
		t.Skip("browser test: no Chromium found (install the Debian package: apt-get install -y chromium, or set $CHROMIUM)")
	}
	seedPath := shared.Path(t, "seed", "talks-turkey.txt")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	// A store with the seed article, analysed by the real pipeline, and a
	// hostile article.
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	pipe, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatalf("load pipeline: %v", err)
	}
	raw, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	seed, err := chronicle.NewDocument(raw, "talks-turkey.txt", chronicle.Meta{
		Title: "Russia and Ukraine hold first direct talks in Turkey", Source: "seed",
		Published: time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	bad, err := chronicle.NewDocument([]byte(hostile), "hostile", chronicle.Meta{Title: "<script>window.pwned = 3</script> Hostile title"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*chronicle.Document{seed, bad} {
		if err := pipe.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if len(seed.Events) == 0 {
		t.Fatal("the pipeline found no event in the seed article")
	}
	if _, err := store.Put(ctx, []*chronicle.Document{seed, bad}); err != nil {
		t.Fatal(err)
	}
	srv, err := chttp.New(chttp.Config{Store: store, Pipeline: pipe})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	shots := os.Getenv("CHRONICLE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", shots)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer bcancel()

	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil { // starts the browser
		t.Fatalf("start %s: %v", bin, err)
	}
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			buf, err := chromedp.FullScreenshot(100)(ctx, tg) // quality 100: PNG
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644)
		})
	}
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, scancel := context.WithTimeout(bctx, 45*time.Second)
		defer scancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		sctx, scancel := context.WithTimeout(bctx, 20*time.Second)
		defer scancel()
		v, err := chromedp.Run(sctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	eval := func(js string) any {
		t.Helper()
		sctx, scancel := context.WithTimeout(bctx, 20*time.Second)
		defer scancel()
		v, err := chromedp.Run(sctx, chromedp.Evaluate[any](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}

	// Home page.
	step("home", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".stats")), shot("1-home"))
	stats := text(".stats")
	if !strings.Contains(stats, "2 documents") {
		t.Errorf("home stats = %q, want 2 documents", stats)
	}

	// Search through the box.
	step("search", chromedp.SendKeys(chromedp.ID("q"), "Turkey talks"), chromedp.Click(chromedp.ID("search-go")),
		chromedp.WaitVisible(chromedp.CSS("a.hit-link")), shot("2-search"))
	hits := text("ol.hits")
	if !strings.Contains(hits, "first direct talks") {
		t.Errorf("search results = %q, want the seed article", hits)
	}

	// The most mentioned actor, from the home page.
	step("actor", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("ul.actors")),
		chromedp.Click(chromedp.CSS("ul.actors a.actor-link")),
		chromedp.WaitVisible(chromedp.ID("actor-name")), chromedp.WaitVisible(chromedp.CSS("figure.chart svg")), shot("3-actor"))
	actor := text("#actor-name")
	if actor == "" {
		t.Error("actor page has no name")
	}
	if n, _ := eval(`document.querySelectorAll("figure.chart circle").length`).(float64); n == 0 {
		t.Errorf("actor %s: no event on the timeline chart", actor)
	}

	// The dyad of that actor and its first partner.
	step("dyad", chromedp.Click(chromedp.CSS(`a[href^="/dyad?"]`)), chromedp.WaitVisible(chromedp.CSS("figure.chart svg")), shot("4-dyad"))
	if n, _ := eval(`document.querySelectorAll("figure.chart circle").length`).(float64); n == 0 {
		t.Error("dyad: no event on the chart")
	}

	// The article, from the search results.
	step("article", chromedp.Navigate(ts.URL+"/search?q=Turkey"), chromedp.WaitVisible(chromedp.CSS("a.hit-link")),
		chromedp.Click(chromedp.CSS("a.hit-link")), chromedp.WaitVisible(chromedp.ID("article-text")), shot("5-article"))
	if n, _ := eval(`document.querySelectorAll("#article-text .k-event").length`).(float64); n == 0 {
		t.Fatal("article page highlights no event")
	}

	// Click an event: its evidence, values and reason appear.
	step("event evidence", chromedp.Click(chromedp.CSS(`#article-text [data-ann^="ev-"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.detail[id^="d-ev-"]:not([hidden])`)), shot("6-event-evidence"))
	detail := text(`.detail[id^="d-ev-"]:not([hidden])`)
	for _, want := range []string{"why", "source", "target", "confidence"} {
		if !strings.Contains(detail, want) {
			t.Errorf("event detail %q lacks %q", detail, want)
		}
	}

	// The event's own page, from the article's first stored event.
	step("event page", chromedp.Navigate(ts.URL+"/"), chromedp.Click(chromedp.CSS("a.event-link")),
		chromedp.WaitVisible(chromedp.CSS("blockquote.evidence")), shot("7-event"))

	// A story page.
	step("story", chromedp.Navigate(ts.URL+"/"), chromedp.Click(chromedp.CSS(`ul.stories a[href^="/stories/"]`)),
		chromedp.WaitVisible(chromedp.CSS("section.story-event")), shot("8-story"))

	// Markup in an article is shown as text, never run.
	step("hostile", chromedp.Navigate(ts.URL+"/documents/"+bad.ID), chromedp.WaitVisible(chromedp.ID("article-text")), shot("9-hostile"))
	shown := text("#article-text")
	if pwned, _ := eval(`window.pwned !== undefined`).(bool); pwned {
		t.Error("a script in the article ran")
	}
	if !strings.Contains(shown, "<script>window.pwned = 1</script>") {
		t.Errorf("article text %q does not show the markup as text", shown)
	}
}
