package i18n

import (
	"fmt"
	"strings"

	"breachreport/data"
)

// IssueText renders an issue with its place in language l: in English as data.Issue.String
// does (`line 3, column 公表日 (10), value "x": message`), in Japanese as
// `3行目、列「公表日」（10列目）、値「x」：message`.
func IssueText(l Lang, is data.Issue) string {
	if l != Ja {
		return strings.TrimSuffix(is.String(), is.Message.String()) + Sprint(l, is.Message)
	}
	var parts []string
	switch {
	case is.Line > 0 && is.Sheet != "":
		parts = append(parts, fmt.Sprintf("シート「%s」の%d行目", is.Sheet, is.Line))
	case is.Line > 0:
		parts = append(parts, fmt.Sprintf("%d行目", is.Line))
	}
	if is.Column != "" {
		name := is.Column
		if is.Header != "" {
			name = is.Header
		}
		switch {
		case is.Cell != "":
			parts = append(parts, fmt.Sprintf("列「%s」（セル%s）", name, is.Cell))
		case is.ColumnIndex > 0:
			parts = append(parts, fmt.Sprintf("列「%s」（%d列目）", name, is.ColumnIndex))
		default:
			parts = append(parts, fmt.Sprintf("列「%s」", name))
		}
	}
	if is.Column != "" || is.Value != "" {
		parts = append(parts, "値「"+data.Shown(is.Value)+"」")
	}
	msg := Sprint(l, is.Message)
	if len(parts) == 0 {
		return msg
	}
	return strings.Join(parts, "、") + "：" + msg
}

// Severity returns the name of a severity, "warning" or "rejected" in English.
func Severity(s data.Severity) Text {
	if s == data.Rejected {
		return Text{"rejected", "除外"}
	}
	return Text{"warning", "警告"}
}
