package perceptron_test

import (
	"testing"

	"github.com/chronicle-news/chronicle/perceptron"
)

// FuzzDecode feeds arbitrary bytes (with a valid magic and checksum, so the
// body parser is reached) to the decoders: they must fail cleanly, never
// panic, and a decoded model must score without panicking.
func FuzzDecode(f *testing.F) {
	e := perceptron.NewEncoder("FUZZ")
	toyModel(f).Encode(e)
	perceptron.NewIndex(map[uint64]uint32{5: 1, 9: 2}).Encode(e)
	good := e.Bytes()
	f.Add(good[4 : len(good)-4])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		e := perceptron.NewEncoder("FUZZ")
		data := append(e.Bytes()[:4], body...)
		data = fixCRC(data)
		d, err := perceptron.NewDecoder(data, "FUZZ")
		if err != nil {
			return
		}
		m, err := perceptron.DecodeModel(d)
		if err != nil {
			return
		}
		scores := make([]int32, m.Classes())
		m.Scores([]uint64{1, 2, 3, 0xdeadbeef}, scores)
		if x, err := perceptron.DecodeIndex(d, 4); err == nil {
			x.Get(5)
		}
	})
}

// fixCRC appends the checksum an Encoder would write for data.
func fixCRC(data []byte) []byte {
	e := perceptron.NewEncoder(string(data))
	return e.Bytes()
}
