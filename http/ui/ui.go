// Package ui holds the web interface's assets, embedded in the binary:
// html/template pages (templates/), the stylesheet and the small script
// that shows evidence on click (static/), and the OpenAPI 3 description of
// the JSON API (openapi.json). There is no build step: the files are
// served as written.
package ui

import (
	"embed"
	_ "embed"
)

// FS holds templates/*.html and static/*.
//
//go:embed templates/*.html static/*
var FS embed.FS

// OpenAPI is the OpenAPI 3 description of the JSON API.
//
//go:embed openapi.json
var OpenAPI []byte
