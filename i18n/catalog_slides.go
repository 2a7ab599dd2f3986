package i18n

// The messages of the deck (--pptx).
var _ = register(map[string]string{
	"the timeline is a picture, made by --images png (which needs Chromium); this run wrote no PNG": "タイムラインは --images png で作る画像です（Chromium が必要）。この実行では PNG を書いていません",
	"the timeline chart has no picture: no incident has a date to plot":                             "タイムラインの画像がありません：描ける日付のある事案がありません",
	"the deck leaves out the timeline slide: %s":                                                    "スライドからタイムラインを省きました：%s",
})
