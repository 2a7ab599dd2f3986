package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"breachreport/data"
)

// constructors are the functions of package data whose first argument is a message format,
// the key of the catalogue.
var constructors = map[string]bool{"Msgf": true, "Errorf": true}

// msgCall is one call to a constructor: its format, or why the format is not a constant.
type msgCall struct {
	pos      string
	format   string
	constant bool
}

// moduleCalls parses every non-test Go file of the module and returns its calls to data's
// message constructors.
func moduleCalls(t *testing.T) []msgCall {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string][]*ast.File{} // by directory, for the constants of a package
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", "third_party", ".git", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files[filepath.Dir(path)] = append(files[filepath.Dir(path)], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Fatalf("found the Go files of only %d directories under %s", len(files), root)
	}
	var calls []msgCall
	for _, pkg := range files {
		consts := map[string]ast.Expr{}
		for _, f := range pkg {
			for _, decl := range f.Decls {
				if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.CONST {
					for _, spec := range gd.Specs {
						vs := spec.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								consts[n.Name] = vs.Values[i]
							}
						}
					}
				}
			}
		}
		var eval func(e ast.Expr) (string, bool)
		eval = func(e ast.Expr) (string, bool) {
			switch e := e.(type) {
			case *ast.BasicLit:
				if e.Kind == token.STRING {
					s, err := strconv.Unquote(e.Value)
					return s, err == nil
				}
			case *ast.Ident:
				if v, ok := consts[e.Name]; ok {
					return eval(v)
				}
			case *ast.ParenExpr:
				return eval(e.X)
			case *ast.BinaryExpr:
				if e.Op == token.ADD {
					a, okA := eval(e.X)
					b, okB := eval(e.Y)
					return a + b, okA && okB
				}
			}
			return "", false
		}
		for _, f := range pkg {
			inData := f.Name.Name == "data"
			alias := ""
			for _, imp := range f.Imports {
				if imp.Path.Value == `"breachreport/data"` {
					alias = "data"
					if imp.Name != nil {
						alias = imp.Name.Name
					}
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if fd, ok := n.(*ast.FuncDecl); ok && inData && constructors[fd.Name.Name] {
					return false // the constructors themselves
				}
				if lit, ok := n.(*ast.CompositeLit); ok && isMsgType(lit.Type, alias, inData) {
					// data.Msg{Format: …} written out is a message too.
					for _, e := range lit.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Format" {
								format, ok := eval(kv.Value)
								calls = append(calls, msgCall{pos: fset.Position(lit.Pos()).String(), format: format, constant: ok})
							}
						}
					}
					return true
				}
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				name := ""
				switch fun := call.Fun.(type) {
				case *ast.SelectorExpr:
					if x, ok := fun.X.(*ast.Ident); ok && alias != "" && x.Name == alias {
						name = fun.Sel.Name
					}
				case *ast.Ident:
					if inData {
						name = fun.Name
					}
				}
				if !constructors[name] {
					return true
				}
				format, ok := eval(call.Args[0])
				calls = append(calls, msgCall{pos: fset.Position(call.Pos()).String(), format: format, constant: ok})
				return true
			})
		}
	}
	return calls
}

// isMsgType reports whether t names data.Msg: Msg inside package data, alias.Msg outside.
func isMsgType(t ast.Expr, alias string, inData bool) bool {
	switch t := t.(type) {
	case *ast.Ident:
		return inData && t.Name == "Msg"
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		return ok && alias != "" && x.Name == alias && t.Sel.Name == "Msg"
	}
	return false
}

