package main

import (
	"github.com/chronicle-news/chronicle"
)

// newDocument turns raw input into a Document. HTML input is reduced to its
// article text, keeping the page's title and dates.
func newDocument(raw []byte, name string, meta chronicle.Meta, maxBytes int) (*chronicle.Document, error) {
	return chronicle.NewDocument(raw, name, meta, maxBytes)
}
