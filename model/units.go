package model

import "strings"

// The lexicon of the quantity scanner, kept as data so that adding a unit,
// a currency or a qualifier is a one-line change. Every key is lower case,
// without dots, with single spaces between words: the scanner folds the
// words it reads the same way (see foldWords in quantity.go) before looking
// them up, so "U.S. Dlrs", "u.s. dlrs" and "US dlrs" all find "us dlrs".

// unitKind tells what a word after a number does to the figure.
type unitKind uint8

const (
	lexNone     unitKind = iota // not a unit
	lexScale                    // multiplies the number: "million", "bln"
	lexCurrency                 // money; unit is an ISO 4217 code
	lexPercent                  // "%", "pct", "per cent"
	lexPP                       // percentage points
	lexPoints                   // bare "points": pp in a change context, else a plain word
	lexMeasure                  // a physical or trade measure: "t", "km2", "TEU", "bpd", "kg"
	lexDuration                 // a span of time: "years", "days"
	lexCount                    // a noun that is counted: "containers", "trains"
	lexNotQty                   // marks the number as something else: "10 am", "5 GMT"
)

// unitDef is one lexicon entry.
type unitDef struct {
	unit string   // the normalised unit ("t", "USD", "%"); for lexCount, the counted noun
	kind unitKind // what the entry is
	mult float64  // factor applied to the number; 0 means 1
}

// factor returns the multiplier of the entry, 1 when none is set.
func (u unitDef) factor() float64 {
	if u.mult == 0 {
		return 1
	}
	return u.mult
}

// maxUnitWords is the longest phrase in unitWords, in words.
const maxUnitWords = 3

