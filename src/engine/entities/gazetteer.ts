// Compact, hand-written word lists for the name finder. Small on purpose: cues in the text
// (titles, "said", org suffixes, "in <Place>") do most of the work; these lists settle the
// common cases and give canonical spellings.

import { MORE_FEMALE_NAMES, MORE_MALE_NAMES } from './first-names.ts';

const words = (s: string): string[] =>
  s
    .split('|')
    .map((w) => w.trim())
    .filter(Boolean);

/** Variant -> canonical place name. */
export const PLACE_ALIASES = new Map<string, string>([
  ['U.S.', 'United States'],
  ['US', 'United States'],
  ['USA', 'United States'],
  ['U.S.A.', 'United States'],
  ['America', 'United States'],
  ['United States of America', 'United States'],
  ['U.K.', 'United Kingdom'],
  ['UK', 'United Kingdom'],
  ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'],
  ['UAE', 'United Arab Emirates'],
  ['U.A.E.', 'United Arab Emirates'],
  ['D.C.', 'Washington'],
  ['Washington D.C.', 'Washington'],
  ['Washington, D.C.', 'Washington'],
  ['NYC', 'New York'],
  ['New York City', 'New York'],
  ['L.A.', 'Los Angeles'],
  ['N.Y.', 'New York'],
  ['N.J.', 'New Jersey'],
  ['Calif.', 'California'],
  ['Holland', 'Netherlands'],
  ['Burma', 'Myanmar'],
  ['Czechia', 'Czech Republic'],
  ['HK', 'Hong Kong'],
  ['NZ', 'New Zealand'],
  ['N.Z.', 'New Zealand'],
]);

/** AP abbreviations of US states, read as places only after "Town," ("Scranton, Pa."). */
export const STATE_ABBREVIATIONS = new Map<string, string>([
  ['Ala', 'Alabama'],
  ['Ariz', 'Arizona'],
  ['Ark', 'Arkansas'],
  ['Calif', 'California'],
  ['Colo', 'Colorado'],
  ['Conn', 'Connecticut'],
  ['Fla', 'Florida'],
  ['Ga', 'Georgia'],
  ['Ill', 'Illinois'],
  ['Ind', 'Indiana'],
  ['Kan', 'Kansas'],
  ['Kans', 'Kansas'],
  ['Ky', 'Kentucky'],
  ['Md', 'Maryland'],
  ['Mass', 'Massachusetts'],
  ['Mich', 'Michigan'],
  ['Minn', 'Minnesota'],
  ['Mo', 'Missouri'],
  ['Mont', 'Montana'],
  ['Neb', 'Nebraska'],
  ['Nev', 'Nevada'],
  ['N.H.', 'New Hampshire'],
  ['N.M.', 'New Mexico'],
  ['N.C.', 'North Carolina'],
  ['N.D.', 'North Dakota'],
  ['Okla', 'Oklahoma'],
  ['Ore', 'Oregon'],
  ['Pa', 'Pennsylvania'],
  ['Penn', 'Pennsylvania'],
  ['R.I.', 'Rhode Island'],
  ['S.C.', 'South Carolina'],
  ['S.D.', 'South Dakota'],
  ['Tenn', 'Tennessee'],
  ['Tex', 'Texas'],
  ['Vt', 'Vermont'],
  ['Va', 'Virginia'],
  ['Wash', 'Washington'],
  ['W.Va.', 'West Virginia'],
  ['Wis', 'Wisconsin'],
  ['Wyo', 'Wyoming'],
]);

