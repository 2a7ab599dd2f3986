package i18n

// The Japanese of the messages about the bytes and characters of the input: control
// characters removed from cells, Windows-1252's undefined bytes, and bytes that do not
// decode in a column the report does not use.
var _ = register(map[string]string{
	"text holds control characters (U+0000–U+001F but tab and line breaks, U+007F–U+009F), which a workbook cell cannot hold and a screen does not show; they are removed":                                              "ブックのセルに入れられず画面にも表示されない制御文字（タブと改行を除く U+0000〜U+001F、U+007F〜U+009F）が含まれていたため、取り除きました",
	"text holds control characters (U+0000–U+001F but tab and line breaks, U+007F–U+009F), which a workbook cell cannot hold and a screen does not show; they are removed (in the header)":                              "ブックのセルに入れられず画面にも表示されない制御文字（タブと改行を除く U+0000〜U+001F、U+007F〜U+009F）が見出しに含まれていたため、取り除きました",
	"text holds bytes that Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D), read as the control characters U+0081, U+008D, U+008F, U+0090 and U+009D as Excel reads them; they are removed":                 "Windows-1252 で未定義のバイト（0x81、0x8D、0x8F、0x90、0x9D）が含まれていました。Excel と同じく制御文字 U+0081、U+008D、U+008F、U+0090、U+009D として読み、取り除きました",
	"text holds bytes that Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D), read as the control characters U+0081, U+008D, U+008F, U+0090 and U+009D as Excel reads them; they are removed (in the header)": "Windows-1252 で未定義のバイト（0x81、0x8D、0x8F、0x90、0x9D）が見出しに含まれていました。Excel と同じく制御文字 U+0081、U+008D、U+008F、U+0090、U+009D として読み、取り除きました",
	"text is not valid UTF-8, in a column the report does not use: the row is kept, with the bytes that are not UTF-8 written as escapes (\\xNN)":                                                                       "レポートで使わない列の文字列が UTF-8 として正しくありません。行はそのまま使い、UTF-8 でないバイトはエスケープ（\\xNN）で書きます",
	"text is not valid %s, the encoding the file is read in, in a column the report does not use: the row is kept, with the bytes that could not be decoded written as escapes (\\xNN)":                                 "レポートで使わない列の文字列が、ファイルを読んだ文字コード %s として正しくありません。行はそのまま使い、読めなかったバイトはエスケープ（\\xNN）で書きます",
})
