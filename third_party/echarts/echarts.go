// Package echarts embeds the unmodified Apache ECharts runtime (see README.md beside it), so
// that the HTML charts breachreport writes carry it inline and render with no network.
package echarts

import _ "embed"

// MinJS is dist/echarts.min.js of the npm package echarts 5.6.0.
//
//go:embed echarts.min.js
var MinJS string

// Version is the ECharts version of MinJS.
const Version = "5.6.0"
