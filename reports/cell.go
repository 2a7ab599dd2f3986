package reports

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/width"

	"breachreport/analysis"
	"breachreport/data"
)

// kind is how a cell is written and formatted.
type kind int

const (
	kEmpty     kind = iota // an unknown figure: no cell at all
	kText                  // a string, never a formula
	kCount                 // a number of records, #,##0
	kInt                   // a plain whole number (lines, positions, n), #,##0
	kDays                  // a number of days, #,##0 "days" / #,##0"日"
	kFloat                 // a statistic of days, #,##0.0 "days"
	kDate                  // a calendar date
	kDateTime              // a time of day (the generation time)
	kLink                  // a URL shown as text and linked
	kSheetLink             // a link to a place in the workbook: s is shown, target is where it goes
	kPercent               // a relative change, +0.0%
	kShare                 // a share, 0.0%
	kDiff                  // a signed difference of counts, +#,##0
	kDiffDays              // a signed difference of days, +#,##0.0 "days"
	kYen                   // an amount of yen, #,##0"円" / "¥"#,##0, with sign as a count's
)

// cell is one value to write. The zero cell is empty.
type cell struct {
	kind kind
	s    string
	n    int64
	f    float64
	t    time.Time
	// target is where a kSheetLink goes, such as 'Incidents'!A1, or the URL of a kLink
	// shown as s ("" when s is the URL).
	target string
	prec   data.Precision
	// sign is a count's data.Count.Prefix (≈, ≥ or ≤), shown before the number.
	sign  string
	bold  bool
	ind   bool // indent the text one level
	spill bool // let the text run into the empty cells to its right: no wrap, no widening
	head  bool // a header: it wraps, so it needs only about half its width
	span  int  // a paragraph: the text wraps across span merged columns
	title bool // the title of a sheet, large and bold
	// whole keeps a short text on one line, as a number is (a month's name): its column
	// is never narrowed below it.
	whole bool
	// small marks a statistic resting on fewer than analysis.MinSample incidents: grey
	// and italic.
	small bool
}

func text(s string) cell {
	if s == "" {
		return cell{}
	}
	return cell{kind: kText, s: s}
}

func bold(s string) cell { c := text(s); c.bold = true; return c }

// unbroken is a short text that does not wrap, such as a month's name ("September 2023").
func unbroken(s string) cell { c := text(s); c.whole = true; return c }

// heading is a bold text alone on its row, above a block: it runs on to the right rather
// than wrap in its narrow column.
func heading(s string) cell { c := spill(s); c.bold = true; return c }

func indented(s string) cell { c := text(s); c.ind = true; return c }

func spill(s string) cell { c := text(s); c.spill = true; return c }

// across is a text wrapped across n merged columns from its own: a paragraph that starts
// beside a label.
func across(s string, n int) cell { c := text(s); c.span = n; return c }

func title(s string) cell { c := spill(s); c.title = true; return c }

func count(c data.Count) cell {
	if !c.Known {
		return cell{}
	}
	return cell{kind: kCount, n: c.N, sign: c.Prefix()}
}

func countN(n int) cell { return cell{kind: kCount, n: int64(n)} }

// yen is an amount in yen, approximate or a bound as its Count is.
func yen(c data.Count) cell {
	if !c.Known {
		return cell{}
	}
	return cell{kind: kYen, n: c.N, sign: c.Prefix()}
}

func days(d analysis.Days) cell {
	if !d.Known {
		return cell{}
	}
	return cell{kind: kDays, n: int64(d.N)}
}

// dayN is a known number of days.
func dayN(n int) cell { return cell{kind: kDays, n: int64(n)} }

// sheetLink is a link to cell A1 of sheet, shown as the sheet's name.
func sheetLink(sheet string) cell {
	return cell{kind: kSheetLink, s: sheet, target: quoteSheet(sheet) + "!A1"}
}

// intPos is a whole number that is unknown when not positive (lines, column positions).
func intPos(n int) cell {
	if n <= 0 {
		return cell{}
	}
	return cell{kind: kInt, n: int64(n)}
}

func intN(n int) cell { return cell{kind: kInt, n: int64(n)} }

// percent is a relative change (0.25 is +25.0%), empty when not ok.
func percent(v float64, ok bool) cell {
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		return cell{}
	}
	return cell{kind: kPercent, f: v}
}

// share is a share of a whole (0.25 is 25.0%).
func share(v float64) cell { return cell{kind: kShare, f: v} }

// diff is a signed difference of counts or records: +1,300, -80, 0.
func diff(v float64) cell { return cell{kind: kDiff, f: v} }

// diffDays is a signed difference of day figures: +59.5 days.
func diffDays(v float64) cell { return cell{kind: kDiffDays, f: v} }

