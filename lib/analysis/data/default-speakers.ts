// Built-in speakers that recur across international news. The app merges its
// own (editor-maintained) speakers over these, so this list only has to cover
// the institutions wire copy names without introduction.

/** Spelled as the database's SpeakerKind (which has no "document"), so no table translates it. */
export type SpeakerKind = "person" | "organisation" | "government" | "document";

export interface SpeakerEntry {
  /** Stable id, shared with the app's database when it supplies the entry. */
  id: string;
  /** Display name; what the CLI prints as "speaker". */
  name: string;
  kind: SpeakerKind;
  /** Other names outlets use; matched case-insensitively, "the" ignored. */
  aliases: string[];
  /** For documents: the speaker whose words the document carries. */
  issuerId?: string;
  /**
   * The wider body this one belongs to (State Department → U.S. Government).
   * Outlets switch freely between the two ("Washington said"), so claim
   * matching treats a parent as compatible with its parts.
   */
  parentId?: string;
}

const US: SpeakerEntry[] = [
  {
    id: "us-state-dept", parentId: "us-govt",
    name: "U.S. Department of State",
    kind: "government",
    aliases: [
      "State Department", "U.S. State Department", "US State Department", "United States State Department",
      "Department of State", "U.S. Department of State", "US Department of State", "State Dept", "State Dept.",
      "State", "Foggy Bottom", "State Department spokesperson", "State Department spokesman",
      "State Department spokeswoman", "State Department official", "State Department officials",
      "Bureau of Counterterrorism", "State Department Bureau of Counterterrorism",
    ],
  },
  {
    id: "us-dod", parentId: "us-govt",
    name: "U.S. Department of Defense",
    kind: "government",
    aliases: [
      "Pentagon", "U.S. Pentagon", "Department of Defense", "U.S. Department of Defense", "Defense Department",
      "U.S. Defense Department", "DoD", "Pentagon spokesman", "Pentagon spokesperson", "Pentagon officials",
      "Department of War", "War Department",
    ],
  },
  {
    id: "us-white-house", parentId: "us-govt",
    name: "The White House",
    kind: "government",
    aliases: ["White House", "White House spokesperson", "White House press secretary", "Oval Office"],
  },
  {
    id: "us-govt",
    name: "U.S. Government",
    kind: "government",
    aliases: [
      "Washington", "U.S.", "US", "United States", "U.S. government", "US government", "United States government",
      "American government", "U.S. administration", "US administration", "U.S. officials", "US officials",
      "American officials",
    ],
  },
  { id: "us-doj", parentId: "us-govt", name: "U.S. Department of Justice", kind: "government", aliases: ["Justice Department", "Department of Justice", "DOJ", "U.S. Justice Department"] },
  { id: "us-treasury", parentId: "us-govt", name: "U.S. Department of the Treasury", kind: "government", aliases: ["Treasury Department", "Treasury", "U.S. Treasury", "Department of the Treasury"] },
  { id: "us-dhs", parentId: "us-govt", name: "U.S. Department of Homeland Security", kind: "government", aliases: ["Homeland Security Department", "Department of Homeland Security", "DHS"] },
  { id: "us-cia", parentId: "us-govt", name: "Central Intelligence Agency", kind: "government", aliases: ["CIA", "Langley"] },
  { id: "us-fbi", parentId: "us-govt", name: "Federal Bureau of Investigation", kind: "government", aliases: ["FBI"] },
  { id: "us-odni", parentId: "us-govt", name: "Office of the Director of National Intelligence", kind: "government", aliases: ["ODNI", "Director of National Intelligence", "U.S. intelligence community"] },
  { id: "us-congress", parentId: "us-govt", name: "U.S. Congress", kind: "government", aliases: ["Congress", "Capitol Hill"] },
  { id: "us-centcom", parentId: "us-govt", name: "U.S. Central Command", kind: "government", aliases: ["CENTCOM", "Central Command"] },
  { id: "usaid", parentId: "us-govt", name: "U.S. Agency for International Development", kind: "government", aliases: ["USAID"] },
  { id: "us-sigar", parentId: "us-govt", name: "Special Inspector General for Afghanistan Reconstruction", kind: "government", aliases: ["SIGAR"] },
];

