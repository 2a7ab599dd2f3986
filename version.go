package main

import (
	"fmt"
	"runtime/debug"
)

// version is the release of this build; "go build -ldflags -X main.version=…" may set it.
var version = "0.1.0-dev"

var versionUsage = commandUsage("version", `Prints the version of breachreport and of the Go toolchain that built it.
`)

func cmdVersion(args []string, e env) error {
	fs := newFlagSet("version")
	if err := parseFlags(fs, args, versionUsage, e); err != nil {
		return helpOK(err)
	}
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
		fmt.Fprintf(e.stdout, "breachreport %s %s\n", v, bi.GoVersion)
		return nil
	}
	fmt.Fprintf(e.stdout, "breachreport %s\n", v)
	return nil
}