// smallIf marks c as resting on a small sample when small is true.
func smallIf(c cell, small bool) cell {
	c.small = small && c.kind != kEmpty
	return c
}

func float(v float64, ok bool) cell {
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		return cell{}
	}
	return cell{kind: kFloat, f: v}
}

// median is a median of days: whole, it is shown as days are (12日); else with its one
// decimal (11.5日). A number format cannot drop a ".0" by itself.
func median(v float64) cell {
	if v == math.Trunc(v) && !math.IsInf(v, 0) {
		return dayN(int(v))
	}
	return float(v, true)
}

// excelSerialOf1970 is the Excel serial number of 1970-01-01 (in the 1900 date system).
const excelSerialOf1970 = 25569

func date(d data.Date) cell {
	if !d.Known() {
		return cell{}
	}
	// The date goes in as Excel's serial number (days since 1899-12-30; every date read
	// is after 1970): what excelize would make of d.Time(), without the conversion.
	return cell{kind: kDate, f: float64(d.Time().Unix()/86400 + excelSerialOf1970), prec: d.Precision()}
}

func dateTime(t time.Time) cell {
	if t.IsZero() {
		return cell{}
	}
	return cell{kind: kDateTime, t: t}
}

// quoteSheet quotes a sheet name for a reference: 'Data issues', with ' doubled.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// link is a source URL: a hyperlink when it is an absolute http(s) URL Excel accepts,
// plain text otherwise (so that no other scheme becomes clickable).
func link(u string) cell {
	if u == "" {
		return cell{}
	}
	// Whether it can be a link is checked when it is written, and only while the sheet
	// takes links (see maxSheetLinks): parsing every URL of a large sheet is costly.
	return cell{kind: kLink, s: u}
}

// maxSheetLinks is how many hyperlinks a sheet gets; further URLs are written as plain
// text. Excel allows 65,530, but excelize adds each link in time proportional to the links
// before it, so that many would take minutes to write.
const maxSheetLinks = 2000

// maxLinkLen is the longest URL Excel opens as a hyperlink.
const maxLinkLen = 2079

func linkable(u string) bool {
	if len(u) > maxLinkLen || strings.ContainsAny(u, " \t\r\n\"<>") {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// wrappedLines estimates how many lines text takes when wrapped in a cell across columns
// of the given total width.
func wrappedLines(text string, across float64) float64 {
	avail := math.Max(across-1.5, 1)
	n := 0.0
	for _, line := range strings.Split(text, "\n") {
		// Wrapping breaks Latin text only at spaces, so its lines hold somewhat less than
		// the full width; East Asian text breaks between any two characters.
		wide := textWidth(line)
		narrow := float64(utf8.RuneCountInString(line))*2 - wide // runes counted once
		n += math.Max(1, math.Ceil(((wide-narrow)+narrow*1.1)/avail))
	}
	return n
}

// headerWidth is the width a header needs: all of a short one; of a longer one, which
// wraps, half its text, and at least its longest word (words with East Asian characters
// break anywhere).
func headerWidth(s string) float64 {
	// A short header stays on one line.
	if w := textWidth(s); w <= 12 {
		return w
	}
	return max(longestWord(s), math.Ceil(textWidth(s)/2))
}

// longestWord is the width of the longest word of s without East Asian characters (which
// break anywhere): the narrowest s wraps to.
func longestWord(s string) float64 {
	longest := 0.0
	for _, word := range strings.Fields(s) {
		if w := textWidth(word); w == float64(len([]rune(word))) {
			longest = max(longest, w)
		}
	}
	return longest
}

// textWidth estimates the displayed width of s in characters of the default font: East
// Asian wide and full-width characters count double. For text on several lines it is the
// widest line.
func textWidth(s string) float64 {
	// Most text is ASCII on one line: a character each.
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf && s[i] != '\n'
	}
	if ascii {
		return float64(len(s))
	}
	widest, cur := 0, 0
	for _, r := range s {
		if r == '\n' {
			widest, cur = max(widest, cur), 0
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			cur += 2
		default:
			cur++
		}
	}
	return float64(max(widest, cur))
}

// groupDigits formats n with thousands separators, as #,##0 shows it.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// maxCellChars is the longest text an Excel cell holds, in UTF-16 code units; excelize
// silently cuts longer text.
const maxCellChars = 32767

// utf16Len is the length of s in UTF-16 code units, the unit of Excel's cell limit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cutText shortens s so that s plus marker fits in max UTF-16 code units, never splitting
// a character, and appends marker.
func cutText(s, marker string, max int) string {
	keep := max - utf16Len(marker)
	n := 0
	for i, r := range s {
		if n+utf16.RuneLen(r) > keep {
			return s[:i] + marker
		}
		n += utf16.RuneLen(r)
	}
	return s + marker
}
