package model

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Streaming load. LoadFS reads and extracts one file after another, which is
// fine for the seeds and slow for a folder of twenty thousand clippings. The
// stream runs the per-file step (LoadFile, Manifest.Apply, Extract) on a pool
// of workers and hands the results to the caller in batches as they finish,
// with the progress so far:
//
//	err := model.Stream(ctx, fsys, ".", model.StreamOptions{}, func(b model.Batch) error {
//		for _, r := range b.Results { lib.Apply(r) }
//		return nil
//	})
//
// Results arrive in completion order, which varies from run to run; the
// Corpus built from them (Library.Snapshot, CorpusOf) is sorted by path, so
// the final corpus does not. Every problem is delivered exactly once: those
// met while listing (and the manifest's) in the first batch, each file's
// with its result.

// DefaultBatchSize is the most results in one Batch when
// StreamOptions.BatchSize is 0.
const DefaultBatchSize = 512

// DefaultBatchInterval is how long a result may wait for its batch when
// StreamOptions.Interval is 0: about three frames, so that a dashboard shows
// progress smoothly without redrawing for every file.
const DefaultBatchInterval = 50 * time.Millisecond

// StreamOptions controls Stream and StreamPaths. The zero value is usable.
type StreamOptions struct {
	LoadOptions
	// Workers is how many files are read and extracted at once; 0 means
	// runtime.GOMAXPROCS(0), one per core the program may use.
	Workers int
	// BatchSize is the most results handed over in one Batch; 0 means
	// DefaultBatchSize.
	BatchSize int
	// Interval is the longest a finished result waits before its batch is
	// handed over, however small; 0 means DefaultBatchInterval.
	Interval time.Duration
	// Ordered hands the results over in the order CorpusOf sorts them (by
	// path, then document ID) instead of as they finish, so that a caller
	// can write each one out and drop it, as `corridor extract` does. The
	// workers then run at most a small window of files ahead of the first
	// one not yet handed over, and memory stays bounded whatever the size
	// of the folder. The listing's problems still come first.
	Ordered bool
}

// Progress is how far a stream has come.
type Progress struct {
	Files    int           // files done (loaded, or failed with a problem)
	Total    int           // files listed; known from the first batch on
	Bytes    int64         // bytes read from the files done
	Problems int           // problems delivered so far
	Elapsed  time.Duration // since the stream started
	Done     bool          // this is the last batch: every file is done
}

// FilesPerSecond is the rate at which files have been done so far.
func (p Progress) FilesPerSecond() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Files) / p.Elapsed.Seconds()
}

// BytesPerSecond is the rate at which bytes have been read so far.
func (p Progress) BytesPerSecond() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Bytes) / p.Elapsed.Seconds()
}

// String formats the progress for a status line:
// "12,034/21,578 files, 9.6 MB, 8,210 files/s".
func (p Progress) String() string {
	return fmt.Sprintf("%s/%s files, %s, %s files/s", groupDigits(p.Files), groupDigits(p.Total),
		fmtSize(p.Bytes), groupDigits(int(p.FilesPerSecond()+0.5)))
}

// groupDigits writes n with thousands separators, for progress lines.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// DocResult is the outcome for one path: a document and what was extracted
// from it, or the problems that kept it from loading, or both when the file
// loaded with a repair (invalid UTF-8). Results for folder-level problems
// (files skipped, an unreadable subfolder, a manifest error) have no
// document and carry every problem for that path.
type DocResult struct {
	Path     string    // the path as shown: Document.Path, or the problems' path
	Doc      *Document // nil when the file could not be loaded, or for a folder
	Result   Result    // what Extract found in Doc
	Problems []Problem // the problems for Path, all with Path as their path
}

// Batch is what a stream hands to its callback: the results finished since
// the previous batch and the progress after them.
type Batch struct {
	Progress Progress
	Results  []DocResult // owned by the callback; never reused by the stream
}

// ErrStopped may be returned by a stream callback to end the stream early
// without it being an error; Stream then returns nil.
var ErrStopped = errors.New("stream stopped")

// job is one file for a worker: where it is and how its document is shown.
type job struct {
	fsys fs.FS
	root string
	name string
	opt  LoadOptions
	man  *Manifest
	seq  int // place in an ordered stream's sorted job list
}