export const COUNTRIES = new Set(
  words(
    'Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|' +
      'Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Cambodia|Cameroon|Canada|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|' +
      'Cyprus|Czech Republic|Denmark|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|' +
      'Greece|Guatemala|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|' +
      'Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Malaysia|Mali|Malta|Mexico|' +
      'Moldova|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|' +
      'North Korea|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|' +
      'Rwanda|Saudi Arabia|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|' +
      'Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|Turkmenistan|Uganda|' +
      'Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|' +
      'Crimea|Gaza|West Bank|Kashmir|Tibet|Hong Kong|Scotland|Wales|England|Northern Ireland|Puerto Rico|Europe|Asia|Africa|' +
      'Latin America|Middle East|Antarctica|Arctic|Balkans|Caribbean|Pacific|Atlantic|' +
      // The rest of the world's states, and states of the recent past the archive still names.
      'Andorra|Antigua|Bahamas|Barbados|Belize|Benin|Bhutan|Botswana|Brunei|Burkina Faso|Burundi|Cape Verde|Chad|' +
      'Comoros|Djibouti|Dominica|Dominican Republic|East Timor|Equatorial Guinea|Eswatini|Fiji|Gabon|Gambia|Grenada|' +
      'Guinea|Guinea-Bissau|Guyana|Ivory Coast|Kiribati|Lesotho|Liberia|Liechtenstein|Macedonia|North Macedonia|' +
      'Madagascar|Malawi|Maldives|Mauritania|Mauritius|Monaco|Namibia|Nauru|Papua New Guinea|Samoa|San Marino|' +
      'Seychelles|Sierra Leone|Solomon Islands|Suriname|Surinam|Swaziland|Togo|Tonga|Trinidad|Tobago|Tuvalu|Vanuatu|' +
      'Vatican City|Zaire|Yugoslavia|Soviet Union|USSR|Czechoslovakia|East Germany|West Germany|Russian Federation|' +
      'Chechnya|Taiwan|Greenland|Faroe Islands|Gibraltar|Bermuda|Cayman Islands|Macau|Macao|Kurdistan|Dagestan|Abkhazia|Transylvania',
  ),
);

export const US_STATES = new Set(
  words(
    'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|' +
      'Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|' +
      'Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|' +
      'Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|' +
      'Wisconsin|Wyoming',
  ),
);

export const CITIES = new Set(
  words(
    'London|Paris|Berlin|Moscow|Beijing|Shanghai|Tokyo|Seoul|Delhi|New Delhi|Mumbai|Kolkata|Karachi|Lahore|Islamabad|Kabul|' +
      'Tehran|Baghdad|Damascus|Aleppo|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Dubai|Doha|Istanbul|Ankara|Athens|Rome|Milan|' +
      'Madrid|Barcelona|Lisbon|Dublin|Edinburgh|Manchester|Birmingham|Brussels|Amsterdam|The Hague|Geneva|Zurich|Vienna|' +
      'Prague|Warsaw|Budapest|Bucharest|Kiev|Kyiv|Minsk|Stockholm|Oslo|Copenhagen|Helsinki|Frankfurt|Munich|Hamburg|' +
      'Lagos|Nairobi|Johannesburg|Cape Town|Addis Ababa|Khartoum|Tripoli|Tunis|Algiers|Rabat|Bangkok|Hanoi|Jakarta|Manila|' +
      'Kuala Lumpur|Sydney|Melbourne|Canberra|Auckland|Toronto|Montreal|Vancouver|Ottawa|Mexico City|Havana|Caracas|Bogota|' +
      'Lima|Santiago|Buenos Aires|Sao Paulo|Rio de Janeiro|Brasilia|Washington|New York|Los Angeles|Chicago|Houston|' +
      'Philadelphia|Phoenix|San Antonio|San Diego|Dallas|San Francisco|Seattle|Boston|Miami|Atlanta|Detroit|Denver|' +
      'Las Vegas|Baltimore|Cleveland|Pittsburgh|Charlotte|Orlando|New Orleans|Minneapolis|St. Louis|Nashville|Austin|' +
      'Portland|Sacramento|Tulsa|Milwaukee|Cincinnati|Honolulu|Anchorage|Brooklyn|Manhattan|Queens|Bronx|Silicon Valley|' +
      'Hollywood|Wall Street|Pyongyang|Taipei|Singapore|Hong Kong|Kathmandu|Dhaka|Colombo|Yangon|Mosul|Raqqa|Gaza City|' +
      'Sochi|St. Petersburg|Donetsk|Luhansk|Sevastopol|Odessa|Belgrade|Sarajevo|Zagreb|Sofia|Riga|Vilnius|Tallinn',
  ),
);

/**
 * British towns whose names are clubs' names as often as places' ("Leeds" alone is the club in a
 * sports report): not known places, only what a team's name may open with ("Leeds Rhinos",
 * "Bradford Bulls"). Listed as places they cost precision (CoNLL dev LOC P 95.2 -> 94.7).
 */
