package charts

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"breachreport/i18n"
)

var verbRE = regexp.MustCompile(`%[-+# 0]*[0-9]*[a-zA-Z]`)

// TestLabelsComplete walks the label table: every field is a label with both languages
// filled in, and the same format verbs in the same order in each.
func TestLabelsComplete(t *testing.T) {
	rv := reflect.ValueOf(labels)
	rt := rv.Type()
	textType := reflect.TypeOf(i18n.Text{})
	if rt.NumField() == 0 {
		t.Fatal("label table has no fields")
	}
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		if f.Type != textType {
			t.Errorf("label %s is a %s, want i18n.Text", f.Name, f.Type)
			continue
		}
		x := rv.Field(i).Interface().(i18n.Text)
		if strings.TrimSpace(x.En) == "" {
			t.Errorf("label %s has no English", f.Name)
		}
		if strings.TrimSpace(x.Ja) == "" {
			t.Errorf("label %s has no Japanese", f.Name)
		}
		if en, ja := verbRE.FindAllString(x.En, -1), verbRE.FindAllString(x.Ja, -1); strings.Join(en, " ") != strings.Join(ja, " ") {
			t.Errorf("label %s: English verbs %q, Japanese verbs %q", f.Name, en, ja)
		}
	}
}