// unitWords maps the phrases that may follow a number to what they mean.
// Scale words and units share the table because both follow the number
// ("1.5 bln dlrs", "10 million ton"); the scanner reads the longest phrase.
var unitWords = map[string]unitDef{
	// Scale words.
	"thousand": {kind: lexScale, mult: 1e3},
	"million":  {kind: lexScale, mult: 1e6},
	"millions": {kind: lexNone}, // "millions of": vague, not a figure
	"mln":      {kind: lexScale, mult: 1e6},
	"mn":       {kind: lexScale, mult: 1e6},
	"billion":  {kind: lexScale, mult: 1e9},
	"bln":      {kind: lexScale, mult: 1e9},
	"bn":       {kind: lexScale, mult: 1e9},
	"trillion": {kind: lexScale, mult: 1e12},
	"trln":     {kind: lexScale, mult: 1e12},
	"tln":      {kind: lexScale, mult: 1e12},

	// Percentages and points.
	"%":                  {unit: "%", kind: lexPercent},
	"per cent":           {unit: "%", kind: lexPercent},
	"per-cent":           {unit: "%", kind: lexPercent},
	"percent":            {unit: "%", kind: lexPercent},
	"pct":                {unit: "%", kind: lexPercent},
	"percentage point":   {unit: "pp", kind: lexPP},
	"percentage points":  {unit: "pp", kind: lexPP},
	"pct point":          {unit: "pp", kind: lexPP},
	"pct points":         {unit: "pp", kind: lexPP},
	"per cent point":     {unit: "pp", kind: lexPP},
	"per cent points":    {unit: "pp", kind: lexPP},
	"percent point":      {unit: "pp", kind: lexPP},
	"percent points":     {unit: "pp", kind: lexPP},
	"pp":                 {unit: "pp", kind: lexPP},
	"ppt":                {unit: "pp", kind: lexPP},
	"ppts":               {unit: "pp", kind: lexPP},
	"p.p.":               {unit: "pp", kind: lexPP},
	"point":              {unit: "points", kind: lexPoints},
	"points":             {unit: "points", kind: lexPoints},
	"basis point":        {unit: "bp", kind: lexMeasure},
	"basis points":       {unit: "bp", kind: lexMeasure},
	"bps":                {unit: "bp", kind: lexMeasure},
	"bp":                 {unit: "bp", kind: lexMeasure},
	"percentage":         {kind: lexNone},
	"us dollars":         {unit: "USD", kind: lexCurrency},
	"us dlrs":            {unit: "USD", kind: lexCurrency},
	"dollars":            {unit: "USD", kind: lexCurrency},
	"dollar":             {unit: "USD", kind: lexCurrency},
	"dlrs":               {unit: "USD", kind: lexCurrency},
	"dlr":                {unit: "USD", kind: lexCurrency},
	"hong kong dollars":  {unit: "HKD", kind: lexCurrency},
	"hk dollars":         {unit: "HKD", kind: lexCurrency},
	"hong kong dlrs":     {unit: "HKD", kind: lexCurrency},
	"canadian dollars":   {unit: "CAD", kind: lexCurrency},
	"canadian dlrs":      {unit: "CAD", kind: lexCurrency},
	"canadian dlr":       {unit: "CAD", kind: lexCurrency},
	"australian dlr":     {unit: "AUD", kind: lexCurrency},
	"us dlr":             {unit: "USD", kind: lexCurrency},
	"hong kong dlr":      {unit: "HKD", kind: lexCurrency},
	"australian dollars": {unit: "AUD", kind: lexCurrency},
	"australian dlrs":    {unit: "AUD", kind: lexCurrency},
	"new zealand dlrs":   {unit: "NZD", kind: lexCurrency},
	"singapore dollars":  {unit: "SGD", kind: lexCurrency},
	"singapore dlrs":     {unit: "SGD", kind: lexCurrency},
	"taiwan dollars":     {unit: "TWD", kind: lexCurrency},
	"taiwan dlrs":        {unit: "TWD", kind: lexCurrency},
	"yuan":               {unit: "CNY", kind: lexCurrency},
	"renminbi":           {unit: "CNY", kind: lexCurrency},
	"rmb":                {unit: "CNY", kind: lexCurrency},
	"tenge":              {unit: "KZT", kind: lexCurrency},
	"som":                {unit: "UZS", kind: lexCurrency}, // or KGS: see kyrgyzSom
	"sum":                {unit: "UZS", kind: lexCurrency},
	"soum":               {unit: "UZS", kind: lexCurrency},
	"soums":              {unit: "UZS", kind: lexCurrency},
	"soms":               {unit: "UZS", kind: lexCurrency}, // or KGS: see kyrgyzSom
	"uzbek som":          {unit: "UZS", kind: lexCurrency},
	"kyrgyz som":         {unit: "KGS", kind: lexCurrency},
	"somoni":             {unit: "TJS", kind: lexCurrency},
	"manat":              {unit: "TMT", kind: lexCurrency},
	"euro":               {unit: "EUR", kind: lexCurrency},
	"euros":              {unit: "EUR", kind: lexCurrency},
	"sterling":           {unit: "GBP", kind: lexCurrency},
	"stg":                {unit: "GBP", kind: lexCurrency},
	"pounds sterling":    {unit: "GBP", kind: lexCurrency},
	"yen":                {unit: "JPY", kind: lexCurrency},
	"rouble":             {unit: "RUB", kind: lexCurrency},
	"roubles":            {unit: "RUB", kind: lexCurrency},
	"ruble":              {unit: "RUB", kind: lexCurrency},
	"rubles":             {unit: "RUB", kind: lexCurrency},
	"rupees":             {unit: "INR", kind: lexCurrency},
	"swiss francs":       {unit: "CHF", kind: lexCurrency},
	"french francs":      {unit: "FRF", kind: lexCurrency},
	"marks":              {unit: "DEM", kind: lexCurrency},
	"deutsche marks":     {unit: "DEM", kind: lexCurrency},
	"guilders":           {unit: "NLG", kind: lexCurrency},
	"lire":               {unit: "ITL", kind: lexCurrency},
	"ecu":                {unit: "ECU", kind: lexCurrency},
	"ecus":               {unit: "ECU", kind: lexCurrency},
	"cruzados":           {unit: "BRC", kind: lexCurrency},
	"cruzado":            {unit: "BRC", kind: lexCurrency},
	"francs":             {unit: "francs", kind: lexMeasure}, // which franc is for the reader to tell
	"franc":              {unit: "francs", kind: lexMeasure},
	"pesos":              {unit: "pesos", kind: lexMeasure},
	"peso":               {unit: "pesos", kind: lexMeasure},
	"ringgit":            {unit: "MYR", kind: lexCurrency},
	"baht":               {unit: "THB", kind: lexCurrency},
	"rupiah":             {unit: "IDR", kind: lexCurrency},
	"crowns":             {unit: "crowns", kind: lexMeasure},
	"kroner":             {unit: "kroner", kind: lexMeasure},
	"rand":               {unit: "ZAR", kind: lexCurrency},
	"won":                {unit: "KRW", kind: lexCurrency},
	"pesetas":            {unit: "ESP", kind: lexCurrency},
	"peseta":             {unit: "ESP", kind: lexCurrency},
	"schillings":         {unit: "ATS", kind: lexCurrency},
	"escudos":            {unit: "PTE", kind: lexCurrency},
	"drachmas":           {unit: "GRD", kind: lexCurrency},
	"markka":             {unit: "FIM", kind: lexCurrency},
	"markkaa":            {unit: "FIM", kind: lexCurrency},
	"zlotys":             {unit: "PLN", kind: lexCurrency},
	"zloty":              {unit: "PLN", kind: lexCurrency},
	"forints":            {unit: "HUF", kind: lexCurrency},
	"forint":             {unit: "HUF", kind: lexCurrency},
	"naira":              {unit: "NGN", kind: lexCurrency},
	"australs":           {unit: "ARA", kind: lexCurrency},
	"saudi riyals":       {unit: "SAR", kind: lexCurrency},
	"belgian francs":     {unit: "BEF", kind: lexCurrency},
	"danish crowns":      {unit: "DKK", kind: lexCurrency},
	"norwegian crowns":   {unit: "NOK", kind: lexCurrency},
	"swedish crowns":     {unit: "SEK", kind: lexCurrency},
	"kronor":             {unit: "SEK", kind: lexCurrency},
	// Currencies several countries share a name for: a plain word, as
	// "francs" and "crowns" above, but money all the same (unitClassOf).
	"dinars":    {unit: "dinars", kind: lexMeasure},
	"riyals":    {unit: "riyals", kind: lexMeasure},
	"dirhams":   {unit: "dirhams", kind: lexMeasure},
	"shillings": {unit: "shillings", kind: lexMeasure},
	"kwacha":    {unit: "kwacha", kind: lexMeasure},

	// Freight and trade measures.
	"tonnes":                       {unit: "t", kind: lexMeasure},
	"tonne":                        {unit: "t", kind: lexMeasure},
	"tons":                         {unit: "t", kind: lexMeasure},
	"ton":                          {unit: "t", kind: lexMeasure},
	"t":                            {unit: "t", kind: lexMeasure},
	"mt":                           {unit: "t", kind: lexMeasure}, // metric tons; "Mt" is handled apart
	"metric tons":                  {unit: "t", kind: lexMeasure},
	"metric tonnes":                {unit: "t", kind: lexMeasure},
	"metric ton":                   {unit: "t", kind: lexMeasure},
	"kt":                           {unit: "t", kind: lexMeasure, mult: 1e3},
	"short tons":                   {unit: "short tons", kind: lexMeasure},
	"long tons":                    {unit: "long tons", kind: lexMeasure},
	"dwt":                          {unit: "dwt", kind: lexMeasure},
	"teu":                          {unit: "TEU", kind: lexMeasure},
	"teus":                         {unit: "TEU", kind: lexMeasure},
	"twenty-foot equivalent units": {unit: "TEU", kind: lexMeasure},
	"twenty-foot equivalent":       {unit: "TEU", kind: lexMeasure},
	"feu":                          {unit: "FEU", kind: lexMeasure},
	"barrels":                      {unit: "bbl", kind: lexMeasure},
	"barrel":                       {unit: "bbl", kind: lexMeasure},
	"bbl":                          {unit: "bbl", kind: lexMeasure},
	"bbls":                         {unit: "bbl", kind: lexMeasure},
	"bpd":                          {unit: "bpd", kind: lexMeasure},
	"b/d":                          {unit: "bpd", kind: lexMeasure},
	"bbl/d":                        {unit: "bpd", kind: lexMeasure},
	"barrels per day":              {unit: "bpd", kind: lexMeasure},
	"barrels a day":                {unit: "bpd", kind: lexMeasure},
	"barrels daily":                {unit: "bpd", kind: lexMeasure},
	"km":                           {unit: "km", kind: lexMeasure},
	"kms":                          {unit: "km", kind: lexMeasure},
	"kilometres":                   {unit: "km", kind: lexMeasure},
	"kilometers":                   {unit: "km", kind: lexMeasure},
	"kilometre":                    {unit: "km", kind: lexMeasure},
	"kilometer":                    {unit: "km", kind: lexMeasure},
	"km2":                          {unit: "km2", kind: lexMeasure},
	"km²":                          {unit: "km2", kind: lexMeasure},
	"sq km":                        {unit: "km2", kind: lexMeasure},
	"square km":                    {unit: "km2", kind: lexMeasure},
	"square kilometres":            {unit: "km2", kind: lexMeasure},
	"square kilometers":            {unit: "km2", kind: lexMeasure},
	"square kilometre":             {unit: "km2", kind: lexMeasure},
	"square kilometer":             {unit: "km2", kind: lexMeasure},
	"square miles":                 {unit: "mi2", kind: lexMeasure},
	"square mile":                  {unit: "mi2", kind: lexMeasure},
	"sq miles":                     {unit: "mi2", kind: lexMeasure},
	"sq mi":                        {unit: "mi2", kind: lexMeasure},
	"square metres":                {unit: "m2", kind: lexMeasure},
	"square meters":                {unit: "m2", kind: lexMeasure},
	"sq m":                         {unit: "m2", kind: lexMeasure},
	"m2":                           {unit: "m2", kind: lexMeasure},
	"m²":                           {unit: "m2", kind: lexMeasure},
	"square feet":                  {unit: "ft2", kind: lexMeasure},
	"sq ft":                        {unit: "ft2", kind: lexMeasure},
	"miles":                        {unit: "miles", kind: lexMeasure},
	"mile":                         {unit: "miles", kind: lexMeasure},
	"metres":                       {unit: "m", kind: lexMeasure},
	"meters":                       {unit: "m", kind: lexMeasure},
	"m":                            {unit: "m", kind: lexMeasure}, // "$5 m" is a scale: see unitAfter
	"feet":                         {unit: "feet", kind: lexMeasure},
	"ft":                           {unit: "feet", kind: lexMeasure},
	"cubic metres":                 {unit: "m3", kind: lexMeasure},
	"cubic meters":                 {unit: "m3", kind: lexMeasure},
	"m3":                           {unit: "m3", kind: lexMeasure},
	"bcm":                          {unit: "m3", kind: lexMeasure, mult: 1e9},
	"cubic feet":                   {unit: "cubic feet", kind: lexMeasure},
	"hectares":                     {unit: "hectares", kind: lexMeasure},
	"hectare":                      {unit: "hectares", kind: lexMeasure},
	"ha":                           {unit: "hectares", kind: lexMeasure},
	"acres":                        {unit: "acres", kind: lexMeasure},
	"kg":                           {unit: "kg", kind: lexMeasure},
	"kilograms":                    {unit: "kg", kind: lexMeasure},
	"kilogrammes":                  {unit: "kg", kind: lexMeasure},
	"grams":                        {unit: "g", kind: lexMeasure},
	"ounces":                       {unit: "oz", kind: lexMeasure},
	"troy ounces":                  {unit: "oz", kind: lexMeasure},
	"oz":                           {unit: "oz", kind: lexMeasure},
	"pounds":                       {unit: "pounds", kind: lexMeasure},
	"lbs":                          {unit: "lb", kind: lexMeasure},
	"lb":                           {unit: "lb", kind: lexMeasure},
	"bushels":                      {unit: "bushels", kind: lexMeasure},
	"bags":                         {unit: "bags", kind: lexMeasure},
	"bales":                        {unit: "bales", kind: lexMeasure},
	"litres":                       {unit: "litres", kind: lexMeasure},
	"liters":                       {unit: "litres", kind: lexMeasure},
	"gallons":                      {unit: "gallons", kind: lexMeasure},
	"kwh":                          {unit: "kWh", kind: lexMeasure},
	"mwh":                          {unit: "MWh", kind: lexMeasure},
	"gwh":                          {unit: "GWh", kind: lexMeasure},
	"twh":                          {unit: "TWh", kind: lexMeasure},
	"kw":                           {unit: "kW", kind: lexMeasure},
	"mw":                           {unit: "MW", kind: lexMeasure},
	"gw":                           {unit: "GW", kind: lexMeasure},
	"kilowatt-hours":               {unit: "kWh", kind: lexMeasure},
	"kilowatt hours":               {unit: "kWh", kind: lexMeasure},
	"kilowatt-hour":                {unit: "kWh", kind: lexMeasure},
	"megawatt-hours":               {unit: "MWh", kind: lexMeasure},
	"megawatt hours":               {unit: "MWh", kind: lexMeasure},
	"gigawatt-hours":               {unit: "GWh", kind: lexMeasure},
	"gigawatt hours":               {unit: "GWh", kind: lexMeasure},
	"terawatt-hours":               {unit: "TWh", kind: lexMeasure},
	"terawatt hours":               {unit: "TWh", kind: lexMeasure},
	"kilowatts":                    {unit: "kW", kind: lexMeasure},
	"megawatt":                     {unit: "MW", kind: lexMeasure},
	"gigawatt":                     {unit: "GW", kind: lexMeasure},
	"megawatts":                    {unit: "MW", kind: lexMeasure},
	"gigawatts":                    {unit: "GW", kind: lexMeasure},
	"cts":                          {unit: "cents", kind: lexMeasure},
	"cents":                        {unit: "cents", kind: lexMeasure},
	"hk cents":                     {unit: "cents", kind: lexMeasure},
	"us cents":                     {unit: "cents", kind: lexMeasure},
	"square-metre":                 {unit: "m2", kind: lexMeasure},
	"square-meter":                 {unit: "m2", kind: lexMeasure},
	"times":                        {unit: "times", kind: lexMeasure},

	// Durations, kept as plain words.
	"years":     {unit: "years", kind: lexDuration},
	"year":      {unit: "years", kind: lexDuration},
	"yrs":       {unit: "years", kind: lexDuration},
	"months":    {unit: "months", kind: lexDuration},
	"mths":      {unit: "months", kind: lexDuration},
	"mth":       {unit: "months", kind: lexDuration},
	"month":     {unit: "months", kind: lexDuration},
	"weeks":     {unit: "weeks", kind: lexDuration},
	"week":      {unit: "weeks", kind: lexDuration},
	"days":      {unit: "days", kind: lexDuration},
	"day":       {unit: "days", kind: lexDuration},
	"hours":     {unit: "hours", kind: lexDuration},
	"hrs":       {unit: "hours", kind: lexDuration},
	"minutes":   {unit: "minutes", kind: lexDuration},
	"mins":      {unit: "minutes", kind: lexDuration},
	"seconds":   {unit: "seconds", kind: lexDuration},
	"decades":   {unit: "decades", kind: lexDuration},
	"centuries": {unit: "centuries", kind: lexDuration},

	// Nouns that are counted. Any other plural noun after a bare number is
	// counted too (see headNoun); these are the ones worth knowing for sure,
	// because they also make a 4-digit number a count rather than a year.
	"containers":  {unit: "containers", kind: lexCount},
	"trains":      {unit: "trains", kind: lexCount},
	"wagons":      {unit: "wagons", kind: lexCount},
	"railcars":    {unit: "railcars", kind: lexCount},
	"trucks":      {unit: "trucks", kind: lexCount},
	"lorries":     {unit: "lorries", kind: lexCount},
	"vehicles":    {unit: "vehicles", kind: lexCount},
	"cars":        {unit: "cars", kind: lexCount},
	"ships":       {unit: "ships", kind: lexCount},
	"vessels":     {unit: "vessels", kind: lexCount},
	"flights":     {unit: "flights", kind: lexCount},
	"companies":   {unit: "companies", kind: lexCount},
	"firms":       {unit: "firms", kind: lexCount},
	"enterprises": {unit: "enterprises", kind: lexCount},
	"businesses":  {unit: "businesses", kind: lexCount},
	"banks":       {unit: "banks", kind: lexCount},
	"shares":      {unit: "shares", kind: lexCount},
	"shrs":        {unit: "shares", kind: lexCount},
	"head":        {unit: "head", kind: lexCount}, // of cattle
	"people":      {unit: "people", kind: lexCount},
	"persons":     {unit: "persons", kind: lexCount},
	"passengers":  {unit: "passengers", kind: lexCount},
	"tourists":    {unit: "tourists", kind: lexCount},
	"visitors":    {unit: "visitors", kind: lexCount},
	"employees":   {unit: "employees", kind: lexCount},
	"workers":     {unit: "workers", kind: lexCount},
	"jobs":        {unit: "jobs", kind: lexCount},
	"staff":       {unit: "staff", kind: lexCount},
	"members":     {unit: "members", kind: lexCount},
	"delegates":   {unit: "delegates", kind: lexCount},
	"exhibitors":  {unit: "exhibitors", kind: lexCount},
	"households":  {unit: "households", kind: lexCount},
	"projects":    {unit: "projects", kind: lexCount},
	"contracts":   {unit: "contracts", kind: lexCount},
	"units":       {unit: "units", kind: lexCount},
	"students":    {unit: "students", kind: lexCount},
	"residents":   {unit: "residents", kind: lexCount},

	// Words that make the number a clock time or a label, not a quantity.
	"am":  {kind: lexNotQty},
	"pm":  {kind: lexNotQty},
	"gmt": {kind: lexNotQty},
	"utc": {kind: lexNotQty},
	"edt": {kind: lexNotQty},
	"est": {kind: lexNotQty},
	"bst": {kind: lexNotQty},
	"hkt": {kind: lexNotQty},
}

