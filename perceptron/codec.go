package perceptron

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// Encoder builds a model file: a magic string, a body of varints, strings
// and floats, and a trailing CRC-32 (Castagnoli) of everything before it.
// Encoding is deterministic: the same calls give the same bytes.
type Encoder struct {
	buf []byte
}

// NewEncoder starts a file with the given magic string (e.g. "CHRTAG01").
func NewEncoder(magic string) *Encoder {
	return &Encoder{buf: append([]byte(nil), magic...)}
}

// Uvarint appends an unsigned varint.
func (e *Encoder) Uvarint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

// Varint appends a zig-zag signed varint.
func (e *Encoder) Varint(v int64) { e.buf = binary.AppendVarint(e.buf, v) }

// Float32 appends a little-endian float32.
func (e *Encoder) Float32(f float32) {
	e.buf = binary.LittleEndian.AppendUint32(e.buf, math.Float32bits(f))
}

// String appends a length-prefixed string.
func (e *Encoder) String(s string) {
	e.Uvarint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// Strings appends a counted list of strings.
func (e *Encoder) Strings(ss []string) {
	e.Uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.String(s)
	}
}

// Bytes returns the finished file, CRC included. The Encoder must not be
// used afterwards.
func (e *Encoder) Bytes() []byte {
	return binary.LittleEndian.AppendUint32(e.buf, crc32.Checksum(e.buf, crcTable))
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt is wrapped by every error about a damaged or truncated file.
var ErrCorrupt = errors.New("corrupt or truncated model")

// Decoder reads what an Encoder wrote. Errors are sticky: after the first,
// every read returns a zero value and Err reports it.
type Decoder struct {
	buf []byte
	pos int
	err error
}

// NewDecoder checks the magic string and the CRC of data and returns a
// Decoder positioned after the magic. The error wraps ErrCorrupt.
func NewDecoder(data []byte, magic string) (*Decoder, error) {
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: want a %q file", ErrCorrupt, magic)
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	return &Decoder{buf: body, pos: len(magic)}, nil
}

// Err returns the first error met, or nil.
func (d *Decoder) Err() error { return d.err }

// Remaining returns the number of unread bytes.
func (d *Decoder) Remaining() int { return len(d.buf) - d.pos }

func (d *Decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: bad %s at byte %d", ErrCorrupt, what, d.pos)
	}
}

// Uvarint reads an unsigned varint.
func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf[d.pos:])
	if n <= 0 {
		d.fail("varint")
		return 0
	}
	d.pos += n
	return v
}

// Varint reads a signed varint.
func (d *Decoder) Varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.buf[d.pos:])
	if n <= 0 {
		d.fail("varint")
		return 0
	}
	d.pos += n
	return v
}

// Float32 reads a float32.
func (d *Decoder) Float32() float32 {
	if d.err != nil {
		return 0
	}
	if d.Remaining() < 4 {
		d.fail("float")
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(d.buf[d.pos:]))
	d.pos += 4
	return v
}

// String reads a length-prefixed string.
func (d *Decoder) String() string {
	n := d.Uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(d.Remaining()) {
		d.fail("string")
		return ""
	}
	s := string(d.buf[d.pos : d.pos+int(n)])
	d.pos += int(n)
	return s
}

// Strings reads a counted list of strings.
func (d *Decoder) Strings() []string {
	n := d.Uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(d.Remaining()) {
		d.fail("string list")
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.String()
	}
	if d.err != nil {
		return nil
	}
	return ss
}

// Close reports an error if the data was not read to the end.
func (d *Decoder) Close() error {
	if d.err == nil && d.Remaining() != 0 {
		d.err = fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, d.Remaining())
	}
	return d.err
}
