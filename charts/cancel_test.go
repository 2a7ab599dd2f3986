package charts

import (
	"context"
	"errors"
	"testing"
)

// TestBuildCancelled checks that Build stops with ctx's error once ctx is cancelled.
func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, sampleReport(t), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build = %v, want context.Canceled", err)
	}
}
