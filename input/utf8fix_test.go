package input

import (
	"bytes"
	"io"
	"testing"
	"testing/iotest"

	"github.com/chronicle-news/chronicle"
)

// FuzzUTF8Fixer: streaming repair, whatever the read sizes, gives exactly
// what chronicle.RepairUTF8 gives on the whole input.
func FuzzUTF8Fixer(f *testing.F) {
	for _, s := range []string{"", "plain", "caf\xe9", "\xf0\x9f\x98", "\xf0\x9f\x98\x80 ok", "a\xffb\xfe\xfdc", "日本語"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, problems := chronicle.RepairUTF8(data)
		for name, r := range map[string]io.Reader{
			"whole":   bytes.NewReader(data),
			"onebyte": iotest.OneByteReader(bytes.NewReader(data)),
			"half":    iotest.HalfReader(bytes.NewReader(data)),
		} {
			fx := &utf8Fixer{r: r}
			got, err := io.ReadAll(fx)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if string(got) != want {
				t.Fatalf("%s: %q, want %q", name, got, want)
			}
			if (fx.replaced > 0) != (len(problems) > 0) {
				t.Fatalf("%s: %d replaced, %d problems", name, fx.replaced, len(problems))
			}
		}
	})
}
