package lemma

import "testing"

func TestDoubleL(t *testing.T) {
	tests := []struct {
		form string
		cut  int // where a rule cut the form
		want string
	}{
		{"shelled", 4, "shell"},
		{"drilled", 4, "drill"},
		{"shelling", 4, "shell"},
		{"patrolled", 7, "patrol"},
		{"labelled", 5, "label"},
		{"travelled", 6, "travel"},
		{"fuelled", 4, "fuel"},
		{"dialled", 4, "dial"},
		{"rolled", 4, "roll"},
		{"cancelled", 6, "cancel"},
		{"walked", 4, "walk"},
	}
	for _, tt := range tests {
		b := []byte(tt.form)
		if got := string(b[:tt.cut+doubleL(b, tt.cut)]); got != tt.want {
			t.Errorf("doubleL(%q) after a cut at %d gives %q, want %q", tt.form, tt.cut, got, tt.want)
		}
	}
}
