package main

import (
	"context"
	"fmt"

	"breachreport/input"
)

var sampleUsage = commandUsage("sample", `Prints the embedded sample CSV (the two reference cases), a template to copy.
With --synthetic it prints N fictional incidents (Example Co. 0001, …) instead, for demos
and tests; the same N and seed always give the same file.
`)

func cmdSample(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("sample")
	synthetic := fs.Int("synthetic", 0, "print `N` fictional incidents instead of the embedded sample")
	seed := fs.Uint64("seed", 1, "seed `S` of the fictional incidents (with --synthetic)")
	if err := parseFlags(fs, args, sampleUsage, e); err != nil {
		return helpOK(err)
	}
	switch {
	case *synthetic < 0 || (*synthetic == 0 && isFlagSet(fs, "synthetic")):
		return &usageError{msg: fmt.Sprintf("--synthetic: %d incidents: give at least 1", *synthetic), usage: sampleUsage + flagDefaults(fs)}
	case *synthetic == 0 && isFlagSet(fs, "seed"):
		return &usageError{msg: "--seed needs --synthetic N", usage: sampleUsage + flagDefaults(fs)}
	case *synthetic > 0:
		err := input.WriteSynthetic(ctxWriter{ctx, e.stdout}, *synthetic, *seed)
		return interrupted(ctx, err, messageLang(e))
	}
	_, err := e.stdout.Write(input.Sample())
	return err
}
