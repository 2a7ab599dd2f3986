package main

import (
	"context"
	"io"
)

// ctxReader reads from r until ctx is cancelled, and then fails with ctx's error: a reader
// of a large input stops at its next read.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (r ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}

// ctxWriter writes to w until ctx is cancelled, and then fails with ctx's error: a long
// list stops at its next write.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (w ctxWriter) Write(p []byte) (int, error) {
	if err := w.ctx.Err(); err != nil {
		return 0, err
	}
	return w.w.Write(p)
}
