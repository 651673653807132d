package tui

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"corridor/model"
)

// Live reload. The loader goroutine (load.go) owns a watcher over the paths
// it streamed: every folder under a folder path, recursively (inotify
// watches one folder at a time, so new subfolders are added as they
// appear), and the parent folder of a file path. Changes are collected by
// OS path and, once they settle, re-read with model.LoadResult so that each
// file gets the same shown path and document ID as the stream gave it.

// settleDelay is how long the watcher waits after the last change before
// re-reading: long enough to see an editor's write-rename-chmod as one
// change, short enough to feel immediate.
const settleDelay = 150 * time.Millisecond

// watchRoot is one path the user named.
type watchRoot struct {
	path string // as given: the Base of its documents' shown paths
	dir  bool   // a folder, read recursively; else a single file
}

// watcher watches the roots. A nil *watcher watches nothing, so the
// loader's select needs no special case when -watch is off.
type watcher struct {
	fs    *fsnotify.Watcher
	roots []watchRoot
	opt   model.LoadOptions
}

// newWatcher starts watching paths; a path that does not exist is left
// out (the stream reports it as a problem).
func newWatcher(paths []string, opt model.LoadOptions) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, opt: opt}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		w.roots = append(w.roots, watchRoot{path: p, dir: info.IsDir()})
		if info.IsDir() {
			w.addTree(p)
		} else {
			_ = fw.Add(filepath.Dir(p))
		}
	}
	return w, nil
}

// close stops watching.
func (w *watcher) close() { _ = w.fs.Close() }

// events is the channel of file events, nil (never ready) without a watcher.
func (w *watcher) events() <-chan fsnotify.Event {
	if w == nil {
		return nil
	}
	return w.fs.Events
}

// errors is the channel of watch errors, nil without a watcher.
func (w *watcher) errors() <-chan error {
	if w == nil {
		return nil
	}
	return w.fs.Errors
}

// addTree watches dir and every folder under it, skipping hidden ones as
// the loader does. It runs in the loader goroutine, never in Update.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		_ = w.fs.Add(p)
		return nil
	})
}

// relevant reports whether ev may change the corpus: a write, creation,
// removal or rename of something under a root that is not hidden. A new
// folder is watched at once, so files created in it right after are seen.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if w == nil || !ev.Has(fsnotify.Create|fsnotify.Write|fsnotify.Remove|fsnotify.Rename) {
		return false
	}
	r, rel, ok := w.locate(ev.Name)
	if !ok || hidden(rel) {
		return false
	}
	if ev.Has(fsnotify.Create) && r.dir {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			w.addTree(ev.Name)
		}
	}
	return true
}

// locate finds the root p is under and p's slash path relative to it ("."
// for a file root itself).
func (w *watcher) locate(p string) (watchRoot, string, bool) {
	for _, r := range w.roots {
		if !r.dir {
			if filepath.Clean(p) == filepath.Clean(r.path) {
				return r, ".", true
			}
			continue
		}
		rel, err := filepath.Rel(r.path, p)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		return r, filepath.ToSlash(rel), true
	}
	return watchRoot{}, "", false
}

// hidden reports whether any element of the slash path rel starts with a
// dot (editor swap files, .git), which the loader never reads.
func hidden(rel string) bool {
	for part := range strings.SplitSeq(rel, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return true
		}
	}
	return false
}

// reread applies the latest state of every pending path to lib and
// empties pending; it returns how many files changed in lib. A file that
// is gone is removed (with everything under it, if it was a folder), a
// folder that appeared is read whole, and a file that no longer loads
// becomes a problem, its old figures gone.
func (w *watcher) reread(lib *model.Library, pending map[string]bool) int {
	if w == nil || len(pending) == 0 {
		return 0
	}
	n := 0
	for _, p := range slices.Sorted(maps.Keys(pending)) {
		r, rel, ok := w.locate(p)
		if !ok {
			continue
		}
		// How the stream named this root's files: see model.StreamPaths.
		fsys, root, name := os.DirFS(r.path), ".", rel
		opt := w.opt
		opt.Base = r.path
		if !r.dir {
			fsys, root, name = os.DirFS(filepath.Dir(r.path)), filepath.Base(r.path), filepath.Base(r.path)
		}
		shown := model.ShownPath(root, name, opt)
		info, err := os.Stat(p)
		switch {
		case err != nil: // removed or renamed away
			if lib.Has(shown) {
				lib.Remove(shown)
				n++
			}
			prefix := shown + string(filepath.Separator)
			n += lib.Retain(func(path string) bool { return !strings.HasPrefix(path, prefix) })
		case info.IsDir():
			names, _ := model.ListFiles(fsys, name, opt)
			for _, f := range names {
				if !hidden(f) {
					lib.Apply(model.LoadResult(fsys, root, f, opt))
					n++
				}
			}
		default:
			// ListFiles of one file says whether corridor reads its kind.
			if names, _ := model.ListFiles(fsys, name, opt); len(names) == 0 {
				continue
			}
			lib.Apply(model.LoadResult(fsys, root, name, opt))
			n++
		}
	}
	clear(pending)
	return n
}
