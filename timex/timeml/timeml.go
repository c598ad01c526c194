// Package timeml reads TimeML documents (.tml, as in TimeBank and the
// TempEval-3 data) and scores time expressions with the TempEval-3 metrics.
package timeml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle"
)

// Timex is a gold TIMEX3: its span in Doc.Text and its attributes.
type Timex struct {
	chronicle.Span
	ID    string
	Type  string
	Value string
	Mod   string
}

// Doc is the scored part of a TimeML document.
type Doc struct {
	ID       string
	DCT      time.Time // from the TIMEX3 with functionInDocument="CREATION_TIME"; zero if absent
	DCTValue string
	Text     string  // the character content of <TEXT>, entities decoded
	Timexes  []Timex // the TIMEX3 elements inside <TEXT>, in order
}

// Read parses one TimeML document. Errors are wrapped with the XML offset.
func Read(r io.Reader) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	doc := &Doc{}
	var text strings.Builder
	inText, inDocID := false, false
	var open *Timex
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("timeml: offset %d: %w", dec.InputOffset(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DOCID":
				inDocID = true
			case "TIMEX3":
				x := Timex{}
				dct := false
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "tid":
						x.ID = a.Value
					case "type":
						x.Type = a.Value
					case "value":
						x.Value = a.Value
					case "mod":
						x.Mod = a.Value
					case "functionInDocument":
						dct = a.Value == "CREATION_TIME"
					}
				}
				if dct && doc.DCTValue == "" {
					doc.DCTValue = x.Value
					if len(x.Value) >= 10 {
						if d, err := time.Parse("2006-01-02", x.Value[:10]); err == nil {
							doc.DCT = d
						}
					}
				}
				if inText && !dct {
					x.Start = text.Len()
					open = &x
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DOCID":
				inDocID = false
			case "TIMEX3":
				if open != nil {
					open.End = text.Len()
					doc.Timexes = append(doc.Timexes, *open)
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
			if inDocID {
				doc.ID += strings.TrimSpace(string(t))
			}
		}
	}
	doc.Text = text.String()
	return doc, nil
}

