// OCPI gives a location's country as ISO 3166-1 alpha-3 (`country`) and the
// CPO's country as alpha-2 (`country_code`); stations store alpha-2.

// ISO 3166-1: alpha-3 -> alpha-2, as "AAA:AA" pairs.
const ISO_PAIRS =
  "AFG:AF ALA:AX ALB:AL DZA:DZ ASM:AS AND:AD AGO:AO AIA:AI ATA:AQ ATG:AG ARG:AR ARM:AM ABW:AW AUS:AU AUT:AT AZE:AZ " +
  "BHS:BS BHR:BH BGD:BD BRB:BB BLR:BY BEL:BE BLZ:BZ BEN:BJ BMU:BM BTN:BT BOL:BO BES:BQ BIH:BA BWA:BW BVT:BV BRA:BR " +
  "IOT:IO BRN:BN BGR:BG BFA:BF BDI:BI CPV:CV KHM:KH CMR:CM CAN:CA CYM:KY CAF:CF TCD:TD CHL:CL CHN:CN CXR:CX CCK:CC " +
  "COL:CO COM:KM COG:CG COD:CD COK:CK CRI:CR CIV:CI HRV:HR CUB:CU CUW:CW CYP:CY CZE:CZ DNK:DK DJI:DJ DMA:DM DOM:DO " +
  "ECU:EC EGY:EG SLV:SV GNQ:GQ ERI:ER EST:EE SWZ:SZ ETH:ET FLK:FK FRO:FO FJI:FJ FIN:FI FRA:FR GUF:GF PYF:PF ATF:TF " +
  "GAB:GA GMB:GM GEO:GE DEU:DE GHA:GH GIB:GI GRC:GR GRL:GL GRD:GD GLP:GP GUM:GU GTM:GT GGY:GG GIN:GN GNB:GW GUY:GY " +
  "HTI:HT HMD:HM VAT:VA HND:HN HKG:HK HUN:HU ISL:IS IND:IN IDN:ID IRN:IR IRQ:IQ IRL:IE IMN:IM ISR:IL ITA:IT JAM:JM " +
  "JPN:JP JEY:JE JOR:JO KAZ:KZ KEN:KE KIR:KI PRK:KP KOR:KR KWT:KW KGZ:KG LAO:LA LVA:LV LBN:LB LSO:LS LBR:LR LBY:LY " +
  "LIE:LI LTU:LT LUX:LU MAC:MO MDG:MG MWI:MW MYS:MY MDV:MV MLI:ML MLT:MT MHL:MH MTQ:MQ MRT:MR MUS:MU MYT:YT MEX:MX " +
  "FSM:FM MDA:MD MCO:MC MNG:MN MNE:ME MSR:MS MAR:MA MOZ:MZ MMR:MM NAM:NA NRU:NR NPL:NP NLD:NL NCL:NC NZL:NZ NIC:NI " +
  "NER:NE NGA:NG NIU:NU NFK:NF MKD:MK MNP:MP NOR:NO OMN:OM PAK:PK PLW:PW PSE:PS PAN:PA PNG:PG PRY:PY PER:PE PHL:PH " +
  "PCN:PN POL:PL PRT:PT PRI:PR QAT:QA REU:RE ROU:RO RUS:RU RWA:RW BLM:BL SHN:SH KNA:KN LCA:LC MAF:MF SPM:PM VCT:VC " +
  "WSM:WS SMR:SM STP:ST SAU:SA SEN:SN SRB:RS SYC:SC SLE:SL SGP:SG SXM:SX SVK:SK SVN:SI SLB:SB SOM:SO ZAF:ZA SGS:GS " +
  "SSD:SS ESP:ES LKA:LK SDN:SD SUR:SR SJM:SJ SWE:SE CHE:CH SYR:SY TWN:TW TJK:TJ TZA:TZ THA:TH TLS:TL TGO:TG TKL:TK " +
  "TON:TO TTO:TT TUN:TN TUR:TR TKM:TM TCA:TC TUV:TV UGA:UG UKR:UA ARE:AE GBR:GB USA:US UMI:UM URY:UY UZB:UZ VUT:VU " +
  "VEN:VE VNM:VN VGB:VG VIR:VI WLF:WF ESH:EH YEM:YE ZMB:ZM ZWE:ZW XKX:XK";