export const CLUB_TOWNS = new Set(
  words(
    'Glasgow|Cardiff|Belfast|Liverpool|Leeds|Bradford|Sheffield|Newcastle|Bristol|Nottingham|Leicester|Coventry|' +
      'Southampton|Portsmouth|Swansea|Aberdeen|Dundee|Wigan|Warrington|Hull|Sunderland|Middlesbrough|Bolton|Oxford|Cambridge|' +
      'Castleford|Wakefield|Huddersfield|Halifax|Widnes|St Helens|Salford|Gloucester|Bath|Northampton|Worcester|Exeter|Llanelli|' +
      'Manchester|Birmingham|Norwich|Stoke|Derby|Ipswich|Luton|Swindon|Lincoln|York|Chester|Stockport|Peterborough|Plymouth|Grimsby',
  ),
);

// One Set instead of three lookups: asked for every name and every tag.
const KNOWN_PLACES = new Set([...COUNTRIES, ...US_STATES, ...CITIES]);
/** A country, US state or city of the gazetteer, written as the gazetteer writes it. */
export function isKnownPlace(name: string): boolean {
  return KNOWN_PLACES.has(name);
}

/** Well-known organisations, written as the press writes them. */
export const ORGS = new Set(
  words(
    'Twitter|Facebook|Google|Apple|Amazon|Microsoft|Netflix|Tesla|Uber|Instagram|YouTube|TikTok|WhatsApp|Snapchat|LinkedIn|' +
      'Reddit|Wikipedia|Samsung|Huawei|Sony|Toyota|Boeing|Airbus|Exxon|ExxonMobil|Chevron|Shell|BP|Gazprom|Walmart|' +
      'Goldman Sachs|Morgan Stanley|JPMorgan|Citigroup|Wells Fargo|Bank of America|Deutsche Bank|Barclays|HSBC|' +
      'Reuters|AP|Associated Press|AFP|Bloomberg|CNN|MSNBC|Fox News|Fox|BBC|NBC|CBS|ABC|NPR|PBS|Politico|Breitbart|' +
      'The New York Times|New York Times|The Washington Post|Washington Post|The Wall Street Journal|Wall Street Journal|' +
      'The Guardian|Guardian|USA Today|The Atlantic|Axios|BuzzFeed|Huffington Post|HuffPost|Time|Newsweek|The Economist|' +
      'Financial Times|Al Jazeera|RT|Sputnik|Xinhua|Tass|Interfax|PolitiFact|' +
      'United Nations|UN|U.N.|NATO|EU|European Union|European Commission|European Parliament|IMF|World Bank|WHO|WTO|OPEC|' +
      'FBI|CIA|NSA|NASA|Pentagon|Kremlin|White House|Congress|Senate|Supreme Court|Federal Reserve|Fed|Treasury|' +
      'State Department|Justice Department|Department of Justice|Homeland Security|DHS|EPA|FDA|CDC|IRS|SEC|FCC|FEMA|' +
      'Democratic Party|Republican Party|GOP|DNC|RNC|Labour|Conservative Party|Hamas|Hezbollah|Taliban|Islamic State|ISIS|' +
      'ISIL|Al Qaeda|al-Qaeda|Red Cross|Amnesty International|Human Rights Watch|Greenpeace|NAACP|ACLU|NRA|Vatican|' +
      'Harvard|Yale|Stanford|Oxford|Cambridge|MIT|Princeton',
  ),
);