// attachedSuffixes are the letters that may be glued to a number ("5bn",
// "€3m", "10km", "20pct"). Any other letters glued to a number make it an
// ordinal, a decade or an identifier ("15th", "1990s", "4G") and drop it.
// needsCurrency marks suffixes that are a scale only after a currency sign
// ("$5m" is five million dollars, "100m" is a distance).
var attachedSuffixes = map[string]struct {
	def           unitDef
	needsCurrency bool
}{
	"bn":  {def: unitDef{kind: lexScale, mult: 1e9}},
	"bln": {def: unitDef{kind: lexScale, mult: 1e9}},
	"b":   {def: unitDef{kind: lexScale, mult: 1e9}, needsCurrency: true},
	"mln": {def: unitDef{kind: lexScale, mult: 1e6}},
	"mn":  {def: unitDef{kind: lexScale, mult: 1e6}},
	"m":   {def: unitDef{kind: lexScale, mult: 1e6}, needsCurrency: true},
	"k":   {def: unitDef{kind: lexScale, mult: 1e3}},
	"tn":  {def: unitDef{kind: lexScale, mult: 1e12}, needsCurrency: true},
	"trn": {def: unitDef{kind: lexScale, mult: 1e12}, needsCurrency: true},
	"pct": {def: unitDef{unit: "%", kind: lexPercent}},
	"pc":  {def: unitDef{unit: "%", kind: lexPercent}},
	"km":  {def: unitDef{unit: "km", kind: lexMeasure}},
	"km2": {def: unitDef{unit: "km2", kind: lexMeasure}},
	"kg":  {def: unitDef{unit: "kg", kind: lexMeasure}},
	"t":   {def: unitDef{unit: "t", kind: lexMeasure}},
	"mt":  {def: unitDef{unit: "t", kind: lexMeasure}},
	"kt":  {def: unitDef{unit: "t", kind: lexMeasure, mult: 1e3}},
	"bpd": {def: unitDef{unit: "bpd", kind: lexMeasure}},
	"bcm": {def: unitDef{unit: "m3", kind: lexMeasure, mult: 1e9}},
	"ha":  {def: unitDef{unit: "hectares", kind: lexMeasure}},
	"kw":  {def: unitDef{unit: "kW", kind: lexMeasure}},
	"mw":  {def: unitDef{unit: "MW", kind: lexMeasure}},
	"gw":  {def: unitDef{unit: "GW", kind: lexMeasure}},
	"kwh": {def: unitDef{unit: "kWh", kind: lexMeasure}},
	"gwh": {def: unitDef{unit: "GWh", kind: lexMeasure}},
	"twh": {def: unitDef{unit: "TWh", kind: lexMeasure}},
	"teu": {def: unitDef{unit: "TEU", kind: lexMeasure}},
	"am":  {def: unitDef{kind: lexNotQty}},
	"pm":  {def: unitDef{kind: lexNotQty}},
}

