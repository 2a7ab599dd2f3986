package data

import (
	"strings"
)

// Column is one field of the input schema.
type Column struct {
	// Name is the canonical English header, as the sample file writes it.
	Name string
	// Aliases are the other headers accepted for the column, Japanese first.
	Aliases []string
	// Required columns must be present in the header and non-blank in every row.
	Required bool
}

// The canonical column names.
const (
	ColIncidentID    = "incident_id"
	ColOrganization  = "organization"
	ColService       = "service"
	ColIndustry      = "industry"
	ColCause         = "cause"
	ColRecordType    = "record_type"
	ColCertainty     = "certainty"
	ColRecords       = "records"
	ColExposureStart = "exposure_start"
	ColExposureEnd   = "exposure_end"
	ColDetected      = "detected"
	ColContained     = "contained"
	ColDisclosed     = "disclosed"
	ColSourceURL     = "source_url"
	ColNotes         = "notes"

	// The columns of the PPC reporting duty and the JNSA damage estimate (see the README's
	// "Reporting duty" and "Damage estimate").
	ColReportedPreliminary = "reported_preliminary"
	ColReportedFinal       = "reported_final"
	ColDataItems           = "data_items"
	ColVendor              = "vendor"
	ColJNSAEP              = "jnsa_ep"
	ColJNSAIdentifiability = "jnsa_identifiability"
	ColJNSASocial          = "jnsa_social"
	ColJNSAResponse        = "jnsa_response"
)

// Columns returns the input schema in the order the sample file uses. The slice is new on
// every call, so callers may keep or change it.
func Columns() []Column {
	return []Column{
		{Name: ColIncidentID, Aliases: []string{"事案ID", "事案id", "番号", "通番", "管理番号", "id", "No.", "No"}},
		{Name: ColOrganization, Aliases: []string{"企業名", "組織名", "会社名", "organisation", "company"}, Required: true},
		{Name: ColService, Aliases: []string{"サービス名", "サイト名"}},
		{Name: ColIndustry, Aliases: []string{"業種"}},
		{Name: ColCause, Aliases: []string{"原因"}},
		{Name: ColRecordType, Aliases: []string{"漏えい情報", "漏洩情報", "情報種別"}},
		{Name: ColCertainty, Aliases: []string{"確度"}},
		{Name: ColRecords, Aliases: []string{"件数", "漏えい件数", "流出件数"}},
		{Name: ColExposureStart, Aliases: []string{"漏えい開始日", "対象期間開始", "流出開始日"}},
		{Name: ColExposureEnd, Aliases: []string{"漏えい終了日", "対象期間終了", "流出終了日"}},
		{Name: ColDetected, Aliases: []string{"発覚日", "判明日", "認知日"}},
		{Name: ColContained, Aliases: []string{"封じ込め日", "停止日", "対応日"}},
		{Name: ColDisclosed, Aliases: []string{"公表日", "発表日", "開示日"}},
		{Name: ColSourceURL, Aliases: []string{"出典URL", "出典", "source"}},
		{Name: ColNotes, Aliases: []string{"備考"}},
		{Name: ColReportedPreliminary, Aliases: []string{"速報日", "速報", "委員会への速報日", "個人情報保護委員会への速報日"}},
		{Name: ColReportedFinal, Aliases: []string{"確報日", "確報", "委員会への確報日", "個人情報保護委員会への確報日"}},
		{Name: ColDataItems, Aliases: []string{"漏えい項目", "漏えいした項目", "漏洩項目", "項目"}},
		{Name: ColVendor, Aliases: []string{"委託先", "委託先名"}},
		{Name: ColJNSAEP, Aliases: []string{"EP値", "EP"}},
		{Name: ColJNSAIdentifiability, Aliases: []string{"本人特定容易度"}},
		{Name: ColJNSASocial, Aliases: []string{"社会的責任度"}},
		{Name: ColJNSAResponse, Aliases: []string{"事後対応評価"}},
	}
}

var certaintyWords = map[string]Certainty{
	"confirmed": Confirmed, "確定": Confirmed, "確認": Confirmed,
	"suspected": Suspected, "可能性": Suspected, "疑い": Suspected, "恐れ": Suspected, "おそれ": Suspected,
	"possible": Suspected,
}

// recordTypeWords maps normalized record-type values to the well-known record types.
var recordTypeWords = map[string]RecordType{
	"personal": Personal, "個人情報": Personal,
	"card": Card, "クレジットカード情報": Card, "カード情報": Card, "credit card": Card,
	"account": Account, "アカウント情報": Account,
	"other": Other, "その他": Other,
}

// ParseCertainty reads a certainty value. Blank means Confirmed; a value that is neither
// confirmed nor suspected (in English or Japanese) returns CertaintyUnknown and false.
func ParseCertainty(s string) (Certainty, bool) {
	if c, ok := certaintyWords[s]; ok {
		return c, true // the common case, already folded
	}
	v := strings.ToLower(strings.TrimSpace(nfkc(s)))
	if v == "" {
		return Confirmed, true
	}
	c, ok := certaintyWords[v]
	if !ok {
		return CertaintyUnknown, false
	}
	return c, true
}

// ParseRecordType reads a record type: the well-known kinds in English or Japanese become
// their constants, any other text is kept as it is (trimmed), and blank stays blank.
func ParseRecordType(s string) RecordType {
	if rt, ok := recordTypeWords[s]; ok {
		return rt // the common case, already folded
	}
	t := strings.TrimSpace(s)
	if rt, ok := recordTypeWords[strings.ToLower(nfkc(t))]; ok {
		return rt
	}
	return RecordType(t)
}
