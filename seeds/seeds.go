// Package seeds embeds corridor's default corpus: five articles on the trade
// corridors between mainland China, Hong Kong and Central Asia, and a
// manifest.json giving each one's title, publication and date where known.
// It holds data only; model.LoadFS reads it like any other folder.
package seeds

import "embed"

// FS holds the corpus folder: the articles and manifest.json.
//
//go:embed corpus
var FS embed.FS

// Root is the folder inside FS that holds the corpus.
const Root = "corpus"