// ReadFile reads the TimeML document at path.
func ReadFile(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// Scores accumulates TempEval-3 timex counts over documents.
//
// A system timex and a gold timex match strictly when their spans are
// equal and relaxedly when they overlap; matching is one to one (each gold
// timex takes the first unmatched overlapping system timex). Type and value
// are compared on relaxed matches only, as in the TempEval-3 scorer.
type Scores struct {
	Gold, Sys     int // timexes in the gold and in the system output
	Strict        int // exact-span matches
	Relaxed       int // overlapping matches
	TypeCorrect   int // relaxed matches with the same type
	ValueCorrect  int // relaxed matches with the same value
	ModCorrect    int // relaxed matches with the same mod
	StrictCorrect int // strict matches with the same value
}

// Add scores one document's system timexes against its gold ones. Both
// must be sorted by start offset.
func (s *Scores) Add(gold []Timex, sys []chronicle.Timex) {
	s.Gold += len(gold)
	s.Sys += len(sys)
	used := make([]bool, len(sys))
	for _, g := range gold {
		for j := range sys {
			if sys[j].Start == g.Start && sys[j].End == g.End {
				s.Strict++
				if sys[j].Value == g.Value {
					s.StrictCorrect++
				}
				break
			}
		}
		for j := range sys {
			if used[j] || !sys[j].Span.Overlaps(g.Span) {
				continue
			}
			used[j] = true
			s.Relaxed++
			if sys[j].Type == g.Type {
				s.TypeCorrect++
			}
			if sys[j].Value == g.Value {
				s.ValueCorrect++
			}
			if sys[j].Mod == g.Mod {
				s.ModCorrect++
			}
			break
		}
	}
}

// Merge adds the counts of o to s.
func (s *Scores) Merge(o Scores) {
	s.Gold += o.Gold
	s.Sys += o.Sys
	s.Strict += o.Strict
	s.Relaxed += o.Relaxed
	s.TypeCorrect += o.TypeCorrect
	s.ValueCorrect += o.ValueCorrect
	s.ModCorrect += o.ModCorrect
	s.StrictCorrect += o.StrictCorrect
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Report is the scores as percentages, with the JSON keys of the eval command.
type Report struct {
	Docs          int     `json:"docs"`
	Gold          int     `json:"gold"`
	Sys           int     `json:"system"`
	StrictP       float64 `json:"strict_precision"`
	StrictR       float64 `json:"strict_recall"`
	StrictF1      float64 `json:"strict_f1"`
	RelaxedP      float64 `json:"relaxed_precision"`
	RelaxedR      float64 `json:"relaxed_recall"`
	RelaxedF1     float64 `json:"relaxed_f1"`
	TypeAccuracy  float64 `json:"type_accuracy"`
	TypeF1        float64 `json:"type_f1"`
	ValueAccuracy float64 `json:"value_accuracy"`
	ValueF1       float64 `json:"value_f1"`
	ModAccuracy   float64 `json:"mod_accuracy"`
}

// Report computes the TempEval-3 figures (in percent):
//
//   - strict P/R/F1: exact-span matches over system and gold counts;
//   - relaxed P/R/F1: overlapping matches over system and gold counts;
//   - type and value accuracy: correct attribute among relaxed matches;
//   - type and value F1: attribute F1 of TempEval-3, with P = correct/system
//     and R = correct/gold, which equals relaxed F1 × attribute accuracy.
func (s *Scores) Report(docs int) Report {
	sp, sr := ratio(s.Strict, s.Sys), ratio(s.Strict, s.Gold)
	rp, rr := ratio(s.Relaxed, s.Sys), ratio(s.Relaxed, s.Gold)
	return Report{
		Docs: docs, Gold: s.Gold, Sys: s.Sys,
		StrictP: 100 * sp, StrictR: 100 * sr, StrictF1: 100 * f1(sp, sr),
		RelaxedP: 100 * rp, RelaxedR: 100 * rr, RelaxedF1: 100 * f1(rp, rr),
		TypeAccuracy:  100 * ratio(s.TypeCorrect, s.Relaxed),
		TypeF1:        100 * f1(ratio(s.TypeCorrect, s.Sys), ratio(s.TypeCorrect, s.Gold)),
		ValueAccuracy: 100 * ratio(s.ValueCorrect, s.Relaxed),
		ValueF1:       100 * f1(ratio(s.ValueCorrect, s.Sys), ratio(s.ValueCorrect, s.Gold)),
		ModAccuracy:   100 * ratio(s.ModCorrect, s.Relaxed),
	}
}

// WriteErrors lists, for one document, gold timexes missed (MISS), found
// with another type or value (VALUE) or another span (SPAN), and system
// timexes with no gold counterpart (SPUR), one tab-separated line each.
func WriteErrors(w io.Writer, name string, d *Doc, sys []chronicle.Timex) {
	used := make([]bool, len(sys))
	for _, g := range d.Timexes {
		found := false
		for j := range sys {
			if used[j] || !sys[j].Span.Overlaps(g.Span) {
				continue
			}
			used[j], found = true, true
			switch {
			case sys[j].Value != g.Value || sys[j].Type != g.Type:
				fmt.Fprintf(w, "VALUE\t%s\t%s\t%q\t%s %s\t%q\t%s %s\n", name, d.DCTValue, d.Text[g.Start:g.End], g.Type, g.Value, d.Text[sys[j].Start:sys[j].End], sys[j].Type, sys[j].Value)
			case sys[j].Start != g.Start || sys[j].End != g.End:
				fmt.Fprintf(w, "SPAN\t%s\t%s\t%q\t%q\n", name, d.DCTValue, d.Text[g.Start:g.End], d.Text[sys[j].Start:sys[j].End])
			}
			break
		}
		if !found {
			lo, hi := max(0, g.Start-40), min(len(d.Text), g.End+40)
			fmt.Fprintf(w, "MISS\t%s\t%s\t%q\t%s %s\t%q\n", name, d.DCTValue, d.Text[g.Start:g.End], g.Type, g.Value, d.Text[lo:hi])
		}
	}
	for j, x := range sys {
		if !used[j] {
			lo, hi := max(0, x.Start-40), min(len(d.Text), x.End+40)
			fmt.Fprintf(w, "SPUR\t%s\t%s\t%q\t%s %s\t%q\n", name, d.DCTValue, d.Text[x.Start:x.End], x.Type, x.Value, d.Text[lo:hi])
		}
	}
}
