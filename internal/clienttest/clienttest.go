// Package clienttest finds the real clients (LibreOffice, Chromium) that breachreport's
// tests check their outputs with, and runs them headless with no network.
package clienttest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// RequireEnv is the environment variable that turns a missing client from a skip into a
// failure; .ci/run sets it to 1 after installing the clients.
const RequireEnv = "BREACHREPORT_REQUIRE_TOOLS"

// Find returns the path of the first of names found on PATH. When none is found the test
// is skipped with a message saying what to install, or fails when RequireEnv is "1".
// Under -short the test is skipped whatever RequireEnv says: the real clients take
// seconds each, and -short is the fast inner loop.
func Find(t testing.TB, pkg string, names ...string) string {
	t.Helper()
	SkipShort(t, names[0])
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := "none of " + joinNames(names) + " is installed (apt-get install " + pkg + ")"
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s, and %s=1 requires it", msg, RequireEnv)
	}
	t.Skipf("skipping: %s; set %s=1 to make this a failure", msg, RequireEnv)
	return ""
}

// SkipShort skips the test under -short with a message naming what, the slow thing it
// needs: a client, a built binary, a big input.
func SkipShort(t testing.TB, what string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: skips %s", what)
	}
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// Chromium returns the path of Debian's Chromium, or skips (see Find).
func Chromium(t testing.TB) string {
	t.Helper()
	SkipShort(t, "Chromium")
	return Find(t, "chromium fonts-noto-cjk", "chromium", "chromium-browser", "google-chrome")
}

// ChromiumArgs returns the flags that run Chromium headless, as root, in a fresh profile
// under dir, with every network lookup failing, so that a page renders only with what it
// carries inline.
func ChromiumArgs(dir string) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--disable-default-apps", "--mute-audio",
		"--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
		"--user-data-dir=" + filepath.Join(dir, "chromium-profile"),
	}
}

// Run runs a client with a time limit and returns its combined output.
func Run(t testing.TB, timeout time.Duration, name string, args ...string) ([]byte, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	return cmd.CombinedOutput()
}

// LibreOffice returns the path of soffice, or skips (see Find).
func LibreOffice(t testing.TB) string {
	t.Helper()
	SkipShort(t, "LibreOffice")
	return Find(t, "libreoffice-calc-nogui", "soffice", "libreoffice")
}