/** Last words that make a capitalised phrase an organisation. */
export const ORG_HEADS = new Set(
  words(
    'Inc|Corp|Corporation|Co|Company|Ltd|LLC|Plc|Group|Holdings|Bank|Ministry|Department|Agency|Party|University|' +
      'College|School|Institute|Institution|Center|Centre|Council|Committee|Commission|Association|Foundation|Fund|' +
      'Federation|Union|Office|Bureau|Board|Authority|Administration|Service|Services|Court|Parliament|Assembly|' +
      'Senate|Congress|Caucus|Campaign|Organization|Organisation|Society|Network|News|Times|Post|Journal|Herald|Tribune|' +
      'Press|Daily|Gazette|Magazine|Review|Radio|Television|TV|Airlines|Airways|Motors|Technologies|Systems|Partners|' +
      'Capital|Church|Police|Army|Navy|Force|Forces|Guard|Club|League|Team|Project|Coalition|Alliance|Movement|Front|' +
      'Brigade|Reserve|Exchange|Hospital|Clinic|Museum|Library|Academy|Laboratory|Labs|Watch|Report|Channel|Studios|' +
      'Government|Corps|Embassy|Consulate|Energy|Oil|Pharmaceuticals|Foods|Insurance|Bancorp|Fargo|Sachs|Cabinet|Secretariat|Initiative|Trust|Industries|Enterprises|Media|Post-Dispatch|Observer|Examiner|' +
      'Semiconductor|Semiconductors|Software|Electronics|Robotics|Biotech|Therapeutics|Batteries|Steel|Mining|Shipping|' +
      'Logistics|Telecom|Communications|Entertainment|Brewing|Beverages|Apparel|Automotive|Aerospace|Chemicals|Solutions|' +
      // Football clubs: "Manchester United", "Blackburn Rovers", "Tottenham Hotspur", "Brighton and Hove Albion".
      'United|FC|Rovers|Athletic|Wanderers|Hotspur|Albion|' +
      // Company forms and trades: "Volkswagen AG", "Walt Disney Co.", "Salomon Brothers", "Slough Estates".
      'Inc.|Corp.|Co.|Ltd.|Bros.|AG|SA|NV|BV|GmbH|SpA|Bhd|Tbk|PLC|Brothers|Financial|Estates|Petroleum|Restaurants|Managers|' +
      'Securities|Pictures|Microsystems|Telecommunications|Associates|Investments|Resources|Properties|Realty|Minerals|' +
      'Mines|Cement|Companies|Unit|Consortium|Analytics|Records|Textiles|Utilities|Railways|Railroad|Airline|Broadcasting|Publishing|Networks|Computers|Ventures|Assurance|' +
      // Papers and carriers: "The Hollywood Reporter", "Daily Telegraph", "Northern Rail".
      'Reporter|Telegraph|Chronicle|Guardian|Mirror|Express|Courier|Inquirer|Bulletin|Dispatch|Monitor|Mail|Rail|Railway|Trains|Buses|Ferries|Transit',
  ),
);

/** Last words that make a capitalised phrase a place. */
export const PLACE_HEADS = new Set(
  words(
    'City|County|State|Province|Region|District|Island|Islands|Bay|River|Lake|Valley|Mountain|Mountains|Mount|Sea|' +
      'Ocean|Gulf|Coast|Peninsula|Strait|Desert|Park|Street|Avenue|Square|Heights|Beach|Falls|Canyon|Harbor|Harbour|Atoll',
  ),
);

/**
 * Lower-case nouns for a person's role. Right before a name ("campaign consultant Jo Roe") they
 * make it a person; after "the" they make a description of one ("the property tycoon").
 */
export const ROLE_NOUNS = new Set(
  words(
    'businessman|businesswoman|billionaire|mogul|tycoon|magnate|donor|governor|senator|mayor|nominee|candidate|' +
      'president|secretary|spokesman|spokeswoman|spokesperson|official|lawmaker|legislator|congressman|congresswoman|' +
      'representative|chairman|chairwoman|chair|leader|minister|premier|judge|justice|attorney|lawyer|prosecutor|' +
      'director|chief|executive|founder|economist|analyst|professor|manager|host|speaker|commander|general|ambassador|' +
      'diplomat|adviser|advisor|aide|strategist|pollster|activist|veteran|consultant|researcher|historian|scholar|' +
      'expert|critic|supporter|delegate|constituent|resident|owner|columnist|commentator|anchor|correspondent|' +
      'operative|surrogate|staffer|organizer|organiser|voter|officer|agent|developer|entrepreneur|investor|' +
      'pastor|preacher|evangelist|actor|actress|author|writer|comedian|singer|rapper|star|student|teacher|doctor|' +
      'physician|nurse|co-host|ally|speechwriter|counsel|lobbyist|fundraiser|campaigner|protester|sheriff|chaplain|bishop|rabbi|imam|priest|coach|player|journalist|reporter|editor|publisher',
  ),
);

/**
 * Common Chinese, Korean and Vietnamese family names, written first: "Li" alone is "Li Wenhao",
 * "Ban" is "Ban Ki-moon", "Xi" is "Xi Jinping".
 */
export const SURNAME_FIRST = new Set(
  words(
    'Li|Wang|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Zhu|Hu|Guo|Lin|Gao|Luo|Zheng|Liang|Xie|Song|Tang|Han|Feng|' +
      'Deng|Cao|Peng|Zeng|Xiao|Tian|Dong|Pan|Yuan|Cai|Jiang|Du|Ye|Cheng|Wei|Su|Ding|Ren|Shen|Yao|Xi|Hua|Qin|Wen|Bo|' +
      'Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Moon|Ban|Yoo|Shin|Kwon|Hwang|Ahn|Oh|Seo|' +
      'Nguyen|Tran|Pham|Hoang|Huynh|Phan|Vu|Vo|Dang|Bui|Ngo|Duong|Ly',
  ),
);