// isoCurrencies are the ISO 4217 codes (and a few old or informal ones)
// accepted when written in capitals right before or after a number
// ("USD 5 million", "5 mln ECU"). The value is the code reported.
var isoCurrencies = map[string]string{
	"USD": "USD", "HKD": "HKD", "CNY": "CNY", "RMB": "CNY", "CNH": "CNH", "KZT": "KZT",
	"UZS": "UZS", "KGS": "KGS", "TJS": "TJS", "TMT": "TMT", "EUR": "EUR", "GBP": "GBP",
	"JPY": "JPY", "RUB": "RUB", "CHF": "CHF", "CAD": "CAD", "AUD": "AUD", "NZD": "NZD",
	"SGD": "SGD", "TWD": "TWD", "INR": "INR", "KRW": "KRW", "BRL": "BRL", "MXN": "MXN",
	"ZAR": "ZAR", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN", "TRY": "TRY",
	"IDR": "IDR", "MYR": "MYR", "THB": "THB", "VND": "VND", "PKR": "PKR", "SAR": "SAR",
	"AED": "AED", "AZN": "AZN", "GEL": "GEL", "AMD": "AMD", "MNT": "MNT", "AFN": "AFN",
	"IRR": "IRR", "ECU": "ECU", "SDR": "SDR", "XDR": "XDR", "DEM": "DEM", "FRF": "FRF",
	"ITL": "ITL", "NLG": "NLG", "BEF": "BEF",
}

