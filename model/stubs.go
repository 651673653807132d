package model

// Temporary stubs: each is replaced by its own file (quantity.go, dates.go,
// classify.go). Delete a stub when its real implementation lands.
