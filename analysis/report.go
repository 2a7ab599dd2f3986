package analysis

import (
	"context"
	"hash/maphash"
	"sort"
	"strings"
	"time"

	"breachreport/data"
	"breachreport/input"
)

// Report is everything the renderers show: the figures of every incident, their aggregates,
// the incidents chosen for side-by-side comparison, and the accounting of the input rows.
// main builds it; charts and reports only read it.
type Report struct {
	// Input names the input file as the user gave it (or input.SampleName); InputSHA256 is
	// the hex SHA-256 of its bytes.
	Input       string
	InputSHA256 string
	// Generated is the generation time shown in the outputs.
	Generated time.Time

	// RowsRead = RowsUsed + RowsRejected. RowsBlank rows were skipped and are not read.
	RowsRead, RowsUsed, RowsRejected, RowsBlank int

	Incidents Incidents
	Summary   Summary
	Compare   []IncidentFigures
	// Issues are the data issues, rejected rows and warnings, sorted by line: every one,
	// but that past the first data.IssueCap of one kind (by line) they are counted in
	// Omitted instead.
	Issues  []data.Issue
	Omitted data.Tally
	// ExtraColumns are the headers of the input's columns outside the schema, as written;
	// each scope's Extra holds its values of them.
	ExtraColumns []string
	// Stopped, when not nil, is the damage where reading stopped (input.Options.KeepGoing):
	// the figures hold only the rows above it.
	Stopped *input.ParseError

	// layout and renamed complete the issues handed to an EachIssue hook (see Complete).
	layout  input.Layout
	renamed map[string]string
}

// Warnings counts the issues that did not reject a row, those omitted included.
func (r Report) Warnings() int {
	n := r.Omitted.Severity(data.Warning)
	for _, is := range r.Issues {
		if is.Severity == data.Warning {
			n++
		}
	}
	return n
}

// IssuesOf counts the issues of kind k, those omitted included.
func (r Report) IssuesOf(k data.Kind) int {
	n := r.Omitted.Kind(k)
	for _, is := range r.Issues {
		if is.Kind == k {
			n++
		}
	}
	return n
}

// Complete fills in an issue handed to input.Options.EachIssue or Builder.EachIssue by the
// stage found, as the report's own issues are: its column as the file has it, and, for the
// reader's issues, the id of the incident its row was grouped into.
func (r Report) Complete(stage int, is *data.Issue) {
	if stage <= data.StageDecode {
		if id, ok := r.renamed[is.IncidentID]; ok {
			is.IncidentID = id
		}
	}
	one := []data.Issue{*is}
	r.layout.Locate(one)
	*is = one[0]
}

// Builder makes a Report from scopes handed to it in input order, a batch at a time (from
// input.Scan), so that the rows need not be held: while each incident's rows come together
// in the input, as they usually do, it holds only the rows of the incident being read and
// the packed figures of those before. When an incident's rows turn out to be apart, it
// unpacks what it has, holds every row from then on and groups them all at the end, as
// data.Group does. The report is the same either way.
type Builder struct {
	inc Incidents
	// run is the rows of the incident being read, and runKey their data.Scope.GroupKey.
	run    []data.Scope
	runKey string
	// byHash finds the incidents packed so far by a hash of their id; collided holds the
	// ids whose hash an earlier, different id has.
	byHash   map[uint64]int32
	collided map[string]bool
	// derived holds the group keys of the incidents packed so far whose id is derived from
	// organization and disclosed date, compared by data.Scope.GroupKey rather than by id.
	derived map[string]bool
	// renamed maps the derived id of a row spelled otherwise than its incident's first row
	// to the incident's id, which the reader's issues on that row take in the report.
	renamed map[string]string
	seed    maphash.Seed
	// hash hashes ids; nil means maphash with seed (tests make every id collide).
	hash func(string) uint64
	// IssueCap is the most issues of one kind the report holds (data.IssueCap when 0), as
	// input.Options.IssueCap. EachIssue, when not nil, is handed every issue of the grouping
	// and the figures as found, with its stage (data.StageGroup or data.StageFigure);
	// RestartIssues, when not nil, is called when those handed so far are void, because the
	// rows are grouped again at the end (they are handed again then).
	IssueCap      int
	EachIssue     func(stage int, is data.Issue)
	RestartIssues func()
	// groupIssues and figIssues are the issues of the incidents packed, in their order.
	groupIssues, figIssues data.IssueLog
	// all holds every row once the incidents' rows are found apart; apart says so.
	all   []data.Scope
	apart bool
	rows  int
}