// dollarPrefixes are the letters written before "$" ("HK$2 trillion"),
// without dots and in capitals, mapped to the currency they mark.
var dollarPrefixes = map[string]string{
	"": "USD", "US": "USD", "U": "USD", "HK": "HKD", "A": "AUD", "AU": "AUD", "C": "CAD",
	"CA": "CAD", "CAN": "CAD", "NZ": "NZD", "S": "SGD", "SG": "SGD", "NT": "TWD", "R": "BRL",
	"M": "MXN", "MX": "MXN",
}

// currencySigns are the non-ASCII signs written before a number.
var currencySigns = []struct{ sign, code string }{
	{"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₸", "KZT"}, {"₽", "RUB"}, {"₹", "INR"}, {"₩", "KRW"},
}

// qualifierWords maps the phrases written before a figure to the normalised
// qualifier. Longer phrases win, so "no less than" is "at least" and not
// "under".
var qualifierWords = map[string]string{
	"approximately": "approximately", "about": "approximately", "around": "approximately",
	"roughly": "approximately", "some": "approximately", "an estimated": "approximately",
	"estimated": "approximately", "circa": "approximately", "ca": "approximately",
	"approx": "approximately", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
	"just under": "nearly", "just below": "nearly", "over": "over", "more than": "over",
	"above": "over", "exceeding": "over", "in excess of": "over", "upwards of": "over",
	"greater than": "over", "just over": "over", "well over": "over", "well above": "over",
	"under": "under", "less than": "under", "below": "under", "fewer than": "under",
	"well under": "under", "well below": "under", "up to": "up to", "as much as": "up to",
	"as many as": "up to", "no more than": "up to", "a maximum of": "up to",
	"at least": "at least", "no less than": "at least", "no fewer than": "at least",
	"a minimum of": "at least", "not less than": "at least",
}

