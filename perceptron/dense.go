package perceptron

// Dense rows: a row of per-class int16 weights packed two classes to a
// uint64, class 2j in the low and class 2j+1 in the high 32 bits of word j,
// each stored as weight+DenseBias in [0, 1<<16). One 64-bit add then sums
// two classes, and as long as a lane sums fewer than 1<<16 such values it
// never carries into its neighbour. A sparse cell costs a scattered
// read-modify-write; a dense row one add per two classes, so rows longer
// than about a quarter of the classes are cheaper dense. Model uses them,
// and so does the parser's own weight table.

// DenseBias is added to every weight in a dense row.
const DenseBias = 1 << 15

// AppendDenseRow appends cells (class<<16 | uint16(weight), distinct
// classes below 2*rw) to dense as one packed row of rw words.
func AppendDenseRow(dense []uint64, rw int, cells []uint32) []uint64 {
	n := len(dense)
	for range rw {
		dense = append(dense, DenseBias|DenseBias<<32)
	}
	row := dense[n:]
	for _, c := range cells {
		v, shift := uint64(uint16(int32(int16(uint16(c)))+DenseBias)), 32*(c>>16&1)
		row[c>>17] = row[c>>17]&^(0xffffffff<<shift) | v<<shift
	}
	return dense
}

// AddDenseRows adds the rows of dense (len(acc) words each) numbered in
// rows into acc, lane by lane. Rows are taken four at a time where they
// can be: one read-modify-write of acc per four row words.
func AddDenseRows(acc, dense []uint64, rows []uint32) {
	rw := len(acc)
	row := func(i uint32) []uint64 { return dense[int(i)*rw:][:rw] }
	switch len(rows) % 4 {
	case 1:
		r0 := row(rows[0])
		for j := range acc {
			acc[j] += r0[j]
		}
	case 2:
		r0, r1 := row(rows[0]), row(rows[1])
		for j := range acc {
			acc[j] += r0[j] + r1[j]
		}
	case 3:
		r0, r1, r2 := row(rows[0]), row(rows[1]), row(rows[2])
		for j := range acc {
			acc[j] += r0[j] + r1[j] + r2[j]
		}
	}
	for rows = rows[len(rows)%4:]; len(rows) >= 4; rows = rows[4:] {
		r0, r1, r2, r3 := row(rows[0]), row(rows[1]), row(rows[2]), row(rows[3])
		for j := range acc {
			acc[j] += r0[j] + r1[j] + r2[j] + r3[j]
		}
	}
}

// UnpackDense adds the lanes of acc, less bias each, into scores[:classes]
// (classes <= 2*len(acc)).
func UnpackDense(acc []uint64, bias int32, scores []int32, classes int) {
	pairs := classes / 2
	sc := scores[:2*pairs]
	for j, a := range acc[:pairs] {
		sc[2*j] += int32(uint32(a)) - bias
		sc[2*j+1] += int32(uint32(a>>32)) - bias
	}
	if classes%2 == 1 {
		scores[classes-1] += int32(uint32(acc[pairs])) - bias
	}
}