/** Titles stripped from person names; the value says the gender they imply ('' when none). */
export const PERSON_TITLES = new Map<string, string>([
  ['Mr', 'm'],
  ['Mr.', 'm'],
  ['Mrs', 'f'],
  ['Mrs.', 'f'],
  ['Ms', 'f'],
  ['Ms.', 'f'],
  ['Miss', 'f'],
  ['Sir', 'm'],
  ['Dame', 'f'],
  ['Lady', 'f'],
  ['Lord', 'm'],
  ['King', 'm'],
  ['Queen', 'f'],
  ['Prince', 'm'],
  ['Princess', 'f'],
  ['Pope', 'm'],
  ['Sheikh', 'm'],
  ['Dr', ''],
  ['Dr.', ''],
  ['Prof', ''],
  ['Prof.', ''],
  ['Professor', ''],
  ['President', ''],
  ['Vice', ''],
  ['Premier', ''],
  ['Chancellor', ''],
  ['Senator', ''],
  ['Sen.', ''],
  ['Rep.', ''],
  ['Representative', ''],
  ['Congressman', 'm'],
  ['Congresswoman', 'f'],
  ['Gov.', ''],
  ['Governor', ''],
  ['Mayor', ''],
  ['Judge', ''],
  ['Justice', ''],
  ['Gen.', ''],
  ['General', ''],
  ['Col.', ''],
  ['Colonel', ''],
  ['Lt.', ''],
  ['Capt.', ''],
  ['Captain', ''],
  ['Adm.', ''],
  ['Admiral', ''],
  ['Sgt.', ''],
  ['Sergeant', ''],
  ['Rev.', ''],
  ['Reverend', ''],
  ['Father', 'm'],
  ['Bishop', ''],
  ['Cardinal', ''],
  ['Rabbi', ''],
  ['Imam', ''],
  ['Ambassador', ''],
  ['Secretary', ''],
  ['Minister', ''],
  ['Prime', ''],
  ['Speaker', ''],
  ['Leader', ''],
  ['Chief', ''],
  ['Director', ''],
  ['Commissioner', ''],
  ['Councillor', ''],
  ['Councilor', ''],
  ['Councilman', 'm'],
  ['Councilwoman', 'f'],
  ['AG', ''],
  ['Officer', ''],
  ['Detective', ''],
  ['Attorney', ''],
  ['Del.', ''],
  ['Lawmaker', ''],
  ['Chairman', 'm'],
  ['Chairwoman', 'f'],
  ['Spokesman', 'm'],
  ['Spokeswoman', 'f'],
  ['Coach', ''],
  ['Host', ''],
  ['Candidate', ''],
  ['Nominee', ''],
  ['Pres.', ''],
  ['Supt.', ''],
  ['Insp.', ''],
  ['Det.', ''],
  ['Hon.', ''],
  ['Former', ''],
  ['State', ''],
  ['Foreign', ''],
  ['Defense', ''],
  ['Defence', ''],
  ['Interior', ''],
  ['Finance', ''],
  ['First', ''],
  ['Democrat', ''],
  ['Republican', ''],
  ['Democratic', ''],
  ['GOP', ''],
  ['Lady', 'f'],
  ['Treasurer', ''],
  ['Chair', ''],
  ['Chairperson', ''],
  ['CEO', ''],
  ['C.E.O.', ''],
  ['CFO', ''],
  ['C.F.O.', ''],
  ['Deputy', ''],
  ['Sheriff', ''],
  ['Superintendent', ''],
  ['Inspector', ''],
  ['Auditor', ''],
  ['Comptroller', ''],
  ['Trustee', ''],
  ['Dean', ''],
  ['Provost', ''],
  ['Rector', ''],
  ['Principal', ''],
  ['Alderman', 'm'],
  ['Assemblyman', 'm'],
  ['Assemblywoman', 'f'],
  ['Commander', ''],
  ['Archbishop', ''],
]);

