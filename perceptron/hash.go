// Package perceptron is a multiclass averaged perceptron over hashed sparse
// features, with a compact, checksummed serialization (int16 weights, pruned
// near-zero features, sparse rows) and an allocation-free scorer.
//
// Features are uint64 hashes built with Hash, HashBytes and Combine from a
// template id and the bytes of a string, so no feature string is ever built.
// A Trainer learns weights; Trainer.Model freezes the averaged weights into a
// read-only Model that is safe for concurrent use.
package perceptron

// FNV-1a constants.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Hash returns the feature hash of template id tpl and string s. It never
// returns 0 (0 marks an empty slot in the Model's table).
func Hash(tpl uint32, s string) uint64 {
	h := uint64(offset64)
	h ^= uint64(tpl)
	h *= prime64
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return finish(h)
}

// HashBytes is Hash for a byte slice.
func HashBytes(tpl uint32, b []byte) uint64 {
	h := uint64(offset64)
	h ^= uint64(tpl)
	h *= prime64
	for _, c := range b {
		h ^= uint64(c)
		h *= prime64
	}
	return finish(h)
}

// Combine returns the hash of a conjunction of template tpl with two
// already-hashed values a and b (e.g. a word hash and a tag id).
func Combine(tpl uint32, a, b uint64) uint64 {
	h := uint64(offset64) ^ uint64(tpl)
	h *= prime64
	h ^= a
	h = mix(h)
	h ^= b
	return finish(h)
}

// mix is the splitmix64 finalizer: it spreads FNV's weak low bits.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

func finish(h uint64) uint64 {
	h = mix(h)
	if h == 0 {
		h = 1
	}
	return h
}
