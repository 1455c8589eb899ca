"""Country names, their common variants and demonyms: world knowledge, not a list of news names.

``canonical_country("U.S.")`` gives ``"United States"``; ``country_of_demonym("Japanese")`` gives
``"Japan"``. Lookups are case-sensitive on the written form after dots and a leading "the" are
dropped, so "us" (the pronoun) never reads as a country.
"""

from __future__ import annotations

# canonical name: (variants, demonyms)
_TABLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "United States": (("US", "USA", "United States of America", "America"), ("American",)),
    "United Kingdom": (("UK", "Britain", "Great Britain", "U.K"), ("British",)),
    "China": (("People's Republic of China", "PRC", "Mainland China"), ("Chinese",)),
    "Japan": ((), ("Japanese",)),
    "South Korea": (("Republic of Korea", "ROK", "S. Korea"), ("South Korean",)),
    "North Korea": (("DPRK", "Democratic People's Republic of Korea"), ("North Korean",)),
    "Korea": ((), ("Korean",)),
    "Taiwan": ((), ("Taiwanese",)),
    "Vietnam": (("Viet Nam",), ("Vietnamese",)),
    "Philippines": (("Republic of the Philippines",), ("Philippine", "Filipino")),
    "Indonesia": ((), ("Indonesian",)),
    "Malaysia": ((), ("Malaysian",)),
    "Thailand": ((), ("Thai",)),
    "Singapore": ((), ("Singaporean",)),
    "Cambodia": ((), ("Cambodian",)),
    "Myanmar": (("Burma",), ("Burmese",)),
    "India": ((), ("Indian",)),
    "Pakistan": ((), ("Pakistani",)),
    "Bangladesh": ((), ("Bangladeshi",)),
    "Afghanistan": ((), ("Afghan",)),
    "Iran": ((), ("Iranian",)),
    "Iraq": ((), ("Iraqi",)),
    "Syria": ((), ("Syrian",)),
    "Israel": ((), ("Israeli",)),
    "Saudi Arabia": ((), ("Saudi",)),
    "Turkey": (("Turkiye", "Türkiye"), ("Turkish",)),
    "Egypt": ((), ("Egyptian",)),
    "Nigeria": ((), ("Nigerian",)),
    "Côte d'Ivoire": (("Ivory Coast", "Cote d'Ivoire"), ("Ivorian",)),
    "South Africa": ((), ("South African",)),
    "Kenya": ((), ("Kenyan",)),
    "Ethiopia": ((), ("Ethiopian",)),
    "Russia": (("Russian Federation",), ("Russian",)),
    "Ukraine": ((), ("Ukrainian",)),
    "Belarus": ((), ("Belarusian",)),
    "Poland": ((), ("Polish",)),
    "Germany": ((), ("German",)),
    "France": ((), ("French",)),
    "Italy": ((), ("Italian",)),
    "Spain": ((), ("Spanish",)),
    "Portugal": ((), ("Portuguese",)),
    "Netherlands": (("Holland",), ("Dutch",)),
    "Belgium": ((), ("Belgian",)),
    "Switzerland": ((), ("Swiss",)),
    "Austria": ((), ("Austrian",)),
    "Sweden": ((), ("Swedish",)),
    "Norway": ((), ("Norwegian",)),
    "Denmark": ((), ("Danish",)),
    "Finland": ((), ("Finnish",)),
    "Ireland": ((), ("Irish",)),
    "Greece": ((), ("Greek",)),
    "Hungary": ((), ("Hungarian",)),
    "Romania": ((), ("Romanian",)),
    "Canada": ((), ("Canadian",)),
    "Mexico": ((), ("Mexican",)),
    "Brazil": ((), ("Brazilian",)),
    "Argentina": ((), ("Argentine", "Argentinian")),
    "Chile": ((), ("Chilean",)),
    "Colombia": ((), ("Colombian",)),
    "Venezuela": ((), ("Venezuelan",)),
    "Peru": ((), ("Peruvian",)),
    "Cuba": ((), ("Cuban",)),
    "Australia": ((), ("Australian",)),
    "New Zealand": ((), ("New Zealander",)),
    "Albania": ((), ("Albanian",)),
    "Algeria": ((), ("Algerian",)),
    "Andorra": ((), ("Andorran",)),
    "Angola": ((), ("Angolan",)),
    "Armenia": ((), ("Armenian",)),
    "Azerbaijan": ((), ("Azerbaijani", "Azeri")),
    "Bahamas": ((), ("Bahamian",)),
    "Bahrain": ((), ("Bahraini",)),
    "Barbados": ((), ("Barbadian",)),
    "Belize": ((), ("Belizean",)),
    "Benin": ((), ("Beninese",)),
    "Bhutan": ((), ("Bhutanese",)),
    "Bolivia": ((), ("Bolivian",)),
    "Bosnia and Herzegovina": (("Bosnia", "Bosnia-Herzegovina"), ("Bosnian",)),
    "Botswana": ((), ("Botswanan", "Motswana")),
    "Brunei": ((), ("Bruneian",)),
    "Bulgaria": ((), ("Bulgarian",)),
    "Burkina Faso": ((), ("Burkinabe", "Burkinabè")),
    "Burundi": ((), ("Burundian",)),
    "Cabo Verde": (("Cape Verde",), ("Cape Verdean", "Cabo Verdean")),
    "Cameroon": ((), ("Cameroonian",)),
    "Central African Republic": ((), ("Central African",)),
    "Chad": ((), ("Chadian",)),
    "Comoros": ((), ("Comorian",)),
    "Democratic Republic of the Congo": (("DRC", "DR Congo", "Congo-Kinshasa"), ("Congolese",)),
    "Republic of the Congo": (("Congo-Brazzaville",), ()),
    "Costa Rica": ((), ("Costa Rican",)),
    "Croatia": ((), ("Croatian", "Croat")),
    "Cyprus": ((), ("Cypriot",)),
    "Czech Republic": (("Czechia",), ("Czech",)),
    "Djibouti": ((), ("Djiboutian",)),
    "Dominican Republic": ((), ("Dominican",)),
    "Ecuador": ((), ("Ecuadorian", "Ecuadorean")),
    "El Salvador": ((), ("Salvadoran", "Salvadorean")),
    "Equatorial Guinea": ((), ("Equatorial Guinean", "Equatoguinean")),
    "Eritrea": ((), ("Eritrean",)),
    "Estonia": ((), ("Estonian",)),
    "Eswatini": (("Swaziland",), ("Swazi",)),
    "Fiji": ((), ("Fijian",)),
    "Gabon": ((), ("Gabonese",)),
    "Gambia": (("The Gambia",), ("Gambian",)),
    "Georgia": ((), ("Georgian",)),
    "Ghana": ((), ("Ghanaian",)),
    "Grenada": ((), ("Grenadian",)),
    "Guatemala": ((), ("Guatemalan",)),
    "Guinea": ((), ("Guinean",)),
    "Guinea-Bissau": ((), ("Bissau-Guinean",)),
    "Guyana": ((), ("Guyanese",)),
    "Haiti": ((), ("Haitian",)),
    "Honduras": ((), ("Honduran",)),
    "Iceland": ((), ("Icelandic", "Icelander")),
    "Jamaica": ((), ("Jamaican",)),
    "Jordan": ((), ("Jordanian",)),
    "Kazakhstan": ((), ("Kazakh", "Kazakhstani")),
    "Kosovo": ((), ("Kosovan", "Kosovar")),
    "Kuwait": ((), ("Kuwaiti",)),
    "Kyrgyzstan": (("Kyrgyz Republic",), ("Kyrgyz",)),
    "Laos": ((), ("Laotian", "Lao")),
    "Latvia": ((), ("Latvian",)),
    "Lebanon": ((), ("Lebanese",)),
    "Lesotho": ((), ("Basotho",)),
    "Liberia": ((), ("Liberian",)),
    "Libya": ((), ("Libyan",)),
    "Liechtenstein": ((), ("Liechtensteiner",)),
    "Lithuania": ((), ("Lithuanian",)),
    "Luxembourg": ((), ("Luxembourgish", "Luxembourger")),
    "Madagascar": ((), ("Malagasy",)),
    "Malawi": ((), ("Malawian",)),
    "Maldives": ((), ("Maldivian",)),
    "Mali": ((), ("Malian",)),
    "Malta": ((), ("Maltese",)),
    "Mauritania": ((), ("Mauritanian",)),
    "Mauritius": ((), ("Mauritian",)),
    "Moldova": ((), ("Moldovan",)),
    "Monaco": ((), ("Monegasque",)),
    "Mongolia": ((), ("Mongolian",)),
    "Montenegro": ((), ("Montenegrin",)),
    "Morocco": ((), ("Moroccan",)),
    "Mozambique": ((), ("Mozambican",)),
    "Namibia": ((), ("Namibian",)),
    "Nepal": ((), ("Nepali", "Nepalese")),
    "Nicaragua": ((), ("Nicaraguan",)),
    "Niger": ((), ("Nigerien",)),
    "North Macedonia": (("Macedonia",), ("Macedonian",)),
    "Oman": ((), ("Omani",)),
    "Palestinian Territory": (("Palestine",), ("Palestinian",)),
    "Panama": ((), ("Panamanian",)),
    "Papua New Guinea": ((), ("Papua New Guinean",)),
    "Paraguay": ((), ("Paraguayan",)),
    "Qatar": ((), ("Qatari",)),
    "Rwanda": ((), ("Rwandan",)),
    "Samoa": ((), ("Samoan",)),
    "São Tomé and Príncipe": (("Sao Tome and Principe",), ("São Toméan",)),
    "Senegal": ((), ("Senegalese",)),
    "Serbia": ((), ("Serbian", "Serb")),
    "Seychelles": ((), ("Seychellois",)),
    "Sierra Leone": ((), ("Sierra Leonean",)),
    "Slovakia": ((), ("Slovak", "Slovakian")),
    "Slovenia": ((), ("Slovenian", "Slovene")),
    "Somalia": ((), ("Somali",)),
    "South Sudan": ((), ("South Sudanese",)),
    "Sri Lanka": ((), ("Sri Lankan",)),
    "Sudan": ((), ("Sudanese",)),
    "Suriname": ((), ("Surinamese",)),
    "Tajikistan": ((), ("Tajik",)),
    "Tanzania": ((), ("Tanzanian",)),
    "Timor Leste": (("Timor-Leste", "East Timor"), ("Timorese",)),
    "Togo": ((), ("Togolese",)),
    "Tonga": ((), ("Tongan",)),
    "Trinidad and Tobago": ((), ("Trinidadian",)),
    "Tunisia": ((), ("Tunisian",)),
    "Turkmenistan": ((), ("Turkmen",)),
    "Uganda": ((), ("Ugandan",)),
    "United Arab Emirates": (("UAE",), ("Emirati",)),
    "Uruguay": ((), ("Uruguayan",)),
    "Uzbekistan": ((), ("Uzbek",)),
    "Vanuatu": ((), ("Ni-Vanuatu",)),
    "Yemen": ((), ("Yemeni",)),
    "Zambia": ((), ("Zambian",)),
    "Zimbabwe": ((), ("Zimbabwean",)),
    "Scotland": ((), ("Scottish",)),
    "Wales": ((), ("Welsh",)),
}


def _key(text: str) -> str:
    text = text.replace(".", "").replace("’", "'").strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.split())


_VARIANTS: dict[str, str] = {}
_DEMONYMS: dict[str, str] = {}
for _name, (_variants, _demonyms) in _TABLE.items():
    for _form in (_name, *_variants):
        _VARIANTS[_key(_form)] = _name
    for _form in _demonyms:
        _DEMONYMS[_key(_form)] = _name


def country_forms() -> dict[str, str]:
    """Every written form of a country in the table (name and variants) → its canonical name."""
    return dict(_VARIANTS)


def canonical_country(text: str) -> str | None:
    """The canonical country name for a written form ("U.S." → "United States"), or None."""
    return _VARIANTS.get(_key(text))


def country_of_demonym(text: str) -> str | None:
    """The country a demonym or adjective names ("Japanese" → "Japan"), or None."""
    key = _key(text)
    if key.endswith("s") and key not in _DEMONYMS:
        key = key[:-1]  # plural: "Filipinos", "Americans"
    return _DEMONYMS.get(key)


def country_of(text: str) -> str | None:
    """A country for either a name/variant or a demonym, or None."""
    return canonical_country(text) or country_of_demonym(text)