// qualifierOutsideSpan are qualifiers that are verbs rather than modifiers
// of the figure ("a value exceeding HK$2 trillion"): they set the qualifier
// but are left out of the span, which stays the figure itself.
var qualifierOutsideSpan = map[string]bool{"exceeding": true}

// qualifierOutsideShape filters the phrases of qualifierOutsideSpan: a
// qualifier found is looked up there only when its shape fits, which
// spares nearly every figure with a qualifier a map look-up.
var qualifierOutsideShape = newWordShape(mapKeys(qualifierOutsideSpan)...)

// qualifierAloneShape filters the qualifiers of one word ("about", "over").
var qualifierAloneShape = newWordShape(func() []string {
	var words []string
	for k := range qualifierWords {
		if !strings.Contains(k, " ") {
			words = append(words, k)
		}
	}
	return words
}()...)

// qualifierLast holds the last word of every qualifier phrase, so that the
// scanner can tell at once that the word before a figure starts none.
var qualifierLast = func() map[string]bool {
	m := map[string]bool{}
	for k := range qualifierWords {
		m[k[strings.LastIndexByte(k, ' ')+1:]] = true
	}
	return m
}()

// qualifierInner holds the next to last word of every qualifier phrase of
// more than one word: a word before the last that is none of these ends
// no phrase of two words or more.
var qualifierInner = func() map[string]bool {
	m := map[string]bool{}
	for k := range qualifierWords {
		if words := strings.Fields(k); len(words) > 1 {
			m[words[len(words)-2]] = true
		}
	}
	return m
}()

// rateWords maps the phrases after a figure that make it a rate.
var rateWords = map[string]string{
	"annually": "per year", "a year": "per year", "per year": "per year",
	"per annum": "per year", "each year": "per year", "every year": "per year",
	"yearly": "per year", "a yr": "per year", "per yr": "per year",
	"a day": "per day", "per day": "per day", "daily": "per day", "each day": "per day",
	"every day": "per day", "a month": "per month", "per month": "per month",
	"monthly": "per month", "each month": "per month", "every month": "per month",
}

// numberWords are the cardinal words the scanner reads. Spelled-out numbers
// are reported only with a scale, a currency, a percent or a measure
// ("seven million tonnes", "three percent"), never with a plain noun.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// fractionWords are the denominators of spelled-out fractions ("one-tenth",
// "a third", "two-thirds"), reported as a percentage when "of" follows.
var fractionWords = map[string]float64{
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
	"fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
	"tenth": 10, "tenths": 10,
}

// wordShape is a quick filter for a set of words, tried before a map
// look-up on the scanner's hot path: bit n of [first&31][last&31] is set
// when the set holds a word of n letters (n < 32) that starts and ends with
// those letters. "the" fails it at once; "ten" passes and is looked up.
// Indexed by a letter's low five bits, which are the same in both cases,
// it needs no case folding and no bounds check.
type wordShape [32][32]uint32

// newWordShape returns the filter for the given lower-case ASCII words.
func newWordShape(words ...string) *wordShape {
	var ws wordShape
	for _, w := range words {
		if n := len(w); n > 0 && n < 32 && isLetter(w[0]) && isLetter(w[n-1]) {
			ws[w[0]&31][w[n-1]&31] |= 1 << n
		}
	}
	return &ws
}

// has reports whether w, an ASCII word in any case, may be in the set.
func (ws *wordShape) has(w string) bool {
	n := len(w)
	if n == 0 || n >= 32 {
		return false
	}
	// Table tests, not isLetter's comparisons, keep it small enough to
	// be inlined into the scanner's hot paths.
	f, l := w[0], w[n-1]
	return qLetters[f] && qLetters[l] && ws[f&31][l&31]&(1<<n) != 0
}

// hasLetters is has for a word of n letters (n > 0) from first to last,
// which the caller knows are ASCII letters: other bytes would alias
// letters. A word of 32 letters or more is in no set: 1<<n is then 0.
func (ws *wordShape) hasLetters(first, last byte, n int) bool {
	return ws[first&31][last&31]&(1<<n) != 0
}

