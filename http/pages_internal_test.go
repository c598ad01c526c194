package http

import "testing"

func TestQuoted(t *testing.T) {
	tests := []struct{ kind, content, want string }{
		{"direct", "We’ve got to get it done.", "“We’ve got to get it done.”"},
		{"direct", "“They all said Putin was going,”", "“They all said Putin was going,”"},
		{"mixed", `"only way" to move closer`, `"only way" to move closer`},
		{"direct", "‘If I don’t go,’", "‘If I don’t go,’"},
		{"indirect", "that he may make the trip", "that he may make the trip"},
		{"mixed", `that Ukraine accused "the Russians"`, `that Ukraine accused "the Russians"`},
		{"direct", "  ", ""},
	}
	for _, tt := range tests {
		if got := quoted(tt.kind, tt.content); got != tt.want {
			t.Errorf("quoted(%q, %q) = %q, want %q", tt.kind, tt.content, got, tt.want)
		}
	}
}