const INTERNATIONAL: SpeakerEntry[] = [
  { id: "un", name: "United Nations", kind: "organisation", aliases: ["UN", "U.N.", "United Nations"] },
  { id: "un-secretary-general", name: "UN Secretary-General", kind: "person", aliases: ["U.N. Secretary-General", "Secretary-General", "UN chief", "U.N. chief"] },
  { id: "unsc", name: "UN Security Council", kind: "organisation", aliases: ["Security Council", "U.N. Security Council", "United Nations Security Council"] },
  { id: "wfp", parentId: "un", name: "World Food Programme", kind: "organisation", aliases: ["WFP", "World Food Program", "UN World Food Programme", "U.N. World Food Program", "UN food agency", "U.N. food agency"] },
  { id: "fao", parentId: "un", name: "Food and Agriculture Organization", kind: "organisation", aliases: ["FAO", "UN Food and Agriculture Organization", "U.N. Food and Agriculture Organization"] },
  { id: "ocha", parentId: "un", name: "UN Office for the Coordination of Humanitarian Affairs", kind: "organisation", aliases: ["OCHA", "UN humanitarian office", "U.N. humanitarian office", "UN humanitarian agency"] },
  { id: "undp", parentId: "un", name: "UN Development Programme", kind: "organisation", aliases: ["UNDP", "United Nations Development Programme"] },
  { id: "unfpa", parentId: "un", name: "UN Population Fund", kind: "organisation", aliases: ["UNFPA", "United Nations Population Fund"] },
  { id: "unrwa", parentId: "un", name: "UNRWA", kind: "organisation", aliases: ["UN Relief and Works Agency", "UN agency for Palestinian refugees"] },
  { id: "unhcr", name: "UNHCR", kind: "organisation", aliases: ["UN refugee agency", "U.N. refugee agency", "United Nations High Commissioner for Refugees"] },
  { id: "unicef", name: "UNICEF", kind: "organisation", aliases: ["United Nations Children's Fund", "UN children's agency"] },
  { id: "unodc", name: "UN Office on Drugs and Crime", kind: "organisation", aliases: ["UNODC", "United Nations Office on Drugs and Crime"] },
  { id: "unama", name: "UN Assistance Mission in Afghanistan", kind: "organisation", aliases: ["UNAMA", "United Nations Assistance Mission in Afghanistan"] },
  { id: "who", name: "World Health Organization", kind: "organisation", aliases: ["WHO"] },
  { id: "imf", name: "International Monetary Fund", kind: "organisation", aliases: ["IMF"] },
  { id: "world-bank", name: "World Bank", kind: "organisation", aliases: ["World Bank Group"] },
  { id: "nato", name: "NATO", kind: "organisation", aliases: ["North Atlantic Treaty Organization", "Atlantic alliance"] },
  { id: "eu", name: "European Union", kind: "organisation", aliases: ["EU", "E.U.", "Brussels"] },
  { id: "european-commission", name: "European Commission", kind: "organisation", aliases: ["EU Commission"] },
  { id: "fatf", name: "Financial Action Task Force", kind: "organisation", aliases: ["FATF"] },
  { id: "iaea", name: "International Atomic Energy Agency", kind: "organisation", aliases: ["IAEA", "U.N. nuclear watchdog", "UN nuclear watchdog"] },
  { id: "icc", name: "International Criminal Court", kind: "organisation", aliases: ["ICC"] },
  { id: "icrc", name: "International Committee of the Red Cross", kind: "organisation", aliases: ["ICRC", "Red Cross"] },
  { id: "amnesty", name: "Amnesty International", kind: "organisation", aliases: ["Amnesty"] },
  { id: "hrw", name: "Human Rights Watch", kind: "organisation", aliases: ["HRW"] },
  { id: "msf", name: "Doctors Without Borders", kind: "organisation", aliases: ["MSF", "Medecins Sans Frontieres", "Médecins Sans Frontières"] },
  { id: "taliban", name: "Taliban", kind: "organisation", aliases: ["Afghan Taliban", "Taliban spokesman", "Islamic Emirate of Afghanistan"] },
  { id: "isis", name: "Islamic State", kind: "organisation", aliases: ["ISIS", "ISIL", "Daesh", "IS"] },
];

