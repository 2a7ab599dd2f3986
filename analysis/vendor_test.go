package analysis

import (
	"reflect"
	"testing"

	"breachreport/data"
)

func TestVendorGroups(t *testing.T) {
	incidents := []data.Incident{
		{ID: "A", Vendor: "株式会社イセトー"}, {ID: "B"}, {ID: "C", Vendor: "(株)イセトー"}, {ID: "D", Vendor: "Other KK"},
		{ID: "E", Vendor: "イセトー"},
	}
	groups := VendorGroups(incidents)
	want := []VendorGroup{{"株式会社イセトー", []string{"A", "C", "E"}}, {"Other KK", []string{"D"}}}
	if !reflect.DeepEqual(groups, want) {
		t.Errorf("groups %+v, want %+v", groups, want)
	}
	same := SameVendor(groups)
	if want := map[string][]string{"A": {"C", "E"}, "C": {"A", "E"}, "E": {"A", "C"}}; !reflect.DeepEqual(same, want) {
		t.Errorf("same vendor %v, want %v", same, want)
	}
}
