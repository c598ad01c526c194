package timex

import "testing"

// TestLexTable: the scanner's hash table holds exactly the lexicon, and
// the scanner finds each word in any case.
func TestLexTable(t *testing.T) {
	n := 0
	for _, k := range lexTab.keys {
		if k != "" {
			n++
		}
	}
	if n != len(lexicon) {
		t.Errorf("table holds %d words, lexicon %d", n, len(lexicon))
	}
	for k, e := range lexicon {
		for _, form := range []string{k, upper(k)} {
			ws, _ := scanWords(form, 0, nil, 8)
			if len(ws) != 1 || ws[0].e != e {
				t.Errorf("scan %q: got %+v, want one word with %+v", form, ws, e)
			}
		}
	}
	if ws, _ := scanWords("Fortnightly", 0, nil, 8); ws[0].e != (entry{}) {
		t.Errorf("unknown word found in the lexicon: %+v", ws[0].e)
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}