// Countries whose ministries and governments are quoted often. Names are
// generated from these rows so every country gets the same alias patterns.
const COUNTRIES: [slug: string, country: string, demonym: string, capital: string][] = [
  ["pak", "Pakistan", "Pakistani", "Islamabad"],
  ["ind", "India", "Indian", "New Delhi"],
  ["afg", "Afghanistan", "Afghan", "Kabul"],
  ["chn", "China", "Chinese", "Beijing"],
  ["rus", "Russia", "Russian", "Moscow"],
  ["irn", "Iran", "Iranian", "Tehran"],
  ["irq", "Iraq", "Iraqi", "Baghdad"],
  ["syr", "Syria", "Syrian", "Damascus"],
  ["tur", "Turkey", "Turkish", "Ankara"],
  ["isr", "Israel", "Israeli", "Jerusalem"],
  ["sau", "Saudi Arabia", "Saudi", "Riyadh"],
  ["are", "United Arab Emirates", "Emirati", "Abu Dhabi"],
  ["qat", "Qatar", "Qatari", "Doha"],
  ["egy", "Egypt", "Egyptian", "Cairo"],
  ["jor", "Jordan", "Jordanian", "Amman"],
  ["lbn", "Lebanon", "Lebanese", "Beirut"],
  ["ukr", "Ukraine", "Ukrainian", "Kyiv"],
  ["gbr", "United Kingdom", "British", "London"],
  ["fra", "France", "French", "Paris"],
  ["deu", "Germany", "German", "Berlin"],
  ["ita", "Italy", "Italian", "Rome"],
  ["esp", "Spain", "Spanish", "Madrid"],
  ["pol", "Poland", "Polish", "Warsaw"],
  ["jpn", "Japan", "Japanese", "Tokyo"],
  ["kor", "South Korea", "South Korean", "Seoul"],
  ["prk", "North Korea", "North Korean", "Pyongyang"],
  ["twn", "Taiwan", "Taiwanese", "Taipei"],
  ["bgd", "Bangladesh", "Bangladeshi", "Dhaka"],
  ["lka", "Sri Lanka", "Sri Lankan", "Colombo"],
  ["npl", "Nepal", "Nepalese", "Kathmandu"],
  ["uzb", "Uzbekistan", "Uzbek", "Tashkent"],
  ["tjk", "Tajikistan", "Tajik", "Dushanbe"],
  ["kaz", "Kazakhstan", "Kazakh", "Astana"],
  ["idn", "Indonesia", "Indonesian", "Jakarta"],
  ["phl", "Philippines", "Philippine", "Manila"],
  ["nga", "Nigeria", "Nigerian", "Abuja"],
  ["ken", "Kenya", "Kenyan", "Nairobi"],
  ["eth", "Ethiopia", "Ethiopian", "Addis Ababa"],
  ["som", "Somalia", "Somali", "Mogadishu"],
  ["zaf", "South Africa", "South African", "Pretoria"],
  ["bra", "Brazil", "Brazilian", "Brasilia"],
  ["mex", "Mexico", "Mexican", "Mexico City"],
  ["can", "Canada", "Canadian", "Ottawa"],
  ["aus", "Australia", "Australian", "Canberra"],
  ["ven", "Venezuela", "Venezuelan", "Caracas"],
  ["yem", "Yemen", "Yemeni", "Sanaa"],
  ["lby", "Libya", "Libyan", "Tripoli"],
  ["pse", "Palestine", "Palestinian", "Ramallah"],
];

function countryEntries([slug, country, demonym, capital]: (typeof COUNTRIES)[number]): SpeakerEntry[] {
  const poss = `${country}'s`;
  const mofa: SpeakerEntry = {
    id: `${slug}-mofa`,
    parentId: `${slug}-govt`,
    name: `Ministry of Foreign Affairs of ${country}`,
    kind: "government",
    aliases: [
      `${demonym} Foreign Ministry`, `${country} Foreign Ministry`, `${poss} Foreign Ministry`,
      `${demonym} Foreign Affairs Ministry`, `${country} Foreign Affairs Ministry`, `${poss} Foreign Affairs Ministry`,
      `${demonym} Ministry of Foreign Affairs`, `${poss} Ministry of Foreign Affairs`, `Ministry of Foreign Affairs of ${country}`,
      `${demonym} Foreign Office`, `${country} Foreign Office`, `${poss} Foreign Office`,
      `${demonym} foreign ministry spokesperson`, `${demonym} foreign ministry spokesman`,
      `${demonym} foreign ministry spokeswoman`, `${demonym} Foreign Office spokesperson`,
      `${demonym} Foreign Office spokesman`, `${demonym} foreign minister`, `${poss} foreign minister`,
    ],
  };
  const govt: SpeakerEntry = {
    id: `${slug}-govt`,
    name: `Government of ${country}`,
    kind: "government",
    aliases: [
      country, capital, `${demonym} government`, `${country} government`, `${poss} government`,
      `${demonym} authorities`, `${demonym} officials`, `${demonym} state`, `Government of ${country}`,
    ],
  };
  const mil: SpeakerEntry = {
    id: `${slug}-military`,
    parentId: `${slug}-govt`,
    name: `${demonym} military`,
    kind: "government",
    aliases: [
      `${demonym} army`, `${poss} military`, `${poss} army`, `${demonym} armed forces`,
      `${demonym} Ministry of Defense`, `${demonym} Ministry of Defence`, `${demonym} Defense Ministry`,
      `${demonym} Defence Ministry`, `${poss} Defense Ministry`, `${poss} Defence Ministry`,
    ],
  };
  return [mofa, govt, mil];
}