// Add takes the next rows of the input.
func (b *Builder) Add(scopes []data.Scope) {
	b.rows += len(scopes)
	if b.byHash == nil {
		b.byHash = map[uint64]int32{}
		b.seed = maphash.MakeSeed()
		b.resetIssues()
	}
	for i := range scopes {
		sc := &scopes[i]
		if b.apart {
			b.all = append(b.all, *sc)
			continue
		}
		key := sc.GroupKey()
		switch {
		case len(b.run) > 0 && key == b.runKey:
			b.run = append(b.run, *sc)
		default:
			b.flush()
			if b.seen(sc, key) {
				b.goApart()
				b.all = append(b.all, *sc)
			} else {
				b.run, b.runKey = append(b.run, *sc), key
			}
		}
	}
}

// flush packs the incident of the rows in run.
func (b *Builder) flush() {
	if len(b.run) == 0 {
		return
	}
	if b.runKey != b.run[0].IncidentID {
		for i := range b.run[1:] {
			b.rename(b.run[1+i].IncidentID, b.run[0].IncidentID)
		}
	}
	in, gi := data.GroupRun(b.run)
	f, fi := incidentFigures(in)
	b.groupIssues.AddAll(gi)
	b.figIssues.AddAll(fi)
	n := int32(b.inc.Len())
	b.inc.Append(&f)
	if b.runKey != in.ID {
		if b.derived == nil {
			b.derived = map[string]bool{}
		}
		b.derived[strings.Clone(b.runKey)] = true
		clear(b.run)
		b.run = b.run[:0]
		return
	}
	h := b.hashOf(in.ID)
	if _, ok := b.byHash[h]; ok {
		if b.collided == nil {
			b.collided = map[string]bool{}
		}
		b.collided[strings.Clone(in.ID)] = true
	} else {
		b.byHash[h] = n
	}
	clear(b.run)
	b.run = b.run[:0]
}

// rename records that the rows with the derived id from are in the incident with id to.
func (b *Builder) rename(from, to string) {
	if from == to {
		return
	}
	if b.renamed == nil {
		b.renamed = map[string]string{}
	}
	b.renamed[strings.Clone(from)] = strings.Clone(to)
}

// seen says whether the incident of sc, whose group key is key, was packed before.
func (b *Builder) seen(sc *data.Scope, key string) bool {
	id := sc.IncidentID
	if key != id {
		return b.derived[key]
	}
	i, ok := b.byHash[b.hashOf(id)]
	return ok && b.inc.ID(int(i)) == id || b.collided[id]
}

func (b *Builder) hashOf(id string) uint64 {
	if b.hash != nil {
		return b.hash(id)
	}
	return maphash.String(b.seed, id)
}

// goApart unpacks the rows of every incident packed so far into all, in input order (the
// incidents' rows came together until now), to be grouped at the end.
func (b *Builder) goApart() {
	b.apart = true
	for _, f := range b.inc.All() {
		b.all = append(b.all, f.Incident.Scopes...)
	}
	b.inc, b.byHash, b.collided, b.derived = Incidents{}, nil, nil, nil
	b.resetIssues()
	if b.RestartIssues != nil {
		b.RestartIssues()
	}
}

// resetIssues empties the grouping's and the figures' issue logs.
func (b *Builder) resetIssues() {
	b.groupIssues = data.IssueLog{Cap: b.IssueCap, Each: b.EachIssue, Stage: data.StageGroup}
	b.figIssues = data.IssueLog{Cap: b.IssueCap, Each: b.EachIssue, Stage: data.StageFigure}
}