// Stream loads every supported file under root in fsys (a folder, read
// recursively, or a single file) as LoadFS does, but on opt.Workers workers,
// and calls fn with batches of results as they complete. fn is called on the
// caller's goroutine, one batch at a time, and always at least once: the
// last batch has Progress.Done set (unless the stream was cancelled or fn
// returned an error).
//
// Stream returns ctx.Err() soon after ctx is cancelled (the workers finish
// only the file they are on), fn's error if it returns one (nil for
// ErrStopped), and nil otherwise. Problems are reported in the batches, not
// as the error.
func Stream(ctx context.Context, fsys fs.FS, root string, opt StreamOptions, fn func(Batch) error) error {
	jobs, first := listRoot(fsys, root, opt.LoadOptions)
	return runStream(ctx, jobs, first, opt, fn)
}

// StreamPaths is Stream for OS paths, each a file or a folder, as LoadPaths
// takes them: a bad path is a problem and the others load. All files of all
// paths share one pool, and Progress.Total counts them all.
func StreamPaths(ctx context.Context, paths []string, opt StreamOptions, fn func(Batch) error) error {
	var jobs []job
	var first []Problem
	for _, p := range paths {
		if p == "" {
			first = append(first, Problem{Path: p, Err: "empty path"})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			first = append(first, Problem{Path: p, Err: describeErr(err)})
			continue
		}
		o := opt.LoadOptions
		o.Base = p
		var j []job
		var pr []Problem
		if info.IsDir() {
			j, pr = listRoot(dirFS(p), ".", o)
		} else {
			// One code path with LoadPaths: the file is the root of its folder.
			j, pr = listRoot(dirFS(filepath.Dir(p)), filepath.Base(p), o)
		}
		jobs = append(jobs, j...)
		first = append(first, pr...)
	}
	return runStream(ctx, jobs, first, opt, fn)
}

// listRoot lists the files of one root as jobs, with the problems met while
// listing and reading the manifest, in the order LoadFS reports them.
func listRoot(fsys fs.FS, root string, opt LoadOptions) ([]job, []Problem) {
	root = cleanRoot(root)
	info, err := fs.Stat(fsys, root)
	if err != nil {
		return nil, []Problem{{Path: opt.show(root, root), Err: describeErr(err)}}
	}
	if !info.IsDir() {
		// A file named explicitly: its folder's manifest still applies.
		man, _ := ReadManifest(fsys, path.Dir(root))
		return []job{{fsys: fsys, root: root, name: root, opt: opt, man: man}}, nil
	}
	names, probs := ListFiles(fsys, root, opt)
	man, err := ReadManifest(fsys, root)
	if err != nil {
		probs = append(probs, Problem{Path: opt.show(root, path.Join(root, manifestName)), Err: err.Error()})
	}
	for _, file := range man.unused(names, root) {
		probs = append(probs, Problem{
			Path: opt.show(root, path.Join(root, manifestName)),
			Err:  fmt.Sprintf("manifest.json lists %s, which is not in the folder", file),
		})
	}
	jobs := make([]job, len(names))
	for i, name := range names {
		jobs[i] = job{fsys: fsys, root: root, name: name, opt: opt, man: man}
	}
	return jobs, probs
}

// do runs the per-file step: read and parse, apply the manifest, extract.
func (j job) do() DocResult {
	shown := j.opt.show(j.root, j.name)
	d, err := LoadFile(j.fsys, j.root, j.name, j.opt)
	r := DocResult{Path: shown, Doc: d}
	if err != nil {
		r.Problems = []Problem{{Path: shown, Err: err.Error()}}
	}
	if d != nil {
		if d.Path == shown {
			r.Path = d.Path // one copy of the string, not two
		}
		// For a single file (name == root) relPath gives its base name,
		// which is how its folder's manifest names it.
		j.man.Apply(d, relPath(j.root, j.name))
		r.Result = Extract(d)
		// Extract's slices grow by appending and keep spare capacity
		// (on Reuters, about 30 MB over 21k documents); results wait in
		// memory until the corpus is built, so keep them exact.
		r.Result.Indicators = exact(r.Result.Indicators)
		r.Result.Events = exact(r.Result.Events)
	}
	return r
}

// exact returns s in a backing array of its own length, or nil if empty.
func exact[T any](s []T) []T {
	switch {
	case len(s) == 0:
		return nil
	case cap(s) == len(s):
		return s
	}
	return slices.Clone(s)
}