// firstLetters marks the ASCII letters, in either case, that start some
// word the set may hold: a scanner tests a word's first byte in the table
// before it reads the word.
func (ws *wordShape) firstLetters() (tab [256]bool) {
	for c := byte('a'); c <= 'z'; c++ {
		for _, lens := range ws[c&31] {
			if lens != 0 {
				tab[c], tab[c-'a'+'A'] = true, true
			}
		}
	}
	return tab
}

// mapKeys returns the keys of m.
func mapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

var (
	// numberWordShape filters the words that may start a spelled-out number.
	numberWordShape = newWordShape(append(mapKeys(numberWords), "half")...)
	// unitWordFilter holds the keys of unitWords, for unitPhrase, by
	// their FNV-1a hash (fnv1a), which unitPhrase makes as it folds.
	unitWordFilter = func() *vocabFilter {
		var f vocabFilter
		for k := range unitWords {
			f.addHash(fnv1a(k))
		}
		return &f
	}()
	// numberWordMap, fractionWordMap and unitWordMap are numberWords,
	// fractionWords and unitWords for the look-ups of single words.
	numberWordMap   = newWordMap(numberWords)
	fractionWordMap = newWordMap(fractionWords)
	unitWordMap     = newWordMap(unitWords)
	// unitTable is unitWords for unitPhrase, by fnv1a hash.
	unitTable = newWordTableFNV(unitWords)
	// qualifierTable is qualifierWords for qualifierBefore, by fnv1a hash.
	qualifierTable = newWordTableFNV(qualifierWords)
	// unitPrefixFilter holds, by fnv1a hash, every proper prefix of a
	// unitWords key that ends right before a blank or hyphen ("per" of
	// "per cent", "hong kong" of "hong kong dlrs"): once the words
	// unitPhrase has read are none of these, no longer key can match and it
	// stops reading ("mln", "dlrs", "shares").
	unitPrefixFilter = func() *vocabFilter {
		var f vocabFilter
		for k := range unitWords {
			for i := 1; i < len(k); i++ {
				if k[i] == ' ' || k[i] == '-' {
					f.addHash(fnv1a(k[:i]))
				}
			}
		}
		return &f
	}()
	// unitSecondWords holds the second words of the unitWords keys of
	// more than one word ("cent" of "per cent", "kong" of "hong kong
	// dlrs").
	unitSecondWords = newShapedSet(func() map[string]bool {
		m := map[string]bool{}
		for k := range unitWords {
			if words := strings.FieldsFunc(k, func(r rune) bool { return r == ' ' || r == '-' }); len(words) > 1 {
				m[words[1]] = true
			}
		}
		return m
	}())
	// unitFirstShape filters the first words of unit phrases.
	unitFirstShape = newWordShape(func() []string {
		firsts := []string{"u"} // "U.S. dlrs": the scanner sees "U" before the dot
		for k := range unitWords {
			if i := strings.IndexAny(k, " -/."); i > 0 {
				k = k[:i]
			}
			firsts = append(firsts, strings.TrimRight(k, "23²"))
		}
		return firsts
	}()...)
	// afterAShape filters the words that make "a" a number: a scale or a
	// fraction ("a million", "a third").
	afterAShape = newWordShape(append(mapKeys(fractionWords), "thousand", "million", "billion", "trillion", "mln", "bln", "bn")...)
)

// unitHead is what unitPhrase needs to know of a word that may start a
// unit: whether it is a key of unitWords by itself, and whether it starts
// a longer key ("per" of "per cent" and "per-cent", "us" of "us dlrs").
type unitHead struct {
	def    unitDef // the word's own entry
	key    bool    // def is an entry of unitWords
	starts bool    // the word is the first of a longer key
}

// unitHeads holds the words of the unitWords keys of one word and the
// first words of the others, for unitPhrase to tell with one look-up
// whether it may read a word alone.
var unitHeads = func() *unitHeadTable {
	m := map[string]unitHead{}
	for k, d := range unitWords {
		if i := strings.IndexAny(k, " -"); i > 0 {
			h := m[k[:i]]
			h.starts = true
			m[k[:i]] = h
		} else {
			h := m[k]
			h.def, h.key = d, true
			m[k] = h
		}
	}
	tab := &unitHeadTable{heads: []unitHead{{}}}
	index := map[string]int{}
	for w, h := range m {
		index[w] = len(tab.heads)
		tab.heads = append(tab.heads, h)
	}
	tab.index = newWordMap(index)
	return tab
}()

// unitHeadTable is a map from words to unitHeads kept as an index into a
// slice: a look-up copies an int, where a wordMap[unitHead] copied the
// whole head out of its slot and out again.
type unitHeadTable struct {
	index wordMap[int] // a word's head in heads, from 1
	heads []unitHead   // heads[0] is the zero head, for words not held
}

// get returns the head of w, an ASCII word in any case: the zero head
// when w starts no unit.
func (t *unitHeadTable) get(w string) *unitHead {
	k, _ := t.index.get(w)
	return &t.heads[k]
}

// monthWords are month names and their abbreviations; a number next to one
// is a day or a year, not a quantity ("Feb 26", "9 July 2020").
var monthWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}

