package parse

// The shared templates (stackTemplates, bufferTemplates) read one token
// index each: S0, or N0 with the N1 and N2 that follow it. Within a
// sentence their summed weights are a function of that index, so the beam
// decoder sums them once per token into packed vectors (the layout of
// dense rows, lanes biased by vecBias) and adds two vectors per item and
// step in place of 23 lookups. With a beam of 4 a token is scored about
// seven times; the sums are the same to the bit.

// sharedVecs fills sc.vecs for the sentence in sc.in (n words): the stack
// vector of S0 = i at (i+1)*rowWords for i in [-1, n), and the buffer
// vector of N0 = i at (n+1+i)*rowWords for i in [0, n].
func (p *Parser) sharedVecs(sc *scratch, n int) {
	rw := p.w.rowWords
	need := 2 * (n + 1) * rw
	if cap(sc.vecs) < need {
		sc.vecs = make([]uint64, need)
	}
	sc.vecs = sc.vecs[:need]
	if len(sc.vtmp) < p.nclass {
		sc.vtmp = make([]int32, p.nclass)
	}
	tmp := sc.vtmp[:p.nclass]
	st := &sc.vst
	st.reset(n)
	var all, pick [maxFeatures]uint64
	sum := func(ids []int, nf int, dst []uint64) {
		k := 0
		for _, id := range ids {
			if id < nf {
				pick[k] = all[id]
				k++
			}
		}
		clear(tmp)
		p.w.score(pick[:k], tmp, &sc.ss)
		for j := range dst {
			dst[j] = uint64(uint32(tmp[2*j]+vecBias)) | uint64(uint32(tmp[2*j+1]+vecBias))<<32
		}
	}
	// A configuration with S0 = i and N0 = i+1 gives both vectors' features.
	for i := -1; i < n; i++ {
		st.stack = st.stack[:0]
		if i >= 0 {
			st.stack = append(st.stack, int32(i))
		}
		st.b0 = int32(i + 1)
		nf, _ := extract(st, &sc.in, all[:], modeFull)
		sum(stackTemplates, nf, sc.vecs[(i+1)*rw:][:rw])
		sum(bufferTemplates, nf, sc.vecs[(n+2+i)*rw:][:rw])
	}
}