// Title words that can also start an organisation or place ("State Department", "First Bank").
export const WEAK_TITLES = new Set([
  'State',
  'Foreign',
  'Defense',
  'Defence',
  'Interior',
  'Finance',
  'First',
  'Former',
  'Democrat',
  'Republican',
  'Democratic',
  'GOP',
  'Vice',
  'Prime',
  'Chief',
  'Director',
  'Leader',
  'Speaker',
  'Host',
  'Secretary',
  'Minister',
  'Attorney',
  'General',
  'Officer',
  'Candidate',
  'Nominee',
  'Lawmaker',
  'Coach',
  'Justice',
  // Also first names ("Dean Smith"): a title only before a full name ("Dean Mara Velt").
  'Dean',
  'Deputy',
  'Chair',
  'Principal',
]);

export const MALE_NAMES = new Set(
  words(
    'Aaron|Adam|Alan|Albert|Alex|Alexander|Alexei|Ali|Andrew|Andy|Anthony|Antonio|Arthur|Barack|Ben|Benjamin|Bernie|' +
      'Bill|Bob|Boris|Brad|Brian|Bruce|Carl|Carlos|Charles|Charlie|Chris|Christopher|Chuck|Colin|Craig|Dan|Daniel|Dave|' +
      'David|Dennis|Dick|Don|Donald|Doug|Douglas|Ed|Edward|Elon|Emmanuel|Eric|Frank|Fred|Gary|George|Gerald|Greg|Gregory|' +
      'Harold|Harry|Henry|Hugh|Ian|Ivan|Jack|Jacob|Jake|James|Jason|Jay|Jeb|Jeff|Jeffrey|Jeremy|Jerry|Jim|Jimmy|Joe|John|' +
      'Johnny|Jon|Jonathan|Jose|Joseph|Josh|Juan|Justin|Keith|Ken|Kenneth|Kevin|Kim|Larry|Lee|Leon|Luis|Marco|Mark|Martin|' +
      'Matt|Matthew|Max|Michael|Mike|Mitch|Mitt|Mohammed|Muhammad|Narendra|Neil|Newt|Nick|Nicholas|Nicolas|Oliver|Pat|' +
      'Patrick|Paul|Pete|Peter|Phil|Philip|Ralph|Rand|Randy|Ray|Recep|Reince|Richard|Rick|Rob|Robert|Roger|Ron|Ronald|' +
      'Rudy|Russell|Ryan|Sam|Samuel|Scott|Sean|Sergei|Sergey|Stephen|Steve|Steven|Ted|Terry|Thomas|Tim|Timothy|Todd|Tom|' +
      'Tony|Victor|Vladimir|Walter|Wayne|William|Xi|Yuri|Hans|Kurt|Frederick|Jean|Pierre|Francois|Angus|Emmanuel|Hassan|' +
      'Ahmed|Omar|Abdul|Benjamin|Bashar|Hosni|Recep|Justin|Shinzo|Jair|Volodymyr|Dmitry|Mikhail|Nikolai|Viktor|Enrique',
  ).concat(MORE_MALE_NAMES),
);

export const FEMALE_NAMES = new Set(
  words(
    'Alice|Alicia|Amanda|Amy|Ana|Andrea|Angela|Ann|Anna|Anne|Barbara|Betty|Beth|Brenda|Carly|Carol|Caroline|Catherine|' +
      'Chelsea|Christina|Christine|Claire|Cynthia|Deborah|Debbie|Diana|Diane|Donna|Dorothy|Elaine|Elizabeth|Ellen|Emily|' +
      'Emma|Eva|Frances|Gina|Hannah|Heather|Helen|Hillary|Ivanka|Jane|Janet|Jennifer|Jessica|Jill|Joan|Julia|Julie|Karen|' +
      'Kate|Katherine|Kathleen|Kathy|Kelly|Kellyanne|Kim|Laura|Lauren|Linda|Lisa|Liz|Lori|Madeleine|Margaret|Maria|Marie|' +
      'Marine|Martha|Mary|Megan|Megyn|Melania|Melanie|Melissa|Michelle|Nancy|Natalie|Nicola|Nicole|Nikki|Olivia|Pam|' +
      'Pamela|Patricia|Rachel|Rebecca|Rosa|Ruth|Sandra|Sara|Sarah|Sharon|Sheila|Sophie|Stephanie|Susan|Susana|Suzanne|' +
      'Theresa|Tina|Tulsi|Valerie|Victoria|Virginia|Wendy|Zoe|Ava|Marcia|Gwen|Claudia|Ursula|Jacinda|Condoleezza|Christiane',
  ).concat(MORE_FEMALE_NAMES),
);

