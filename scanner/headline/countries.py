"""Countries by name, demonym/adjective and capital, so "France", "French", "the French
government" and "Paris" resolve to one actor.

Written by hand from common knowledge (the usual English names, as in the CIA World Factbook
and news style guides) for the G20, the EU and NATO members and most other states in the news.
Ambiguous forms are left out: capitals that are common first names or towns elsewhere (Sofia,
Victoria, Kingston), "Pole" (North Pole), "Chad", "Kiwi". Names that news uses for the
country far more often than otherwise stay (Jordan, Georgia, Washington, Paris, Santiago):
HDL002 needs two actors and a conflict word between them, so a stray match rarely counts. "Brussels" stands for the EU, and
"Korea" for South Korea, as in news usage. Matching is case-sensitive, so "us", "china" and
"turkey" stay ordinary words; a plural -s is allowed ("Germans"). Places, events and peoples
named after a country ("Latin America", "Niger Delta", "Korean War") have keys of their own.
"""
from __future__ import annotations

import re

# one country per line: its name first, then its other names, demonyms/adjectives and capital;
# the last lines give places named after a country ("Latin America") keys of their own
_TABLE = """
Afghanistan, Afghan, Kabul
Albania, Albanian, Tirana
Algeria, Algerian, Algiers
Angola, Angolan, Luanda
Argentina, Argentine, Argentinian, Buenos Aires
Armenia, Armenian, Yerevan
Australia, Australian, Canberra
Austria, Austrian, Vienna
Azerbaijan, Azerbaijani, Azeri, Baku
Bahrain, Bahraini, Manama
Bangladesh, Bangladeshi, Dhaka
Belarus, Belarusian, Minsk
Belgium, Belgian
Bolivia, Bolivian, La Paz
Bosnia and Herzegovina, Bosnia, Bosnian, Sarajevo
Brazil, Brazilian, Brasilia, Brasília
Bulgaria, Bulgarian
Cambodia, Cambodian, Phnom Penh
Cameroon, Cameroonian, Yaounde
Canada, Canadian, Ottawa
Chile, Chilean, Santiago
China, Chinese, Beijing
Colombia, Colombian, Bogota, Bogotá
Congo, Congolese, Kinshasa, DRC
Croatia, Croatian, Croat, Zagreb
Cuba, Cuban, Havana
Cyprus, Cypriot, Nicosia
Czech Republic, Czechia, Czech, Prague
Denmark, Danish, Dane, Copenhagen
Ecuador, Ecuadorian, Quito
Egypt, Egyptian, Cairo
Eritrea, Eritrean, Asmara
Estonia, Estonian, Tallinn
Ethiopia, Ethiopian, Addis Ababa
European Union, EU, Brussels
Finland, Finnish, Helsinki
France, French, Frenchman, Frenchwoman, Paris
Georgia, Georgian, Tbilisi
Germany, German, Berlin
Ghana, Ghanaian, Accra
Greece, Greek, Athens
Guatemala, Guatemalan
Haiti, Haitian, Port-au-Prince
Honduras, Honduran, Tegucigalpa
Hungary, Hungarian, Budapest
Iceland, Icelandic, Icelander, Reykjavik
India, Indian, New Delhi, Delhi
Indonesia, Indonesian, Jakarta
Iran, Iranian, Tehran
Iraq, Iraqi, Baghdad
Ireland, Irish, Dublin
Israel, Israeli, Jerusalem
Italy, Italian, Rome
Japan, Japanese, Tokyo
Jordan, Jordanian, Amman
Kazakhstan, Kazakh, Astana
Kenya, Kenyan, Nairobi
Kosovo, Kosovar, Pristina
Kuwait, Kuwaiti
Kyrgyzstan, Kyrgyz, Bishkek
Laos, Lao, Laotian, Vientiane
Latvia, Latvian, Riga
Lebanon, Lebanese, Beirut
Libya, Libyan, Tripoli
Lithuania, Lithuanian, Vilnius
Luxembourg, Luxembourger
Malaysia, Malaysian, Kuala Lumpur
Mali, Malian, Bamako
Malta, Maltese, Valletta
Mexico, Mexican, Mexico City
Moldova, Moldovan, Chisinau
Mongolia, Mongolian, Ulaanbaatar
Montenegro, Montenegrin, Podgorica
Morocco, Moroccan, Rabat
Mozambique, Mozambican, Maputo
Myanmar, Burma, Burmese, Naypyidaw
Nepal, Nepali, Nepalese, Kathmandu
Netherlands, Holland, Dutch, Dutchman, Amsterdam, The Hague
New Zealand, New Zealander, Wellington
Nicaragua, Nicaraguan, Managua
Niger, Nigerien, Niamey
Nigeria, Nigerian, Abuja
North Korea, North Korean, Pyongyang, DPRK
North Macedonia, Macedonia, Macedonian, Skopje
Norway, Norwegian, Oslo
Oman, Omani, Muscat
Pakistan, Pakistani, Islamabad
Palestine, Palestinian, Ramallah
Panama, Panamanian
Paraguay, Paraguayan, Asuncion
Peru, Peruvian, Lima
Philippines, Philippine, Filipino, Manila
Poland, Polish, Warsaw
Portugal, Portuguese, Lisbon
Qatar, Qatari, Doha
Romania, Romanian, Bucharest
Russia, Russian, Moscow, Kremlin
Rwanda, Rwandan, Kigali
Saudi Arabia, Saudi, Riyadh
Senegal, Senegalese, Dakar
Serbia, Serbian, Serb, Belgrade
Singapore, Singaporean
Slovakia, Slovak, Slovakian, Bratislava
Slovenia, Slovenian, Slovene, Ljubljana
Somalia, Somali, Mogadishu
South Africa, South African, Pretoria
South Korea, South Korean, Korea, Korean, Seoul
South Sudan, South Sudanese, Juba
Spain, Spanish, Spaniard, Madrid
Sri Lanka, Sri Lankan, Colombo
Sudan, Sudanese, Khartoum
Sweden, Swedish, Swede, Stockholm
Switzerland, Swiss, Bern
Syria, Syrian, Damascus
Taiwan, Taiwanese, Taipei
Tajikistan, Tajik, Dushanbe
Tanzania, Tanzanian, Dodoma
Thailand, Thai, Bangkok
Tunisia, Tunisian, Tunis
Turkey, Turkish, Turk, Türkiye, Ankara
Turkmenistan, Turkmen, Ashgabat
Uganda, Ugandan, Kampala
Ukraine, Ukrainian, Kyiv, Kiev
United Arab Emirates, UAE, Emirati, Abu Dhabi
United Kingdom, UK, U.K., Britain, Great Britain, British, Briton, London, Northern Ireland
United States, US, U.S., USA, America, American, Washington
Uruguay, Uruguayan, Montevideo
Uzbekistan, Uzbek, Tashkent
Venezuela, Venezuelan, Caracas
Vietnam, Vietnamese, Hanoi
Yemen, Yemeni, Sanaa
Zambia, Zambian, Lusaka
Zimbabwe, Zimbabwean, Harare
Latin America, Latin American
South America, South American
North America, North American
Central America, Central American
New Mexico, New Mexican
Indian Ocean
Americas
Niger Delta
Turks and Caicos
Korean War
American Indian, American Indians
"""


def _aliases() -> dict[str, str]:
    """Every name of the table -> its country's key (the lower-cased first name)."""
    aliases = {}
    for line in _TABLE.strip().splitlines():
        names = [name.strip() for name in line.split(",")]
        aliases.update(dict.fromkeys(names, names[0].lower()))
    return aliases


def _pattern(names) -> str:
    """A regex for any of ``names`` (all capitalised), grouped by first letter so a word is
    tried against a few names only; longest first, so "Mexico City" wins over "Mexico" and
    "North Korea" over "Korea"; a plural -s allowed. Group 1 is the name matched."""
    by_letter: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_letter.setdefault(name[0], []).append(re.escape(name[1:]))
    groups = "|".join(f"{letter}(?:{'|'.join(rest)})" for letter, rest in by_letter.items())
    return rf"(?<!\w)({groups})s?(?!\w)"


ALIASES = _aliases()
PATTERN = _pattern(ALIASES)