// labelWords name things by number: the number after one is an identifier
// ("Article 5", "Phase 2", "page 215"), not a quantity.
var labelWords = map[string]bool{
	"section": true, "article": true, "chapter": true, "clause": true, "paragraph": true,
	"para": true, "page": true, "pages": true, "p": true, "pp": true, "table": true,
	"figure": true, "fig": true, "no": true, "nos": true, "number": true, "item": true,
	"part": true, "phase": true, "vol": true, "volume": true, "issue": true, "rule": true,
	"line": true, "route": true, "flight": true, "terminal": true, "gate": true,
	"pier": true, "berth": true, "room": true, "suite": true, "floor": true, "level": true,
	"stage": true, "grade": true, "class": true, "category": true, "tier": true,
	"model": true, "version": true, "v": true, "series": true, "boeing": true,
	"airbus": true, "annex": true, "appendix": true, "resolution": true, "decree": true,
	"law": true, "act": true, "order": true, "block": true, "building": true,
	"highway": true, "platform": true, "track": true, "division": true, "step": true,
	"top": true, "tel": true, "phone": true, "fax": true, "ext": true, "id": true,
	"ref": true, "code": true, "box": true, "unit": true, "lot": true, "week": true,
	"day": true, "round": true, "game": true, "verse": true, "psalm": true, "region": true,
	"district": true, "zone": true, "ward": true, "channel": true, "lane": true,
	"hall": true, "booth": true, "window": true, "windows": true, "iphone": true,
	"pillar": true, "system": true, "systems": true, "protocol": true, "regulation": true, "standard": true, "iso": true,
}

// changeWords before a figure make "points" percentage points ("rose 2
// points"): an index level is not meant, but a change of a rate.
var changeWords = map[string]bool{
	"rose": true, "fell": true, "up": true, "down": true, "gained": true, "lost": true,
	"dropped": true, "by": true, "climbed": true, "increased": true, "decreased": true,
	"declined": true, "jumped": true, "slipped": true, "added": true, "shed": true,
	"edged": true, "eased": true, "grew": true, "rise": true, "fall": true, "drop": true,
	"gain": true, "rising": true, "falling": true, "cut": true, "raised": true,
}

// headNounStop are words ending in "s" that are not counted nouns, and
// words that end the search for one ("200 originating from Shanghai").
var headNounStop = map[string]bool{
	"its": true, "this": true, "was": true, "has": true, "is": true, "as": true,
	"us": true, "his": true, "hers": true, "ours": true, "yours": true, "theirs": true,
	"thus": true, "plus": true, "less": true, "unless": true, "across": true,
	"always": true, "perhaps": true, "whereas": true, "besides": true, "towards": true,
	"afterwards": true, "sometimes": true, "nevertheless": true, "does": true,
	"goes": true, "yes": true, "various": true, "previous": true, "news": true,
	"from": true, "in": true, "on": true, "at": true, "to": true, "by": true, "for": true,
	"with": true, "that": true, "which": true, "who": true, "were": true, "are": true,
	"will": true, "would": true, "per": true, "than": true, "vs": true, "versus": true,
	"above": true, "below": true, "over": true, "under": true, "against": true,
	"after": true, "before": true, "since": true, "during": true, "into": true,
	"through": true, "up": true, "down": true, "more": true, "about": true,
}

// irregularPlurals are counted nouns that do not end in "s".
var irregularPlurals = map[string]bool{
	"people": true, "staff": true, "personnel": true, "children": true, "men": true,
	"women": true, "cattle": true, "sheep": true, "livestock": true, "police": true,
}

// shapedSet is a set of lower-case words behind a wordShape filter: most
// words tested on the quantity scanner's paths (the word before every
// figure) are in none of these sets, and the filter turns them away with
// one table read; the few it lets through are looked up in a wordMap.
type shapedSet struct {
	shape *wordShape
	all   bool // a key the filter cannot hold: every word goes to the look-up
	words wordMap[bool]
}

// newShapedSet makes the set of the keys of m, which are lower case.
func newShapedSet(m map[string]bool) *shapedSet {
	s := &shapedSet{shape: newWordShape(mapKeys(m)...), words: newWordMap(m)}
	for k := range m {
		if n := len(k); n == 0 || n >= 32 || !isLetter(k[0]) || !isLetter(k[n-1]) || k != strings.ToLower(k) {
			s.all = true
		}
	}
	return s
}

// has reports whether w, an ASCII word in any case, is in the set.
func (s *shapedSet) has(w string) bool {
	if !s.all && !s.shape.has(w) {
		return false
	}
	in, _ := s.words.get(w)
	return in
}

// hasLower is has for a word already in lower case, such as the
// classifier's tokens: it is not folded again.
func (s *shapedSet) hasLower(w string) bool {
	if !s.all && !s.shape.has(w) {
		return false
	}
	in, _ := s.words.getLower(w)
	return in
}

var (
	monthSet           = newShapedSet(monthWords)
	labelSet           = newShapedSet(labelWords)
	changeSet          = newShapedSet(changeWords)
	qualifierLastSet   = newShapedSet(qualifierLast)
	qualifierInnerSet  = newShapedSet(qualifierInner)
	headNounStopSet    = newShapedSet(headNounStop)
	irregularPluralSet = newShapedSet(irregularPlurals)
)

// isoCode looks w up in isoCurrencies, whose keys are all three capitals:
// any other word, most of those tested, is turned away before the map.
func isoCode(w string) (string, bool) {
	if len(w) != 3 || !qUpper(w[0]) || !qUpper(w[1]) || !qUpper(w[2]) {
		return "", false
	}
	code, ok := isoCurrencies[w]
	return code, ok
}

func init() {
	for k := range isoCurrencies {
		if len(k) != 3 || !qUpper(k[0]) || !qUpper(k[1]) || !qUpper(k[2]) {
			panic("isoCode: key not three capitals: " + k)
		}
	}
}