// Report returns the report of the rows added, with res's accounting and every issue (the
// reader's, the grouping's and the figures') with its column located in the file and
// sorted by line; res is what input.Scan or input.Read returned for them. The caller fills
// in Input, InputSHA256, Generated and Compare. It is called once, after the last Add.
// It checks ctx every few thousand incidents and returns its error once it is cancelled.
func (b *Builder) Report(ctx context.Context, res *input.Result) (Report, error) {
	b.flush()
	if b.apart {
		// The first id of each derived group key, as data.Group takes it.
		first := map[string]string{}
		for i := range b.all {
			sc := &b.all[i]
			if key := sc.GroupKey(); key != sc.IncidentID {
				if id, ok := first[key]; ok {
					b.rename(sc.IncidentID, id)
				} else {
					first[key] = sc.IncidentID
				}
			}
		}
		incidents, gi := data.Group(b.all)
		b.all = nil
		b.groupIssues.AddAll(gi)
		// A slice of incidents at a time, to check ctx between them.
		for len(incidents) > 0 {
			if err := ctx.Err(); err != nil {
				return Report{}, err
			}
			n := min(len(incidents), cancelEvery)
			figs, fi := Analyze(incidents[:n])
			b.figIssues.AddAll(fi)
			for i := range figs {
				b.inc.Append(&figs[i])
			}
			incidents = incidents[n:]
		}
	}
	// The warnings of ids a mapping joins come after the figures' issues, as theirs.
	b.figIssues.AddAll(mergeIssues(b.inc.All(), res.Layout, res.IDColumns))
	issues := make([]data.Issue, 0, len(res.Issues)+len(b.groupIssues.Issues)+len(b.figIssues.Issues))
	issues = append(append(append(issues, res.Issues...), b.groupIssues.Issues...), b.figIssues.Issues...)
	if b.renamed != nil {
		for i := range issues[:len(res.Issues)] {
			if id, ok := b.renamed[issues[i].IncidentID]; ok {
				issues[i].IncidentID = id
			}
		}
	}
	res.Layout.Locate(issues)
	// The order within a line is meaningful (reader, then grouping, then figures).
	sort.SliceStable(issues, func(i, j int) bool { return issues[i].Line < issues[j].Line })
	// Each stage held up to the cap of each kind: the report holds the first by line.
	omitted := data.Tally{}
	omitted.Merge(res.Omitted)
	omitted.Merge(b.groupIssues.Omitted)
	omitted.Merge(b.figIssues.Omitted)
	all := data.IssueLog{Cap: b.IssueCap, Omitted: omitted, Issues: make([]data.Issue, 0, len(issues))}
	all.AddAll(issues)
	issues = all.Issues
	summary := summarize(untilDone(ctx, b.inc.All()))
	if err := ctx.Err(); err != nil {
		return Report{}, err
	}
	return Report{
		RowsRead:     res.RowsRead,
		RowsUsed:     b.rows,
		RowsRejected: res.RowsRejected,
		RowsBlank:    res.RowsBlank,
		Incidents:    b.inc,
		Summary:      summary,
		Issues:       issues,
		Omitted:      all.Omitted,
		ExtraColumns: res.Layout.Extra(),
		layout:       res.Layout,
		renamed:      b.renamed,
	}, nil
}

// cancelEvery is how many incidents apart Builder.Report checks its context: a few
// milliseconds of work; a power of two, so that the check is a mask.
const cancelEvery = 4096

// untilDone yields figs until ctx is cancelled.
func untilDone(ctx context.Context, figs Figures) Figures {
	return func(yield func(int, *IncidentFigures) bool) {
		for i, f := range figs {
			if i&(cancelEvery-1) == 0 && ctx.Err() != nil {
				return
			}
			if !yield(i, f) {
				return
			}
		}
	}
}