const ALPHA3_TO_2 = new Map(ISO_PAIRS.split(" ").map((p) => p.split(":") as [string, string]));
const ALPHA2_TO_3 = new Map([...ALPHA3_TO_2].map(([a3, a2]) => [a2, a3]));

// Names some feeds put in `country` instead of a code (ev24 sends "Polska").
const NAMES: Record<string, string> = {
  polska: "PL", poland: "PL", deutschland: "DE", germany: "DE", nederland: "NL", netherlands: "NL",
  "the netherlands": "NL", belgie: "BE", belgique: "BE", belgium: "BE", france: "FR", espana: "ES", "españa": "ES",
  spain: "ES", portugal: "PT", italia: "IT", italy: "IT", osterreich: "AT", "österreich": "AT", austria: "AT",
  schweiz: "CH", suisse: "CH", switzerland: "CH", "united kingdom": "GB", uk: "GB", malaysia: "MY",
  danmark: "DK", denmark: "DK", sverige: "SE", sweden: "SE", norge: "NO", norway: "NO", suomi: "FI", finland: "FI",
};

export function alpha3ToAlpha2(code: string): string | undefined {
  return ALPHA3_TO_2.get(code.toUpperCase());
}

export function isAlpha2(code: string): boolean {
  return ALPHA2_TO_3.has(code.toUpperCase());
}

/** Reads whatever a feed put in `country`: alpha-3, alpha-2 or a country name. */
export function countryToAlpha2(value: string): { alpha2: string; exact: boolean } | undefined {
  const v = value.trim();
  if (/^[A-Za-z]{3}$/.test(v) && alpha3ToAlpha2(v)) return { alpha2: alpha3ToAlpha2(v)!, exact: v === v.toUpperCase() };
  if (/^[A-Za-z]{2}$/.test(v) && isAlpha2(v)) return { alpha2: v.toUpperCase(), exact: false };
  const byName = NAMES[v.toLowerCase()];
  return byName ? { alpha2: byName, exact: false } : undefined;
}

// Countries with a single IANA zone, for feeds whose time zone is unusable.
const SINGLE_ZONE: Record<string, string> = {
  NL: "Europe/Amsterdam", DE: "Europe/Berlin", BE: "Europe/Brussels", FR: "Europe/Paris", IT: "Europe/Rome",
  AT: "Europe/Vienna", CH: "Europe/Zurich", PL: "Europe/Warsaw", CZ: "Europe/Prague", SK: "Europe/Bratislava",
  HU: "Europe/Budapest", SI: "Europe/Ljubljana", HR: "Europe/Zagreb", DK: "Europe/Copenhagen", SE: "Europe/Stockholm",
  NO: "Europe/Oslo", FI: "Europe/Helsinki", EE: "Europe/Tallinn", LV: "Europe/Riga", LT: "Europe/Vilnius",
  IE: "Europe/Dublin", GB: "Europe/London", LU: "Europe/Luxembourg", GR: "Europe/Athens", RO: "Europe/Bucharest",
  BG: "Europe/Sofia", RS: "Europe/Belgrade", IS: "Atlantic/Reykjavik", MY: "Asia/Kuala_Lumpur", SG: "Asia/Singapore",
  NP: "Asia/Kathmandu", IN: "Asia/Kolkata", JP: "Asia/Tokyo", KR: "Asia/Seoul", TH: "Asia/Bangkok", NZ: "Pacific/Auckland",
};

export function singleZoneOf(alpha2: string | undefined): string | undefined {
  return alpha2 ? SINGLE_ZONE[alpha2] : undefined;
}