/** A first name the gazetteer knows, a man's or a woman's. */
export const isFirstName = (word: string): boolean => MALE_NAMES.has(word) || FEMALE_NAMES.has(word);

/** Capitalised words that are not names when they open a sentence or stand alone. */
export const COMMON_CAPS = new Set(
  words(
    'The|A|An|And|But|Or|Nor|So|Yet|For|If|When|While|Where|Why|How|What|Who|Whom|Which|That|This|These|Those|There|' +
      'Then|Here|Now|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|Him|Them|Us|Me|In|On|At|By|To|From|With|' +
      'Without|After|Before|During|Since|Until|Over|Under|About|As|Of|Off|Into|Through|Across|Among|Against|Between|' +
      'Despite|Although|Though|Because|Unless|Whether|Once|Also|Still|Even|Just|Only|Many|Much|Most|More|Some|Any|All|' +
      'Both|Each|Every|No|Not|Yes|Other|Another|Such|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|First|Second|Third|' +
      'Last|Next|Few|Several|Meanwhile|However|Indeed|Instead|Later|Earlier|Today|Yesterday|Tomorrow|Tonight|Already|' +
      'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|January|February|March|April|May|June|July|August|' +
      'September|October|November|December|Mr|Mrs|Ms|Dr|Sir|Like|Unlike|Asked|Says|Said|According|Follow|Read|Watch|' +
      'Click|Share|Photo|Video|Image|Getty|Images|Updated|Editor|Note|Advertisement|Related|Why|Did|Do|Does|Is|Are|Was|' +
      'Were|Will|Would|Could|Should|Can|May|Might|Must|Has|Have|Had|Let|Please|Thanks|Well|Oh|Ok|Okay|Hey|Perhaps|Maybe|' +
      'Never|Always|Often|Sometimes|Again|Almost|Rather|Together|Overall|Finally|Recently|Currently|Previously|' +
      'Still|Though|Thus|Therefore|Hence|Besides|Nonetheless|Nevertheless|Otherwise|Especially|Particularly|Abstract|' +
      'Critics|Officials|Analysts|Experts|Observers|Opponents|Supporters|Residents|Witnesses|Investigators|Authorities|' +
      'Protesters|Voters|Lawmakers|Economists|Scientists|Researchers|Doctors|Teachers|Students|Parents|Workers|Sources|' +
      'Full|Text|Letters|Update|Breaking|Exclusive|Analysis|Opinion|Editorial|Commentary|Live|Sources|Source|' +
      // Participles that open a sentence ("Having said that, …", "Speaking on radio, …").
      'Having|Being|Speaking|Talking|Writing|Looking|Following|Given',
  ),
);

/** Adjectives and group nouns that look like names but are not entities on their own. */
export const NOT_ENTITIES = new Set(
  words(
    'Universe|Republican|Republicans|Democrat|Democrats|Democratic|Conservative|Conservatives|Liberal|Liberals|Independent|' +
      'American|Americans|Russian|Russians|Chinese|British|French|German|Germans|European|Europeans|Iranian|Iraqi|Syrian|' +
      'Israeli|Israelis|Palestinian|Palestinians|Ukrainian|Mexican|Mexicans|Canadian|Japanese|Korean|Indian|Muslim|' +
      'Muslims|Christian|Christians|Jewish|Jews|Catholic|Catholics|Black|White|Hispanic|Hispanics|Latino|Latinos|Latina|' +
      'African|Asian|Western|Eastern|Northern|Southern|Arab|Arabs|Sunni|Shiite|Kurdish|Kurds|Islamic|Islamist|Evangelical|' +
      'EDT|EST|PDT|PST|CDT|CST|GMT|UTC|BST|CET|PTSD|ER|ACA|FAQ|ID|IQ|DNA|HIV|AIDS|COVID|Internet|God|Lord|Earth|Sun|Mother|Dad|Mom|Oscar|Emmy|Grammy|OK|TV|CEO|GDP|PM|AM|PhD|MP|MPs|DJ|VP|' +
      // Roman numerals and common abbreviations that name no organisation.
      'II|III|IV|VI|VII|VIII|IX|XI|XII|RBI|RBIs|ERA|VAT|VIP|VIPs|MRI|LIBOR|BSE|CJD|DAX|FTSE|CAC|CAPS|OT|HR|GMT|ET|PT|CT|MT|NB|PS|AD|BC|GPS|SUV|SUVs|LGBT|LGBTQ|PDF|URL|HTML|CPI|PPI|IPO|IPOs|' +
      // Technologies, formats and genres, not makers: "a PC", "GSM phones", "R&B", "TBC" in a team list.
      'PC|PCs|CD|CDs|DVD|DVDs|GSM|SMS|MMS|PDA|PDAs|LCD|HD|HDTV|GB|MB|KB|USB|DSL|ADSL|MP3|RSS|PIN|ATM|ATMs|CPU|RAM|WiFi|Wi-Fi|' +
      'DAB|DMB|DVB|DVB-H|UMTS|WAP|VoIP|3G|R&B|TBC|TBA|CGI|AI|VR|IT|Q&A|R&D|M&A|PR|HQ',
  ),
);

