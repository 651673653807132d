package model

// wordTable is a read-only hash table from lower-case words to values,
// probed with the wordHash the tokenizer already stored in each token. On
// the classifier's hot paths (a cue or gazetteer lookup for most words of
// every sentence holding a figure) it replaces a map[string]: no second
// hash of the word, and a miss usually ends at one empty slot or one hash
// compare.
type wordTable[V any] struct {
	slots []wordSlot[V]
	mask  uint32
}

type wordSlot[V any] struct {
	used bool
	hash uint32 // wordHash(key)
	key  string
	val  V
}

// newWordTable indexes m; it is built once, so it is kept at most a quarter
// full for short probe runs.
func newWordTable[V any](m map[string]V) *wordTable[V] {
	return newWordTableBy(m, wordHash)
}

// newWordTableFNV is newWordTable keyed by fnv1a instead of wordHash: the
// quantity scanner makes that hash as it folds a phrase into a buffer, and
// probes with it (getBytes).
func newWordTableFNV[V any](m map[string]V) *wordTable[V] {
	return newWordTableBy(m, fnv1a)
}

// newWordTableBy indexes m by the given hash.
func newWordTableBy[V any](m map[string]V, hash func(string) uint32) *wordTable[V] {
	n := 8
	for n < 4*len(m) {
		n *= 2
	}
	t := &wordTable[V]{slots: make([]wordSlot[V], n), mask: uint32(n - 1)}
	for k, v := range m {
		h := hash(k)
		i := wordSlotOf(h) & t.mask
		for t.slots[i].used {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot[V]{used: true, hash: h, key: k, val: v}
	}
	return t
}

// wordSlotOf mixes a hash's high bits into the low ones the mask keeps.
func wordSlotOf(h uint32) uint32 { return h ^ h>>15 }

// get returns the value of w, whose wordHash is h.
func (t *wordTable[V]) get(w string, h uint32) (V, bool) {
	for i := wordSlotOf(h) & t.mask; t.slots[i].used; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.hash == h && s.key == w {
			return s.val, true
		}
	}
	var zero V
	return zero, false
}

// getBytes is get for a word held in a byte buffer, which it compares in
// place: a string made of the buffer would be a copy.
func (t *wordTable[V]) getBytes(w []byte, h uint32) (V, bool) {
	for i := wordSlotOf(h) & t.mask; t.slots[i].used; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.hash == h && s.key == string(w) {
			return s.val, true
		}
	}
	var zero V
	return zero, false
}

// shortWords is a read-only hash table from the keys of one to eight bytes
// of a map[string]V to their values, keyed by the bytes themselves packed
// into a uint64 (packWord). A look-up packs the word, which a fold of its
// capitals (swarLower) leaves packed, finds its slot with one multiply and
// compares one key: no string hash, no string compare and no string made
// of a folded copy, which cost the quantity scanner's word sets more than
// all the rest of their look-ups. Longer keys are left out: wordMap asks
// its map for longer words.
type shortWords[V any] struct {
	slots []shortSlot[V]
	shift uint   // 64 minus the number of bits of a slot index
	mask  uint64 // len(slots) - 1
}

type shortSlot[V any] struct {
	key uint64 // packWord of the key
	n   int    // the key's length; 0 marks an empty slot
	val V
}

// newShortWords indexes the keys of m of one to eight bytes, at most a
// quarter full for short probe runs.
func newShortWords[V any](m map[string]V) *shortWords[V] {
	bits := uint(3)
	for 1<<bits < 4*len(m) {
		bits++
	}
	t := &shortWords[V]{slots: make([]shortSlot[V], 1<<bits), shift: 64 - bits, mask: 1<<bits - 1}
	for k, v := range m {
		if len(k) == 0 || len(k) > 8 {
			continue
		}
		key := packWord(k)
		i := shortSlotOf(key, t.shift)
		for t.slots[i].n != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = shortSlot[V]{key: key, n: len(k), val: v}
	}
	return t
}

// shortSlotOf is the first slot a key is looked for in: the high bits of
// a multiplicative hash, which every byte of the key reaches.
func shortSlotOf(key uint64, shift uint) uint64 { return key * 0x9e3779b97f4a7c15 >> shift }

// get returns the value of the word of n bytes (1 to 8) packed in key.
func (t *shortWords[V]) get(key uint64, n int) (V, bool) {
	for i := shortSlotOf(key, t.shift); t.slots[i].n != 0; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.key == key && s.n == n {
			return s.val, true
		}
	}
	var zero V
	return zero, false
}

// packWord returns the bytes of w, at most eight, packed in text order
// (w[0] in the low byte), as load8 reads them. A word of two to seven
// bytes is read as two loads that overlap, the second shifted up to end
// at the word's last byte; the bytes both read are the same, so OR-ing
// them leaves them as they are. A byte loop cost twice as much.
func packWord(w string) uint64 {
	switch n := len(w); {
	case n >= 8:
		return load8(w, 0)
	case n >= 4:
		return load4(w, 0) | load4(w, n-4)<<(8*(n-4))
	case n >= 2:
		return load2(w, 0) | load2(w, n-2)<<(8*(n-2))
	case n == 1:
		return uint64(w[0])
	}
	return 0
}

// wordMap is a map[string]V from lower-case words, asked with a word in any
// case (get) or already in lower case (getLower): a word of one to eight
// bytes, as nearly all are, is looked up in a shortWords table, a longer
// one in the map.
type wordMap[V any] struct {
	short *shortWords[V] // the keys of m of one to eight bytes
	m     map[string]V
}

// newWordMap indexes m, whose keys are lower case.
func newWordMap[V any](m map[string]V) wordMap[V] {
	return wordMap[V]{short: newShortWords(m), m: m}
}

// get returns the value of w with its ASCII capitals folded, as
// m[qWordLower(w)] would.
func (wm wordMap[V]) get(w string) (V, bool) {
	if n := len(w); n > 0 && n <= 8 {
		return wm.short.get(swarLower(packWord(w)), n)
	}
	v, ok := wm.m[qWordLower(w)]
	return v, ok
}

// getLower returns the value of w as it is, as m[w] would.
func (wm wordMap[V]) getLower(w string) (V, bool) {
	if n := len(w); n > 0 && n <= 8 {
		return wm.short.get(packWord(w), n)
	}
	v, ok := wm.m[w]
	return v, ok
}
