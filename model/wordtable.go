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