/**
 * Nationalities: "the 24-year-old Hungarian said" speaks but names no one. Only a name that is the
 * nationality alone is dropped: a surname that is also one ("Mark Cuban", "Bryan English") keeps its
 * full name.
 */
export const DEMONYMS = new Set(
  words(
    'Hungarian|Hungarians|Polish|Poles|Dutch|Swedish|Swedes|Norwegian|Norwegians|Danish|Danes|Finnish|Finns|' +
      'Spanish|Spaniards|Italian|Italians|Portuguese|Greek|Greeks|Turkish|Turks|Egyptian|Egyptians|Afghan|Afghans|' +
      'Pakistani|Pakistanis|Nigerian|Nigerians|Kenyan|Kenyans|Brazilian|Brazilians|Argentine|Argentinian|Chilean|' +
      'Chileans|Colombian|Colombians|Venezuelan|Venezuelans|Cuban|Cubans|Australian|Australians|Irish|Scottish|Scots|' +
      'Welsh|English|Swiss|Austrian|Austrians|Belgian|Belgians|Czech|Czechs|Slovak|Slovaks|Romanian|Romanians|' +
      'Bulgarian|Bulgarians|Serbian|Serbs|Croatian|Croats|Lebanese|Jordanian|Jordanians|Yemeni|Yemenis|Libyan|' +
      'Libyans|Sudanese|Somali|Somalis|Ethiopian|Ethiopians|Vietnamese|Thai|Filipino|Filipinos|Indonesian|' +
      'Indonesians|Malaysian|Malaysians|Taiwanese|Koreans|Ukrainians|Belarusian|Belarusians|Armenian|Armenians|' +
      'Azerbaijani|Kazakh|Uzbek|Icelandic|Estonian|Estonians|Latvian|Latvians|Lithuanian|Lithuanians|Moroccan|' +
      'Moroccans|Algerian|Algerians|Tunisian|Tunisians|Ghanaian|Ghanaians|Ugandan|Ugandans|Tanzanian|Tanzanians|' +
      'Zimbabwean|Zimbabweans|Peruvian|Peruvians|Bolivian|Bolivians|Ecuadorian|Haitian|Haitians|Jamaican|Jamaicans|' +
      'Nepali|Nepalese|Bangladeshi|Bangladeshis|Burmese|Cambodian|Cambodians|Mongolian|Qatari|Qataris|Emirati|' +
      'Emiratis|Kuwaiti|Kuwaitis|Omani|Bahraini|Persian|Persians|Indians|Japanese|Singaporean|Singaporeans|Brits|' +
      'Britons|Scandinavian|Scandinavians|Baltic|Slavic|Nordic|Latin',
  ),
);

/** Last words of events, laws and works: such phrases are not people. */
export const THING_HEADS = new Set(
  words(
    'Act|Agreement|Accord|Accords|Treaty|Day|Week|War|Plan|Law|Bill|Amendment|Deal|Summit|Games|Cup|Olympics|Award|' +
      'Awards|Prize|Festival|Conference|Convention|Show|Series|Debate|Program|Programme|Prize|Index|Rule|Doctrine|Era|' +
      'Revolution|Crisis|Movement|Declaration|Constitution|Code|Virus|Syndrome|Disease|Month|Year|Hall|Building|Tower|' +
      'Airport|Station|Stadium|Bridge|Ave|Road|Highway|Trail|Room',
  ),
);

export const MONTHS = new Set(words('January|February|March|April|May|June|July|August|September|October|November|December'));
