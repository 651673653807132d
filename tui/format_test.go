package tui

import (
	"testing"

	"corridor/model"
)

func TestFormatValue(t *testing.T) {
	tests := []struct {
		name string
		q    model.Quantity
		want string
	}{
		{"approx percent", model.Quantity{Value: 60, Unit: "%", Qualifier: "approximately"}, "~60%"},
		{"percent range", model.Quantity{Low: 6, High: 7, IsRange: true, Unit: "%"}, "6–7%"},
		{"over count", model.Quantity{Value: 1400, Unit: "count", Qualifier: "over"}, ">1,400"},
		{"hkd trillion", model.Quantity{Value: 2e12, Unit: "HKD"}, "HK$2.0 tn"},
		{"usd billion", model.Quantity{Value: 2.6e11, Unit: "USD"}, "$260 bn"},
		{"tonnes per year", model.Quantity{Value: 1e7, Unit: "t", Rate: "per year"}, "10 Mt/yr"},
		{"tonnes decimal", model.Quantity{Value: 5.9e6, Unit: "t"}, "5.9 Mt"},
		{"small tonnes", model.Quantity{Value: 500, Unit: "t"}, "500 t"},
		{"negative percent", model.Quantity{Value: -4, Unit: "%"}, "-4%"},
		{"decimal percent", model.Quantity{Value: 3.25, Unit: "%"}, "3.2%"},
		{"teu", model.Quantity{Value: 12000, Unit: "TEU"}, "12,000 TEU"},
		{"kzt", model.Quantity{Value: 5e9, Unit: "KZT"}, "KZT 5.0 bn"},
		{"km2", model.Quantity{Value: 2724900, Unit: "km2"}, "2.7 m km²"},
		{"money range", model.Quantity{Low: 8e11, High: 1.2e12, IsRange: true, Unit: "HKD"}, "HK$0.8–1.2 tn"},
		{"count range", model.Quantity{Low: 200, High: 300, IsRange: true, Unit: "count", Qualifier: "up to"}, "≤200–300"},
		{"pp", model.Quantity{Value: 1.5, Unit: "pp"}, "1.5 pp"},
		{"trains per month", model.Quantity{Value: 40, Unit: "count", Rate: "per month"}, "40/mo"},
		{"million count", model.Quantity{Value: 2e6, Unit: "count"}, "2.0 m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := model.Indicator{Quantity: tt.q}
			if got := formatValue(&in); got != tt.want {
				t.Errorf("formatValue = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatPeriod(t *testing.T) {
	tests := []struct {
		name string
		p    *model.Period
		want string
	}{
		{"none", nil, ""},
		{"one year", &model.Period{From: 2023, To: 2023}, "2023"},
		{"range", &model.Period{From: 2020, To: 2025}, "2020–2025"},
	}
	for _, tt := range tests {
		if got := formatPeriod(tt.p); got != tt.want {
			t.Errorf("%s: formatPeriod = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestShortTitle(t *testing.T) {
	tests := []struct {
		name, title string
		n           int
		want        string
	}{
		{"fits", "Rail freight", 18, "Rail freight"},
		{"article dropped", "The Anatomy of Sino-Kazakh Trade Relations", 18, "Anatomy of Sino-…"},
		{"word boundary", "Officials vowed on Monday to deepen ties", 18, "Officials vowed…"},
		{"en dash", "China–Kazakhstan relations since 1992", 18, "China–Kazakhstan…"},
		{"one long word", "Intergovernmentalism", 10, "Intergove…"},
		{"lone article kept", "The ", 18, "The"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := shortTitle(tc.title, tc.n); got != tc.want {
				t.Errorf("shortTitle(%q, %d) = %q, want %q", tc.title, tc.n, got, tc.want)
			}
		})
	}
}
