package data

// IssueCap is how many issues of one kind a report holds: past it they are counted, not
// held, so that a file with a problem on every row does not take memory in proportion.
const IssueCap = 10_000

// Tally counts issues by kind and severity.
type Tally map[Kind]*[2]int

// Add counts one issue of kind k and severity s.
func (t Tally) Add(k Kind, s Severity) {
	c := t[k]
	if c == nil {
		c = new([2]int)
		t[k] = c
	}
	c[s]++
}

// Of returns how many issues of kind k t counts, and how many of them are s.
func (t Tally) Of(k Kind, s Severity) int {
	if c := t[k]; c != nil {
		return c[s]
	}
	return 0
}

// Kind returns how many issues of kind k t counts, of either severity.
func (t Tally) Kind(k Kind) int {
	if c := t[k]; c != nil {
		return c[Warning] + c[Rejected]
	}
	return 0
}

// Severity returns how many issues of severity s t counts, of any kind.
func (t Tally) Severity(s Severity) int {
	n := 0
	for _, c := range t {
		n += c[s]
	}
	return n
}

// Merge adds u's counts to t.
func (t Tally) Merge(u Tally) {
	for k, c := range u {
		d := t[k]
		if d == nil {
			d = new([2]int)
			t[k] = d
		}
		d[Warning] += c[Warning]
		d[Rejected] += c[Rejected]
	}
}

// IssueLog collects issues as they are found: it holds the first Cap of each kind and counts
// the rest in Omitted. Each, when set, is handed every issue, held or not, as it is added;
// Stage is passed to it, to order the issues of one line as the stages found them.
// The zero IssueLog holds IssueCap of each kind.
type IssueLog struct {
	// Cap is the most issues of one kind held; 0 means IssueCap, a negative Cap none.
	Cap int
	// Issues are the issues held, in the order added.
	Issues []Issue
	// Omitted counts the issues past the cap.
	Omitted Tally
	// Each, when set, receives every issue added, with Stage.
	Each  func(stage int, is Issue)
	Stage int
	held  map[Kind]int
}

// The stages that find issues, in the order the issues of one line are listed.
const (
	StageRead   = iota // the rows' structure and text, as read
	StageDecode        // the fields' values
	StageGroup         // the rows of one incident against each other
	StageFigure        // the incident's figures
)

// Add collects is.
func (l *IssueLog) Add(is Issue) {
	if l.Each != nil {
		l.Each(l.Stage, is)
	}
	limit := l.Cap
	switch {
	case limit == 0:
		limit = IssueCap
	case limit < 0:
		limit = 0
	}
	if l.held == nil {
		l.held = map[Kind]int{}
	}
	if l.held[is.Kind] < limit {
		l.held[is.Kind]++
		l.Issues = append(l.Issues, is)
		return
	}
	if l.Omitted == nil {
		l.Omitted = Tally{}
	}
	l.Omitted.Add(is.Kind, is.Severity)
}

// AddAll collects each of issues.
func (l *IssueLog) AddAll(issues []Issue) {
	for _, is := range issues {
		l.Add(is)
	}
}