// verbRE matches a fmt verb, with its explicit argument index if any.
var verbRE = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*(?:\d+|\*)?(?:\.\d+)?([a-zA-Z%])`)

// verbs returns a format's verbs as "argument:verb", sorted; %w counts as %v, as Sprint
// renders it, and %% is not a verb.
func verbs(format string) []string {
	var out []string
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		arg := next
		if m[1] != "" {
			arg, _ = strconv.Atoi(m[1])
		}
		next = arg + 1
		v := m[2]
		if v == "w" {
			v = "v"
		}
		out = append(out, strconv.Itoa(arg)+":"+v)
	}
	slices.Sort(out)
	return out
}

// wordsRE matches Latin words in a row, separated by spaces.
var wordsRE = regexp.MustCompile(`[A-Za-z]+(?: +[A-Za-z]+)+`)

// allowedRE matches what Japanese text may hold in Latin letters: fmt verbs, flags with
// their values (--date-order mdy), commands (apt-get install …), column and key names (exposure_start, date_format),
// names of files, encodings and programs, and units.
var allowedRE = regexp.MustCompile(`apt-get [a-z0-9 -]+|%(?:\[\d+\])?[-+# 0]*(?:\d+)?(?:\.\d+)?[a-zA-Z]|--?[a-z][a-z-]*(?: (?:[A-Z]+|mdy|dmy|[a-z]+\|[a-z|]+|ja|en))?|[A-Za-z]+_[A-Za-z_]+|\b(?:Excel|LibreOffice|Windows|Shift_JIS|UTF-8|UTF-16|CSV|TOML|Chromium|xlsx|xls|MiB|GiB|KiB|KB|MB|GB|NUL|BREACHREPORT_LANG|LC_ALL|LANG|Go|ZIP|zip|TRUE|FALSE)\b`)

// untranslated returns the English left in a Japanese text, or "".
// English is two words or more in a row, one of three letters or more and another of two
// or more: "not a date", "is required".
func untranslated(ja string) string {
	for _, run := range wordsRE.FindAllString(allowedRE.ReplaceAllString(ja, " · "), -1) {
		long, two := 0, 0
		for _, w := range strings.Fields(run) {
			if len(w) >= 3 {
				long++
			}
			if len(w) >= 2 {
				two++
			}
		}
		if long >= 1 && two >= 2 {
			return run
		}
	}
	return ""
}

func TestCatalogueCoversEveryMessage(t *testing.T) {
	calls := moduleCalls(t)
	if len(calls) < 50 {
		t.Fatalf("found only %d calls to data.Msgf and data.Errorf; is the parser looking in the right place?", len(calls))
	}
	used := map[string]bool{}
	for _, c := range calls {
		if !c.constant {
			t.Errorf("%s: the format is not a constant, so the catalogue cannot have it", c.pos)
			continue
		}
		used[c.format] = true
		ja, ok := ja[c.format]
		if !ok {
			t.Errorf("%s: no Japanese for %q", c.pos, c.format)
			continue
		}
		if e, j := verbs(c.format), verbs(ja); !slices.Equal(e, j) {
			t.Errorf("%s: the verbs of %q are %v, of its Japanese %q %v", c.pos, c.format, e, ja, j)
		}
		if w := untranslated(ja); w != "" {
			t.Errorf("%s: the Japanese of %q holds English (%q): %q", c.pos, c.format, w, ja)
		}
	}
	for k := range ja {
		if !used[k] && !strings.HasPrefix(k, "test: ") {
			t.Errorf("catalogue entry %q is not used by any message", k)
		}
	}
}

func TestCatalogueCheckers(t *testing.T) {
	tests := []struct {
		text    string
		english bool
	}{
		{"3行目の公表日は日付として読めません", false},
		{"--date-order mdy または --date-order dmy で読めます", false},
		{"exposure_start が exposure_end より後です", false},
		{"入力が %s（--max-input-size）を超えています", false},
		{"Excel で CSV UTF-8 として保存してください", false},
		{"列 organization is required", true},
		{"日付 not a date", true},
	}
	for _, tt := range tests {
		if got := untranslated(tt.text) != ""; got != tt.english {
			t.Errorf("untranslated(%q) = %v, want %v", tt.text, got, tt.english)
		}
	}
	if got, want := verbs("%[2]s に %[1]d 行 (%[3]v) %v 100%%"), []string{"1:d", "2:s", "3:v", "4:v"}; !slices.Equal(got, want) {
		t.Errorf("verbs = %v, want %v", got, want)
	}
}

func TestEveryKindInJapanese(t *testing.T) {
	for _, k := range data.Kinds() {
		tx := Kind(k)
		if tx.Ja == "" || tx.Ja == string(k) || untranslated(tx.Ja) != "" {
			t.Errorf("kind %s: Japanese %q", k, tx.Ja)
		}
	}
}