// LoadResult reads, parses and extracts one file as Stream does, for a
// live view that learns that one file changed: name is the file's path in
// fsys under root, the folder that was streamed (with the same opt), so the
// result has the same Path and Document.ID as the stream gave it, and the
// folder's manifest still applies. A file that is gone or turned bad gives
// a result with problems and no document; Library.Apply then drops its old
// figures (or call Library.Remove for a file that was deleted).
func LoadResult(fsys fs.FS, root, name string, opt LoadOptions) DocResult {
	root = cleanRoot(root)
	man, _ := ReadManifest(fsys, root)
	return job{fsys: fsys, root: root, name: name, opt: opt, man: man}.do()
}

// ShownPath returns the path Stream and LoadResult give the file name of
// fsys streamed from root with opt: the key of its entry in a Library.
func ShownPath(root, name string, opt LoadOptions) string {
	return opt.show(cleanRoot(root), name)
}

// cleanRoot normalises a root as LoadFS does.
func cleanRoot(root string) string {
	return path.Clean(strings.TrimPrefix(filepath.ToSlash(root), "/"))
}

// groupProblems turns the listing problems into one result per path, in the
// order the paths first appear, so that a Library keyed by path keeps them
// all.
func groupProblems(probs []Problem) []DocResult {
	var out []DocResult
	at := map[string]int{}
	for _, p := range probs {
		i, ok := at[p.Path]
		if !ok {
			i = len(out)
			at[p.Path] = i
			out = append(out, DocResult{Path: p.Path})
		}
		out[i].Problems = append(out[i].Problems, p)
	}
	return out
}

