package analysis

import (
	"sort"

	"breachreport/data"
)

// VendorGroup is the incidents that name one vendor (委託先): one breach at a contractor,
// announced by each of its clients, is one root.
type VendorGroup struct {
	// Vendor is the name as the first incident spells it; names are compared as
	// organisations are (data.OrgKey), so 株式会社E and (株)E are one vendor.
	Vendor string
	// Incidents are the ids of the incidents naming it, in input order.
	Incidents []string
}

// VendorGroups groups the incidents that name a vendor by that vendor, the vendors with the
// most incidents first (then by name). Incidents without a vendor are in no group.
func VendorGroups(incidents []data.Incident) []VendorGroup {
	var groups []VendorGroup
	at := map[string]int{}
	for _, in := range incidents {
		if in.Vendor == "" {
			continue
		}
		k := data.OrgKey(in.Vendor)
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, VendorGroup{Vendor: in.Vendor})
		}
		groups[i].Incidents = append(groups[i].Incidents, in.ID)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if len(groups[i].Incidents) != len(groups[j].Incidents) {
			return len(groups[i].Incidents) > len(groups[j].Incidents)
		}
		return groups[i].Vendor < groups[j].Vendor
	})
	return groups
}

// SameVendor returns, for each incident id naming a vendor that other incidents name too,
// the ids of those others, in input order.
func SameVendor(groups []VendorGroup) map[string][]string {
	out := map[string][]string{}
	for _, g := range groups {
		if len(g.Incidents) < 2 {
			continue
		}
		for _, id := range g.Incidents {
			for _, other := range g.Incidents {
				if other != id {
					out[id] = append(out[id], other)
				}
			}
		}
	}
	return out
}