const UK_EXTRA: SpeakerEntry[] = [
  { id: "gbr-pm-office", name: "Downing Street", kind: "government", aliases: ["Number 10", "No. 10", "No 10"] },
  { id: "gbr-fcdo", name: "Foreign, Commonwealth and Development Office", kind: "government", aliases: ["FCDO", "Whitehall"] },
  { id: "rus-kremlin", name: "The Kremlin", kind: "government", aliases: ["Kremlin"] },
  { id: "fra-quai", name: "Ministry for Europe and Foreign Affairs of France", kind: "government", aliases: ["Quai d'Orsay", "Elysee", "Élysée"] },
];

/**
 * Recurring reports whose words outlets attribute to the report itself
 * ("the report said"): each resolves to the body that issues it.
 */
const DOCUMENTS: SpeakerEntry[] = [
  {
    id: "doc-country-reports-terrorism", name: "Country Reports on Terrorism", kind: "document", issuerId: "us-state-dept",
    aliases: ["Country Report on Terrorism", "Country Reports on Terrorism", "annual terrorism report"],
  },
  {
    id: "doc-country-reports-human-rights", name: "Country Reports on Human Rights Practices", kind: "document", issuerId: "us-state-dept",
    aliases: ["Country Report on Human Rights Practices", "human rights report"],
  },
  { id: "doc-tip-report", name: "Trafficking in Persons Report", kind: "document", issuerId: "us-state-dept", aliases: ["TIP report", "Trafficking in Persons"] },
  { id: "doc-irf-report", name: "International Religious Freedom Report", kind: "document", issuerId: "us-state-dept", aliases: ["religious freedom report"] },
  { id: "doc-incsr", name: "International Narcotics Control Strategy Report", kind: "document", issuerId: "us-state-dept", aliases: ["INCSR"] },
  {
    id: "doc-1225-report", name: "Enhancing Security and Stability in Afghanistan", kind: "document", issuerId: "us-dod",
    aliases: ["Enhancing Security and Stability in Afghanistan", "report to Congress on Afghanistan"],
  },
  { id: "doc-nds", name: "National Defense Strategy", kind: "document", issuerId: "us-dod", aliases: ["National Defense Strategy"] },
  { id: "doc-npr", name: "Nuclear Posture Review", kind: "document", issuerId: "us-dod", aliases: ["Nuclear Posture Review"] },
  { id: "doc-cmpr", name: "China Military Power Report", kind: "document", issuerId: "us-dod", aliases: ["Military and Security Developments Involving the People's Republic of China", "China military power report"] },
  { id: "doc-nss", name: "National Security Strategy", kind: "document", issuerId: "us-white-house", aliases: ["National Security Strategy"] },
  { id: "doc-ata", name: "Annual Threat Assessment", kind: "document", issuerId: "us-odni", aliases: ["Annual Threat Assessment", "worldwide threat assessment"] },
  { id: "doc-world-drug-report", name: "World Drug Report", kind: "document", issuerId: "unodc", aliases: ["World Drug Report"] },
  { id: "doc-weo", name: "World Economic Outlook", kind: "document", issuerId: "imf", aliases: ["World Economic Outlook"] },
  { id: "doc-sigar-quarterly", name: "SIGAR Quarterly Report to Congress", kind: "document", issuerId: "us-sigar", aliases: ["SIGAR quarterly report"] },
];

export const DEFAULT_SPEAKERS: readonly SpeakerEntry[] = [
  ...US,
  ...INTERNATIONAL,
  ...COUNTRIES.flatMap(countryEntries),
  ...UK_EXTRA,
  ...DOCUMENTS,
];