// runStream feeds the jobs to the workers and batches what they return.
func runStream(ctx context.Context, jobs []job, first []Problem, opt StreamOptions, fn func(Batch) error) error {
	start := time.Now()
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := opt.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	every := opt.Interval
	if every <= 0 {
		every = DefaultBatchInterval
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var ord *reorder
	if opt.Ordered {
		ord = newReorder(jobs, workers)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	todo := make(chan job)
	done := make(chan finished, workers*4)
	var wg sync.WaitGroup
	// The feeder hands out jobs until they run out or the stream is
	// cancelled; workers then see todo closed and stop. In order, it first
	// takes a slot of the window, which the collector gives back when the
	// result is handed over.
	wg.Go(func() {
		defer close(todo)
		for i, j := range jobs {
			if ord != nil {
				j.seq = i
				select {
				case ord.slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
			}
			select {
			case todo <- j:
			case <-ctx.Done():
				return
			}
		}
	})
	var workersWG sync.WaitGroup
	for range workers {
		workersWG.Go(func() {
			for j := range todo {
				if ctx.Err() != nil {
					return
				}
				select {
				case done <- finished{j.seq, j.do()}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { workersWG.Wait(); close(done) }()
	// Whatever happens, no goroutine outlives Stream.
	defer func() {
		cancel()
		for range done {
		}
		wg.Wait()
	}()

	prog := Progress{Total: len(jobs)}
	batch := groupProblems(first)
	prog.Problems = len(first)
	flush := func(last bool) error {
		prog.Elapsed = time.Since(start)
		prog.Done = last
		b := Batch{Progress: prog, Results: batch}
		batch = nil
		if err := fn(b); err != nil {
			return err
		}
		return nil
	}
	sent := false
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case f, ok := <-done:
			r := f.result
			if !ok {
				if err := ctx.Err(); err != nil {
					return err
				}
				return stopErr(flush(true))
			}
			prog.Files++
			if r.Doc != nil {
				prog.Bytes += int64(r.Doc.Bytes)
			}
			prog.Problems += len(r.Problems)
			if ord != nil {
				batch = ord.add(f.seq, r, batch)
			} else {
				batch = append(batch, r)
			}
			if len(batch) >= size {
				sent = true
				if err := flush(false); err != nil {
					return stopErr(err)
				}
			}
		case <-tick.C:
			// The first tick also reports Total while the first files are
			// still being read.
			if len(batch) > 0 || !sent {
				sent = true
				if err := flush(false); err != nil {
					return stopErr(err)
				}
			}
		}
	}
}

// finished is a worker's result with the place of its job.
type finished struct {
	seq    int // job index in an ordered stream; 0 otherwise
	result DocResult
}

// reorder puts the results of an ordered stream (StreamOptions.Ordered)
// back in path order. The jobs are sorted by the path they are shown
// under, so a result can be handed over once every job before it has
// finished; jobs with the same path (a file named twice) are handed over
// together, sorted by document ID, as CorpusOf sorts them. The feeder takes
// one of the window's slots per job, and the collector gives it back when
// the result is handed over, so no more than a window of results waits.
type reorder struct {
	slots   chan struct{}     // one token per job fed and not yet handed over
	groupOf []int             // job index -> one past the last job shown under the same path
	waiting map[int]DocResult // finished results, by job index, not yet handed over
	next    int               // the first job not yet handed over
}

// minReorderWindow is the smallest window of an ordered stream: enough
// that a file several times slower than the others does not stall the
// workers behind it, and a few hundred kilobytes of results at most.
const minReorderWindow = 64

// newReorder sorts jobs in place by shown path (stably, so the files of
// one root keep their listing order among equal paths) and returns the
// state that puts their results back in that order.
func newReorder(jobs []job, workers int) *reorder {
	shown := make([]string, len(jobs))
	idx := make([]int, len(jobs))
	for i := range jobs {
		shown[i] = jobs[i].opt.show(jobs[i].root, jobs[i].name)
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(shown[a], shown[b]) })
	sorted := make([]job, len(jobs))
	for i, k := range idx {
		sorted[i] = jobs[k]
	}
	copy(jobs, sorted)
	o := &reorder{groupOf: make([]int, len(jobs)), waiting: map[int]DocResult{}}
	largest := 1
	for i := 0; i < len(jobs); {
		end := i + 1
		for end < len(jobs) && shown[idx[end]] == shown[idx[i]] {
			end++
		}
		for k := i; k < end; k++ {
			o.groupOf[k] = end
		}
		largest = max(largest, end-i)
		i = end
	}
	// A group is handed over whole, so the window must hold the largest
	// one and still leave the other workers something to do.
	o.slots = make(chan struct{}, max(minReorderWindow, 4*workers, largest+workers))
	return o
}

// add records a finished result and appends to batch every result that
// can now be handed over, in order.
func (o *reorder) add(seq int, r DocResult, batch []DocResult) []DocResult {
	o.waiting[seq] = r
	for o.next < len(o.groupOf) {
		end := o.groupOf[o.next]
		for k := o.next; k < end; k++ {
			if _, ok := o.waiting[k]; !ok {
				return batch
			}
		}
		from := len(batch)
		for k := o.next; k < end; k++ {
			batch = append(batch, o.waiting[k])
			delete(o.waiting, k)
			<-o.slots
		}
		if end-o.next > 1 {
			slices.SortStableFunc(batch[from:], func(a, b DocResult) int { return strings.Compare(docID(a.Doc), docID(b.Doc)) })
		}
		o.next = end
	}
	return batch
}

// stopErr maps ErrStopped, a callback's way of saying "enough", to nil.
func stopErr(err error) error {
	if errors.Is(err, ErrStopped) {
		return nil
	}
	return err
}

// CorpusOf builds a Corpus from stream results: documents sorted by path
// (then ID), indicators and events flat in that order, problems sorted by
// path with each path's problems in the order they were met. Results for the
// same path are all kept (a path named twice loads twice, as with LoadPaths),
// and IDs are made unique as Corpus.Add does, on copies, so the documents
// in results are never changed.
func CorpusOf(results []DocResult) *Corpus {
	rs := slices.Clone(results)
	slices.SortStableFunc(rs, func(a, b DocResult) int {
		return cmpStrings(a.Path, b.Path, docID(a.Doc), docID(b.Doc))
	})
	return assemble(rs)
}

func docID(d *Document) string {
	if d == nil {
		return ""
	}
	return d.ID
}

// LoadCorpus streams paths (or, when fsys is not nil, root in fsys) into a
// Corpus, calling progress (when not nil) after each batch. It is what
// `corridor extract` uses; a dashboard that shows documents as they arrive
// uses Stream and a Library instead.
func LoadCorpus(ctx context.Context, fsys fs.FS, root string, paths []string, opt StreamOptions, progress func(Progress)) (*Corpus, error) {
	var all []DocResult
	fn := func(b Batch) error {
		all = append(all, b.Results...)
		if progress != nil {
			progress(b.Progress)
		}
		return nil
	}
	var err error
	if fsys != nil {
		err = Stream(ctx, fsys, root, opt, fn)
	} else {
		err = StreamPaths(ctx, paths, opt, fn)
	}
	if err != nil {
		return nil, err
	}
	return CorpusOf(all), nil
}
