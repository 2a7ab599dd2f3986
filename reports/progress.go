package reports

// progressEvery is how many rows apart Options.Progress is called within a sheet's part; a
// power of two, so that the check is a mask.
const progressEvery = 4096

// report calls Options.Progress, if set, with the rows of d written so far.
func (bk *bookState) report(d *sheetDef, done int) {
	if bk.progress != nil {
		bk.callProgress(d.key.in(bk.lang), done, d.lo.rows)
	}
}

// callProgress calls Options.Progress, one call at a time.
func (bk *bookState) callProgress(sheet string, done, total int) {
	bk.progressMu.Lock()
	defer bk.progressMu.Unlock()
	bk.progress(sheet, done, total)
}

// progress calls Options.Progress, if set, every progressEvery rows written on a part.
func (w *sheetWriter) progress() {
	if w.bk.progress == nil || w.row&(progressEvery-1) != 0 {
		return
	}
	w.bk.callProgress(w.parts[0], w.written(), w.lo.rows)
}

// written is how many of the sheet's rows, as the measuring pass counted them, are written:
// the rows of the parts before this one, less the headers they repeat, and this part's.
func (w *sheetWriter) written() int {
	if w.part == 0 {
		return w.row
	}
	head := w.lo.head
	return w.maxRows + (w.part-1)*(w.maxRows-head) + max(w.row-head, 0)
}
