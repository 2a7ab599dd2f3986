package data

import "strings"

// Category is a standard category of cause or industry, as the Japanese surveys count them,
// with the words that put a value as typed into it.
type Category struct {
	// Name is the category's Japanese name, NameEn its English one.
	Name, NameEn string
	// Match are the words (after NFKC and lower-casing) any of which puts a value in the
	// category.
	Match []string
}

// Taxonomy maps causes and industries as typed to standard categories. Categories are
// tried in order and the first that matches wins, so a cause naming both an attack and a
// mistake (設定不備を突いた不正アクセス) goes to the one listed first. A value no category
// matches is unmapped: it is listed, never guessed into one.
type Taxonomy struct {
	Causes, Industries []Category
}

// Cause returns the category of a cause as typed, and false when none matches.
func (t Taxonomy) Cause(s string) (Category, bool) { return match(t.Causes, s) }

// Industry returns the category of an industry as typed, and false when none matches.
func (t Taxonomy) Industry(s string) (Category, bool) { return match(t.Industries, s) }

func match(cats []Category, s string) (Category, bool) {
	k := FoldWord(s)
	if k == "" {
		return Category{}, false
	}
	for _, c := range cats {
		for _, w := range c.Match {
			if strings.Contains(k, w) {
				return c, true
			}
		}
	}
	return Category{}, false
}

// DefaultTaxonomy is the taxonomy breachreport ships (examples/taxonomy.toml holds the same
// table for editing and --taxonomy). The cause categories follow those of 東京商工リサーチ's
// yearly survey of listed companies' breaches (ウイルス感染・不正アクセス, 誤表示・誤送信,
// 紛失・誤廃棄, 盗難, 不正持ち出し・不正取得, その他), with 設定不備 apart; the industries are
// the divisions (大分類) of the Japan Standard Industrial Classification (JSIC).
func DefaultTaxonomy() Taxonomy { return defaultTaxonomy }

var defaultTaxonomy = Taxonomy{
	Causes: []Category{
		{"不正アクセス・マルウェア感染", "Unauthorized access, malware", []string{"不正アクセス", "不正ログイン", "ウイルス", "ウィルス", "マルウェア", "マルウエア",
			"ランサム", "不正プログラム", "改ざん", "改竄", "サイバー攻撃", "攻撃", "スキミング", "sqlインジェクション", "脆弱性", "emotet", "フィッシング", "リスト型",
			"unauthorized access", "hacking", "malware", "ransomware", "phishing", "skimming"}},
		{"内部不正・不正持ち出し", "Insider misuse, taking data out", []string{"持ち出し", "持出", "内部不正", "不正取得", "不正に取得", "横領", "insider"}},
		{"盗難", "Theft", []string{"盗難", "盗まれ", "窃盗", "車上荒らし", "空き巣", "theft", "stolen"}},
		{"紛失・誤廃棄", "Loss, wrong disposal", []string{"紛失", "誤廃棄", "置き忘れ", "所在不明", "廃棄", "lost", "loss"}},
		{"設定不備", "Misconfiguration", []string{"設定ミス", "設定不備", "誤設定", "閲覧可能", "公開状態", "アクセス制限", "misconfigur"}},
		{"誤送信・誤表示・誤交付", "Misdelivery, wrong display", []string{"誤送", "誤表示", "誤交付", "誤配", "誤掲載", "誤登録", "誤入力", "誤った", "誤って",
			"宛先", "bcc", "添付", "誤封入", "misdeliver", "misdirect", "wrong recipient"}},
		{"その他", "Other", []string{"不適切な", "その他", "other"}},
	},
	Industries: []Category{
		{"A 農業，林業", "A Agriculture and forestry", []string{"農業", "林業", "農協"}},
		{"B 漁業", "B Fisheries", []string{"漁業", "水産"}},
		{"C 鉱業，採石業，砂利採取業", "C Mining and quarrying", []string{"鉱業", "採石"}},
		{"D 建設業", "D Construction", []string{"建設", "工務店", "土木", "construction"}},
		{"E 製造業", "E Manufacturing", []string{"製造", "メーカー", "manufactur"}},
		{"F 電気・ガス・熱供給・水道業", "F Electricity, gas, heat supply and water", []string{"電気", "ガス", "電力", "水道", "utilit"}},
		{"G 情報通信業", "G Information and communications", []string{"情報通信", "情報処理", "電気通信", "通信業", "ソフトウェア", "ソフトウエア", "放送", "出版", "インターネット", "software", "telecom"}},
		{"H 運輸業，郵便業", "H Transport and postal activities", []string{"運輸", "物流", "運送", "配送", "鉄道", "航空", "郵便", "transport", "logistics"}},
		{"I 卸売業，小売業", "I Wholesale and retail trade", []string{"小売", "卸売", "通販", "通信販売", "販売", "retail", "wholesale"}},
		{"J 金融業，保険業", "J Finance and insurance", []string{"金融", "銀行", "保険", "証券", "信用金庫", "信用組合", "クレジット", "finance", "bank", "insurance"}},
		{"K 不動産業，物品賃貸業", "K Real estate and goods rental", []string{"不動産", "賃貸", "リース", "real estate"}},
		{"L 学術研究，専門・技術サービス業", "L Scientific research, professional and technical services", []string{"専門サービス", "研究", "法律事務所", "会計事務所", "コンサル", "広告", "professional"}},
		{"M 宿泊業，飲食サービス業", "M Accommodations, eating and drinking services", []string{"宿泊", "ホテル", "旅館", "飲食", "レストラン", "hotel", "restaurant"}},
		{"N 生活関連サービス業，娯楽業", "N Living-related and personal services, amusement", []string{"生活関連", "娯楽", "旅行", "美容", "理容", "冠婚葬祭", "フィットネス", "travel"}},
		{"O 教育，学習支援業", "O Education, learning support", []string{"教育", "学校", "大学", "塾", "学習", "education", "university", "school"}},
		{"P 医療，福祉", "P Medical, health care and welfare", []string{"医療", "病院", "診療所", "クリニック", "福祉", "介護", "薬局", "health", "medical", "hospital"}},
		{"Q 複合サービス事業", "Q Compound services", []string{"郵便局", "協同組合"}},
		{"R サービス業（他に分類されないもの）", "R Services, n.e.c.", []string{"人材", "派遣", "警備", "ビルメンテナンス", "サービス業", "services"}},
		{"S 公務（他に分類されるものを除く）", "S Government, except elsewhere classified", []string{"公務", "官公庁", "自治体", "地方公共団体", "行政機関", "省庁", "government", "public sector"}},
	},
}

// FoldWord returns a match word as Taxonomy compares it: trimmed, NFKC, lower-case.
func FoldWord(s string) string { return strings.ToLower(nfkc(strings.TrimSpace(s))) }
