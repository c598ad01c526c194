package main

import (
	"path/filepath"
	"strings"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/htmldoc"
)

// newDocument turns raw input into a Document. HTML input (by extension or
// content) is reduced to its article text with readability, keeping the
// page's title, URL, publisher and date; flags given in meta win over them.
func newDocument(raw []byte, name string, meta chronicle.Meta, maxBytes int) (*chronicle.Document, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".html" || ext == ".htm" || htmldoc.Sniff(raw) {
		if chronicle.IsBinary(raw) {
			return nil, chronicle.Errorf(chronicle.EINVALID, "read "+name, "looks like a binary file, not text")
		}
		page, err := htmldoc.Extract(raw, meta.URL, "")
		if err != nil {
			return nil, chronicle.Wrap(chronicle.ErrorCode(err), "read "+name, err)
		}
		lang, _, _ := strings.Cut(strings.ToLower(page.Language), "-") // "en-GB" → "en"
		m := chronicle.Meta{URL: page.URL, Title: page.Title, Source: page.SiteName, Language: lang, Published: page.Published}
		if meta.URL != "" {
			m.URL = meta.URL
		}
		if meta.Title != "" {
			m.Title = meta.Title
		}
		if m.Published.IsZero() {
			m.Published = meta.Published
		}
		if m.Language == "" {
			m.Language = meta.Language
		}
		if m.Source == "" {
			m.Source = meta.Source
		}
		doc, err := chronicle.NewDocument([]byte(page.Text), name, m, maxBytes)
		if err != nil {
			return nil, err
		}
		doc.Problems = append(page.Problems, doc.Problems...)
		return doc, nil
	}
	doc, err := chronicle.NewDocument(raw, name, meta, maxBytes)
	if err == nil && doc.Title == "" {
		doc.Title = headline(doc.Text)
	}
	return doc, err
}

// headline returns the first line of a plain-text article when it reads as
// a headline: short, without final punctuation, followed by a blank line.
func headline(text string) string {
	first, rest, ok := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	if !ok || first == "" || len(first) > 200 || !strings.HasPrefix(strings.TrimLeft(rest, " \t\r"), "\n") {
		return ""
	}
	if strings.ContainsAny(first[len(first)-1:], ".!?:;,\"”") {
		return ""
	}
	return first
}
