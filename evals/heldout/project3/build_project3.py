#!/usr/bin/env python3
"""Generator for project 3 of the held-out evaluation set (fictional UNDP Kyrgyzstan project "Jer-Suu").

Content is held as data (blocks and table grids) and written three ways from the same model:
  txt/NAME.txt   - what a Word plain-text export looks like: one paragraph per line, no blank lines
                   between paragraphs, a blank line around each table; table rows one per line with
                   tab-separated cells; a horizontally merged cell is written once; a vertically merged
                   continuation cell is written empty; two-row headers stay two lines.
  docx/NAME.docx - python-docx with real Word tables (merged cells, repeated header rows, landscape
                   sections for the wide tables).
  pdf/NAME.pdf   - LibreOffice headless conversion of the DOCX.

Usage: /work/main/.venv/bin/python evals/heldout/project3/build_project3.py [--no-pdf]
All content is fictional (see NOTES.md).
"""

import os
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))

L = "<<MERGE_LEFT>>"  # cell merged into the cell on its left
U = "<<MERGE_UP>>"  # cell merged into the cell above


def sp(n):
    """Work-plan number format: thousands separated by a normal space (e.g. 1 320 000)."""
    return f"{n:,}".replace(",", " ")


def cm(n):
    return f"{n:,}"


# ---------------------------------------------------------------------------------------------
# Block helpers
# ---------------------------------------------------------------------------------------------


def T(rows, header_rows=1, widths=None, font=9, shade_rows=(), bold_rows=(), bold_first_col=False,
      no_header=False):
    return ("table", dict(rows=rows, header_rows=0 if no_header else header_rows, widths=widths,
                          font=font, shade_rows=set(shade_rows), bold_rows=set(bold_rows),
                          bold_first_col=bold_first_col))


def H1(t):
    return ("h1", t)


def H2(t):
    return ("h2", t)


def P(t):
    return ("p", t)


def B(t):
    return ("bullet", t)


TITLE = lambda t: ("title", t)  # noqa: E731
LAND = ("landscape", None)
PORT = ("portrait", None)

# ---------------------------------------------------------------------------------------------
# Shared facts
# ---------------------------------------------------------------------------------------------

PTITLE = ("Jer-Suu – Climate-Resilient Agriculture and Irrigation for Smallholder Farmers in "
          "Naryn, Talas and Jalal-Abad Oblasts")
PNUM = "01004517"

# Work plan data: (activity, responsible party, funding source, budget line, [2024, 2025, 2026, 2027])
WP = [
    ("Output 1: Climate information and agro-advisory services for farmers strengthened (GEN1)", "Output 1 subtotal", [
        ("1.1 Install and commission 26 automated agro-meteorological stations and train Kyrgyzhydromet technicians",
         "Kyrgyzhydromet / UNDP", "EU", "Equipment; installation services; training", [180000, 220000, 60000, 20000]),
        ("1.2 Develop and operate the SMS and mobile agro-advisory service",
         "RAS / UNDP", "EU", "Contractual services – companies; IT services", [30000, 80000, 70000, 50000]),
        ("1.3 Drought and frost early warning protocols for the three oblasts",
         "Kyrgyzhydromet / Ministry of Emergency Situations", "UNDP TRAC", "Local consultants; workshops",
         [15000, 35000, 30000, 10000]),
    ]),
    ("Output 2: Irrigation infrastructure rehabilitated and managed by water user associations (GEN2)", "Output 2 subtotal", [
        ("2.1 Technical design and environmental and social assessment of irrigation schemes",
         "Water Resources Service / UNDP", "EU", "Contractual services – companies", [120000, 60000, 20000, 0]),
        ("2.2 Rehabilitation of 140 km of on-farm and inter-farm irrigation canals and hydraulic structures",
         "UNDP / construction contractors", "EU", "Civil works", [250000, 1100000, 1050000, 400000]),
        ("2.3 Drip and sprinkler irrigation demonstration plots cost-shared with farmers",
         "RAS", "SDC", "Equipment; grants", [30000, 90000, 110000, 70000]),
        ("2.4 WUA capacity development: water management plans, tariffs and women's participation in councils",
         "UWUA / UNDP", "SDC", "Trainings; local consultants", [40000, 70000, 80000, 60000]),
    ]),
    ("Output 3: Smallholder farmers, especially women and youth, adopt climate-resilient practices and access "
     "finance and markets (GEN2)", "Output 3 subtotal", [
        ("3.1 Farmer field schools on climate-resilient practices",
         "RAS", "SDC", "Trainings; training materials", [60000, 140000, 150000, 100000]),
        ("3.2 Matching grants for 120 agribusinesses led by women or youth",
         "UNDP", "EU", "Grants", [0, 250000, 300000, 150000]),
        ("3.3 Index-based crop and livestock insurance pilot with partner insurers",
         "UNDP / partner insurers", "UNDP TRAC", "Contractual services; premium subsidies", [0, 60000, 90000, 70000]),
        ("3.4 Knowledge management, South-South exchange and communication",
         "UNDP", "UNDP TRAC", "Publications; travel; audio-visual services", [20000, 30000, 30000, 50000]),
    ]),
    ("Project management and M&E", "Project management and M&E subtotal", [
        ("PM.1 Project Management Unit (Project Manager, M&E and Gender Officer, Finance and Administration "
         "Associate, Irrigation Engineer, three oblast coordinators)",
         "UNDP", "EU", "Service contracts – individuals", [140000, 150000, 150000, 150000]),
        ("PM.2 Monitoring, evaluation and audits (incl. mid-term and final evaluations)",
         "UNDP", "UNDP TRAC", "Consultants; audit fees; travel", [15000, 30000, 60000, 75000]),
        ("PM.3 Direct project costs",
         "UNDP", "UNDP TRAC", "Direct project costing", [20000, 25000, 25000, 20000]),
    ]),
]


def wp_figures():
    subt, years, gms_base = [], [0, 0, 0, 0], [0, 0, 0, 0]
    by_source = {}
    for _, _, acts in WP:
        s = [0, 0, 0, 0]
        for _, _, src, _, ys in acts:
            for i, y in enumerate(ys):
                s[i] += y
                years[i] += y
                if src in ("EU", "SDC"):
                    gms_base[i] += y
            by_source[src] = by_source.get(src, 0) + sum(ys)
        subt.append(s)
    gms = [round(v * 0.08) for v in gms_base]
    grand = [a + b for a, b in zip(years, gms)]
    return subt, years, gms, grand, by_source


SUBT, YEARS, GMS, GRAND, BY_SOURCE = wp_figures()
# consistency checks of the design figures
assert [sum(s) for s in SUBT] == [800000, 3550000, 1500000, 860000], [sum(s) for s in SUBT]
assert YEARS == [920000, 2340000, 2225000, 1225000], YEARS
assert GMS == [68000, 172800, 159200, 80000] and sum(GMS) == 480000, GMS
assert sum(GRAND) == 7190000 and GRAND == [988000, 2512800, 2384200, 1305000], GRAND
assert BY_SOURCE == {"EU": 5000000, "SDC": 1000000, "UNDP TRAC": 710000}, BY_SOURCE
assert 5000000 * 1.08 == 5400000 and 1000000 * 1.08 == 1080000


def work_plan_table():
    head1 = ["Output", "Activity", "Responsible party", "Funding source", "Budget line",
             "Planned budget by year (USD)", L, L, L, "Total (USD)"]
    head2 = [U, U, U, U, U, "2024", "2025", "2026", "2027", U]
    rows = [head1, head2]
    bold = set()
    for (otitle, stlabel, acts), s in zip(WP, SUBT):
        for k, (act, resp, src, line, ys) in enumerate(acts):
            rows.append([otitle if k == 0 else U, act, resp, src, line] + [sp(y) for y in ys] + [sp(sum(ys))])
        rows.append([stlabel, L, L, L, L] + [sp(y) for y in s] + [sp(sum(s))])
        bold.add(len(rows) - 1)
    rows.append(["Total programmable budget (excluding GMS)", L, L, L, L] + [sp(y) for y in YEARS] + [sp(sum(YEARS))])
    bold.add(len(rows) - 1)
    rows.append(["GMS (8%) on EU and SDC contributions", L, L, L, L] + [sp(y) for y in GMS] + [sp(sum(GMS))])
    bold.add(len(rows) - 1)
    rows.append(["Grand total", L, L, L, L] + [sp(y) for y in GRAND] + [sp(sum(GRAND))])
    bold.add(len(rows) - 1)
    return T(rows, header_rows=2, widths=[3.0, 5.1, 2.5, 1.8, 2.7, 2.0, 2.0, 2.0, 2.0, 2.2], font=8,
             bold_rows=bold, shade_rows=bold)


# ---------------------------------------------------------------------------------------------
# Document 1: project document
# ---------------------------------------------------------------------------------------------

RF_ROWS = [
    ["Output indicator", "Baseline", "Targets", L, L, L, "Means of verification", "Collection method and risks"],
    [U, U, "Year 1", "Year 2", "Year 3", "Year 4", U, U],
    ["Output 1: Climate information and agro-advisory services for farmers strengthened (GEN1)", L, L, L, L, L, L, L],
    ["OI 1.1 Number of automated agro-meteorological stations in the three oblasts transmitting data to Kyrgyzhydromet",
     "14 (2023)", "20", "32", "40", "40", "Kyrgyzhydromet station register",
     "Annual check of data transmission; risk: vandalism and power cuts"],
    ["OI 1.2 Number of farmers receiving seasonal and weekly agro-advisories by SMS or mobile app (share of women)",
     "0 (2023)", "5,000", "15,000", "28,000", "35,000 (30% women)", "Advisory platform subscriber database",
     "Quarterly extract; risk: duplicate phone numbers"],
    ["OI 1.3 Number of oblasts with an approved drought and frost early warning protocol",
     "0 (2023)", "0", "1", "3", "3", "Orders of the oblast administrations", "Document review; annual"],
    ["Output 2: Irrigation infrastructure rehabilitated and managed by water user associations (GEN2)", L, L, L, L, L, L, L],
    ["OI 2.1 Length of on-farm and inter-farm irrigation canals rehabilitated (km)",
     "0 (2023)", "15", "60", "110", "140", "Acceptance certificates of civil works",
     "Joint site inspection with the Water Resources Service; construction season only"],
    ["OI 2.2 Area of farmland with improved irrigation water supply (ha)",
     "0 (2023)", "1,200", "4,500", "8,000", "9,600", "WUA service area records",
     "Semi-annual; risk: overlapping service areas"],
    ["OI 2.3 Number of water user associations (WUAs) with an approved climate-adapted water management plan and tariff",
     "6 (2023)", "10", "20", "30", "36", "Plans approved by district water management departments",
     "Document review; annual"],
    ["OI 2.4 Share of women on WUA governing councils (%)",
     "7% (2023)", "10%", "15%", "20%", "25%", "WUA council membership lists", "Annual survey of all target WUAs"],
    ["Output 3: Smallholder farmers, especially women and youth, adopt climate-resilient practices and access finance "
     "and markets (GEN2)", L, L, L, L, L, L, L],
    ["OI 3.1 Number of smallholder farmers trained through farmer field schools (share of women)",
     "0 (2023)", "1,500", "5,000", "9,000", "12,000 (at least 40% women)", "RAS training records",
     "Attendance lists; semi-annual"],
    ["OI 3.2 Area under climate-resilient practices (drought-tolerant varieties, conservation agriculture, drip "
     "irrigation) (ha)", "350 (2023)", "800", "2,500", "4,800", "6,000", "RAS field monitoring; farmer outcome survey",
     "Sample survey in 2024, 2025 and 2027; risk: self-reporting bias"],
    ["OI 3.3 Number of agribusinesses led by women or youth receiving matching grants",
     "0 (2023)", "0", "40", "90", "120", "Grant database", "Grant agreements and monitoring visits; semi-annual"],
    ["OI 3.4 Number of farmers covered by index-based crop or livestock insurance",
     "0 (2023)", "0", "1,000", "2,500", "4,000", "Insurer policy records", "Semi-annual; risk: no insurer participates"],
]

MON_ROWS = [
    ["Monitoring activity", "Frequency", "Responsible", "Cost (USD)", "Purpose and expected action"],
    ["Track results progress", "Quarterly", "M&E and Gender Officer", "12,000",
     "Data on the results framework indicators are collected and analysed; slower than expected progress is "
     "addressed by project management."],
    ["Field verification of civil works", "Monthly from April to October",
     "Irrigation Engineer and oblast coordinators, with the Water Resources Service", "10,000",
     "Quality and progress of canal rehabilitation are checked before acceptance certificates are signed."],
    ["Farmer outcome survey", "2024 (baseline), 2025 (mid-line), 2027 (end-line)",
     "M&E and Gender Officer with a contracted survey company", "15,000",
     "Measures adoption of practices, yields and income of participating farmers, disaggregated by sex and age."],
    ["Monitor and manage risk", "Quarterly", "Project Manager", "–",
     "Risks are reviewed, the risk log in Annex 1 is updated and actions are taken to manage risks."],
    ["Learn", "At least annually", "Project team", "5,000",
     "Lessons are captured, including from other projects and partners, and used to inform management decisions."],
    ["Annual project quality assurance", "Annually", "UNDP Country Office", "–",
     "The project is assessed against UNDP quality standards; weaknesses are addressed by project management."],
    ["Review and make course corrections", "Every six months", "Project Board", "–",
     "Performance data, risks, lessons and quality are discussed by the Project Board and management actions agreed."],
    ["Progress reports", "Semi-annually and annually; final report within three months of the end date",
     "Project Manager", "3,000",
     "Reports with progress against annual targets, an updated risk log and financial delivery are presented to "
     "the Project Board."],
]

EVAL_ROWS = [
    ["Evaluation", "Planned completion", "Cost (USD)", "Source of funding", "Partners (if joint)", "Key evaluation stakeholders"],
    ["Mid-term evaluation", "February 2026", "45,000", "UNDP TRAC", "MWRAPI",
     "MWRAPI, Kyrgyzhydromet, Water Resources Service, EU Delegation, SDC, WUAs"],
    ["Final evaluation", "October 2027", "60,000", "UNDP TRAC", "MWRAPI",
     "MWRAPI, Kyrgyzhydromet, Water Resources Service, EU Delegation, SDC, WUAs"],
]

BOARD_ROWS = [
    ["Board role", "Organization", "Represented by"],
    ["Executive and Co-chair", "UNDP Kyrgyzstan (implementing partner)", "Resident Representative"],
    ["Co-chair (national counterpart)", "Ministry of Water Resources, Agriculture and Processing Industry (MWRAPI)",
     "Deputy Minister responsible for water resources"],
    ["Senior Supplier", "Delegation of the European Union to the Kyrgyz Republic", "Head of Cooperation"],
    ["Senior Supplier", "Swiss Agency for Development and Cooperation (SDC), Embassy of Switzerland in Bishkek",
     "Director of Cooperation"],
    ["Senior Beneficiary", "Kyrgyzhydromet", "Director"],
    ["Senior Beneficiary", "Water Resources Service of MWRAPI", "Director"],
    ["Senior Beneficiary", "Oblast administrations of Naryn, Talas and Jalal-Abad",
     "Deputy heads of administration (one seat per oblast)"],
    ["Senior Beneficiary", "Union of Water User Associations of Kyrgyzstan (UWUA)", "Chairperson"],
    ["Senior Beneficiary", "Women farmers' groups of the target districts",
     "One elected representative (seat rotates every year)"],
    ["Project Assurance", "UNDP Kyrgyzstan", "Programme Analyst, Environment, Climate and Disaster Resilience"],
    ["Board Secretary (non-voting)", "Project Management Unit", "Project Manager"],
]

RISK_ROWS = [
    ["No.", "Risk description", "Type", "Probability (1-5)", "Impact (1-5)", "Score (P x I)", "Mitigation measures",
     "Risk owner", "Status"],
    ["1", "The construction season in the high-altitude districts (At-Bashy, Kochkor, Jumgal, Toktogul) lasts only "
          "from April to October, so civil works may slip by a full year", "Operational", "4", "4", "16",
     "Complete designs and tenders by February each year; split works into lots; start works at lower elevations first",
     "Irrigation Engineer", "Open"],
    ["2", "Prices of cement, steel and fuel rise above the budget estimates", "Financial", "3", "4", "12",
     "Price contingency of 8 percent within Activity 2.2; fixed-price contracts; prioritize schemes by cost per hectare",
     "UNDP Operations Manager", "Open"],
    ["3", "Restructuring of ministries and agencies changes the national counterpart or delays decisions", "Political",
     "4", "3", "12",
     "Board seats defined by function; memoranda of understanding with MWRAPI and Kyrgyzhydromet; briefings for new "
     "leadership", "UNDP Resident Representative", "Open"],
    ["4", "WUAs do not raise or collect irrigation service fees, so rehabilitated canals are not maintained",
     "Financial", "3", "4", "12",
     "Approved water management plan with a tariff schedule as a condition for rehabilitation; fee-collection training",
     "Project Manager / UWUA", "Open"],
    ["5", "Women and young farmers are excluded from WUA decisions, trainings and grants, or benefits are captured by "
          "local elites", "Social and environmental", "3", "3", "9",
     "Quotas for women in farmer field schools and grants; grant scoring published in each district; grievance "
     "redress mechanism", "M&E and Gender Officer", "Open"],
    ["6", "Mudflows, floods or severe drought damage rehabilitated schemes or destroy crops", "Environmental",
     "3", "5", "15",
     "Climate-proofed designs based on hazard mapping; early warning protocols (Output 1); contractor liability during "
     "the defects period", "Water Resources Service", "Open"],
    ["7", "No insurer is willing to offer index-based products at an affordable premium", "Strategic", "3", "3", "9",
     "Early market sounding; premium subsidies in the first two seasons; technical support from UNDP's global "
     "insurance and risk finance facility", "Project Manager", "Open"],
    ["8", "Poor mobile coverage and power supply interrupt station data and SMS delivery", "Operational", "2", "3", "6",
     "Solar-powered stations with satellite backup; voice messages and WUA notice boards as alternative channels",
     "Kyrgyzhydromet", "Open"],
    ["9", "Disputes over water allocation between upstream and downstream villages", "Social and environmental",
     "2", "4", "8",
     "Water allocation agreed in the WUA water management plans; mediation by district water management departments",
     "Oblast coordinators", "Open"],
]

DISTRICT_ROWS = [
    ["Oblast", "Target districts", "WUAs with approved plans by Year 4", "Canals to be rehabilitated (km)",
     "Area with improved irrigation (ha)", "Farmers in farmer field schools"],
    ["Naryn", "At-Bashy, Kochkor, Jumgal", "10", "35", "2,100", "3,000"],
    ["Talas", "Talas, Bakai-Ata, Kara-Buura", "12", "45", "3,300", "4,000"],
    ["Jalal-Abad", "Aksy, Ala-Buka, Toktogul", "14", "60", "4,200", "5,000"],
    ["Total", "9 districts", "36", "140", "9,600", "12,000"],
]

FUND_ROWS = [
    ["Funding source", "Amount (USD)", "Share of total", "Status"],
    ["European Union (Contribution Agreement, incl. 8% GMS)", "5,400,000", "75.1%", "Signed"],
    ["Swiss Agency for Development and Cooperation (SDC) (incl. 8% GMS)", "1,080,000", "15.0%", "Signed"],
    ["UNDP TRAC", "710,000", "9.9%", "Allocated"],
    ["Total resources allocated", "7,190,000", "100.0%", ""],
    ["Unfunded budget", "0", "0.0%", ""],
    ["Government of the Kyrgyz Republic (parallel, in kind; not included above)", "350,000", "–", "Letter of commitment"],
]

PRODOC = [
    P("United Nations Development Programme"),
    P("UNDP Kyrgyzstan"),
    TITLE("PROJECT DOCUMENT"),
    P("Project title: " + PTITLE),
    P("Project number: " + PNUM),
    P("Implementing partner: United Nations Development Programme (UNDP), Direct Implementation Modality (DIM)"),
    P("National counterpart: Ministry of Water Resources, Agriculture and Processing Industry of the Kyrgyz Republic (MWRAPI)"),
    P("Responsible parties: Agency of Hydrometeorology under the Ministry of Emergency Situations (Kyrgyzhydromet); "
      "Water Resources Service of MWRAPI; Rural Advisory Service (RAS); Union of Water User Associations of "
      "Kyrgyzstan (UWUA)"),
    P("Start date: 1 January 2024"),
    P("End date: 31 December 2027"),
    P("PAC meeting date: 5 December 2023"),
    H2("Brief description"),
    P("Smallholder farmers in the mountain oblasts of Naryn, Talas and Jalal-Abad are losing harvests to longer "
      "droughts, late spring frosts and the decay of irrigation canals built before 1991. The Jer-Suu project "
      "(\"land and water\" in Kyrgyz) will help the Government of the Kyrgyz Republic to give farmers reliable "
      "climate information, to rehabilitate irrigation systems together with water user associations (WUAs), and to "
      "support farmers, in particular women and young people, to adopt climate-resilient practices and to access "
      "finance, insurance and markets. Over four years the project will install 26 automated agro-meteorological "
      "stations, rehabilitate 140 km of irrigation canals serving 9,600 hectares, and train 12,000 smallholder "
      "farmers through farmer field schools in nine districts."),
    P("Total resources required: USD 7,190,000"),
    T(FUND_ROWS, widths=[8.0, 3.0, 2.4, 3.4], bold_rows={4}),
    P("Contributing outcome (UNSDCF 2023-2027 / CPD 2023-2027): Outcome 3 – By 2027, people in the Kyrgyz Republic, "
      "especially the most vulnerable, benefit from sustainable management of natural resources, climate resilience "
      "and reduced disaster risk."),
    P("Indicative output(s) with gender marker: Output 1 – GEN1; Output 2 – GEN2; Output 3 – GEN2"),
    P("Agreed by: Ministry of Water Resources, Agriculture and Processing Industry (national counterpart); UNDP "
      "Resident Representative, Kyrgyzstan (implementing partner)"),

    H1("1. Development Challenge"),
    P("Agriculture remains the backbone of rural livelihoods in the Kyrgyz Republic. It provides about one in five "
      "jobs in the country and more than half of household income in the project oblasts of Naryn, Talas and "
      "Jalal-Abad, where most farms are smaller than 2 hectares and combine irrigated crops with livestock grazed on "
      "mountain pastures."),
    P("The climate of these oblasts is changing faster than the global average. Mean annual temperature in the "
      "project area has risen by about 1.2 degrees Celsius since the 1960s, the glaciers that feed the Naryn and Talas "
      "rivers are shrinking, and the droughts of 2021 and 2023 reduced wheat and potato yields by up to 40 percent in "
      "the most affected aiyl aimaks (rural municipalities). Late spring frosts and mudflows have become more frequent."),
    P("The irrigation infrastructure cannot absorb these shocks. An inventory by the Water Resources Service in 2022 "
      "found that about 60 percent of on-farm and inter-farm canals in the three oblasts are in poor or very poor "
      "condition, with conveyance losses of 40 to 50 percent. The 48 water user associations in the nine target "
      "districts collect on average only 55 percent of irrigation service fees, only 6 of them have an approved water "
      "management plan, and women hold 7 percent of the seats on WUA governing councils."),
    P("Farmers also lack timely information and finance. Only 14 automated agro-meteorological stations operate in the "
      "three oblasts, and forecasts are not translated into advice that farmers can use. Fewer than one in ten "
      "smallholders has taken a formal agricultural loan, no agricultural insurance product is available in the project "
      "area, and women own less than 15 percent of registered land plots."),

    H1("2. Strategy"),
    P("The theory of change of Jer-Suu is that if farmers receive reliable, localized climate information and advice "
      "(Output 1), if irrigation systems are rehabilitated and managed by accountable water user associations "
      "(Output 2), and if smallholders, especially women and youth, have the skills, finance and risk-transfer tools "
      "to change their practices (Output 3), then farm households in the target districts will lose fewer harvests "
      "to climate shocks, use water more efficiently and earn higher and more stable incomes."),
    P("The project works in nine districts: At-Bashy, Kochkor and Jumgal (Naryn Oblast); Talas, Bakai-Ata and "
      "Kara-Buura (Talas Oblast); and Aksy, Ala-Buka and Toktogul (Jalal-Abad Oblast). The districts were selected "
      "with MWRAPI on the basis of the 2022 canal inventory, drought exposure and poverty rates (Annex 2)."),
    P("The project contributes to SDG 2 (zero hunger), SDG 5 (gender equality), SDG 6 (clean water and sanitation) "
      "and SDG 13 (climate action), to the National Development Programme of the Kyrgyz Republic until 2026 and to "
      "the updated Nationally Determined Contribution of 2021, in which agriculture and water are priority adaptation "
      "sectors. It builds on UNDP's climate risk management work in the Kyrgyz Republic and on the farmer field "
      "schools of the Rural Advisory Service supported by SDC."),

    H1("3. Results and Partnerships"),
    H2("3.1 Expected results"),
    P("Output 1 – Climate information and agro-advisory services for farmers strengthened. Kyrgyzhydromet will "
      "install and operate 26 new automated agro-meteorological stations, bringing the network in the three oblasts "
      "from 14 to 40 stations. With RAS, the project will launch an SMS and mobile agro-advisory service that reaches "
      "35,000 farmers by the end of the project, and will support the oblast administrations and the Ministry of "
      "Emergency Situations to adopt drought and frost early warning protocols in all three oblasts."),
    P("Output 2 – Irrigation infrastructure rehabilitated and managed by water user associations. The Water Resources "
      "Service and contracted construction companies will rehabilitate 140 km of on-farm and inter-farm canals and "
      "related structures, improving water supply to 9,600 hectares. The project will support 30 additional WUAs to "
      "adopt climate-adapted water management plans and tariffs, bringing the total from 6 to 36, and will raise the "
      "share of women on WUA councils to 25 percent. Farmers who set up drip or sprinkler demonstration plots "
      "contribute at least 30 percent of the equipment cost."),
    P("Output 3 – Smallholder farmers, especially women and youth, adopt climate-resilient practices and access "
      "finance and markets. RAS will run farmer field schools for 12,000 smallholder farmers, at least 40 percent of "
      "them women. The project will award matching grants of between USD 3,000 and USD 8,000 to 120 agribusinesses "
      "led by women or by young people aged 18 to 35, at least 60 of them led by women, with a minimum own "
      "contribution of 25 percent, and will pilot index-based crop and livestock insurance for 4,000 farmers with "
      "partner insurers."),
    H2("3.2 Resources required to achieve the expected results"),
    P("The total budget is USD 7,190,000. The European Union contributes USD 5,400,000 and SDC USD 1,080,000, both "
      "amounts including General Management Support (GMS) of 8 percent; UNDP contributes USD 710,000 from its regular "
      "(TRAC) resources. The Government provides a parallel in-kind contribution estimated at USD 350,000 (office "
      "space in the three oblast centres, staff time of Kyrgyzhydromet and the Water Resources Service, and land for "
      "the meteorological stations), which is not included in the total. Irrigation civil works (Activity 2.2, "
      "USD 2,800,000) account for 39 percent of the total budget."),
    H2("3.3 Partnerships"),
    P("Kyrgyzhydromet is responsible for the station network and forecasts; the Water Resources Service for the "
      "technical design and supervision of irrigation works; RAS for farmer field schools and advisory content; and "
      "the Union of Water User Associations for WUA training. The project will coordinate with FAO and the World Food "
      "Programme, which support pasture management and resilience in neighbouring districts, and with international "
      "financial institutions that invest in large irrigation schemes, to avoid overlap. Partnerships with "
      "microfinance institutions and insurers will be established through competitive calls."),
    H2("3.4 Risks and assumptions"),
    P("The project assumes that the Government keeps irrigation and climate adaptation among its priorities and that "
      "WUAs are willing to raise irrigation service fees once water supply improves. The main risks are the short "
      "construction season in high-altitude districts, rising prices of construction materials, restructuring of "
      "government agencies, low fee collection by WUAs, exclusion of women and youth, extreme weather events and weak "
      "interest of insurers. The risk log is in Annex 1."),
    H2("3.5 Stakeholder engagement"),
    P("The target groups are smallholder farm households with less than 5 hectares of land, women farmers and "
      "women-headed households, young farmers aged 18 to 35, and the water user associations that serve them. During "
      "formulation, consultations were held in August and September 2023 in all nine districts with 640 participants, "
      "of whom 46 percent were women. A project grievance redress mechanism, with a hotline and focal points in each "
      "oblast office, will be in place before any civil works start."),
    H2("3.6 South-South and triangular cooperation"),
    P("The project will organize exchanges with water user associations and extension services in Uzbekistan and "
      "Tajikistan, and will draw on the experience of Turkey with drip irrigation for smallholders."),
    H2("3.7 Gender equality and women's empowerment"),
    P("A gender analysis was carried out in September 2023. It found that women do most of the work on household "
      "plots and in dairy processing but are rarely members of WUAs or farmer groups. The project sets the following "
      "targets: at least 40 percent women among farmer field school participants, 25 percent women on WUA councils by "
      "Year 4, 30 percent women among advisory service subscribers, and at least half of the 120 matching grants for "
      "women-led agribusinesses. The M&E and Gender Officer reports sex-disaggregated data for all people-level "
      "indicators."),
    H2("3.8 Sustainability and scaling up"),
    P("Rehabilitated canals will be handed over to the WUAs, which will maintain them from irrigation service fees "
      "under their approved water management plans. In a letter of 20 October 2023 the Government committed to "
      "include the operation of the new agro-meteorological stations in the budget of Kyrgyzhydromet from 2027. The "
      "SMS advisory service will be transferred to RAS with a cost-recovery model by the end of the project, and RAS "
      "will adopt the farmer field school curriculum for national use."),

    H1("4. Project Management"),
    P("The project will be directly implemented by UNDP (DIM). DIM was agreed with MWRAPI because the project combines "
      "large civil works contracts, grants to private agribusinesses and an insurance pilot, and because the 2023 HACT "
      "micro-assessment rated the financial management risk of MWRAPI as significant. MWRAPI, as national "
      "counterpart, co-chairs the Project Board and leads technical decisions on irrigation."),
    P("The Project Management Unit (PMU) will be located at MWRAPI in Bishkek, with oblast offices in Naryn, Talas and "
      "Jalal-Abad. The PMU comprises a Project Manager, an M&E and Gender Officer, a Finance and Administration "
      "Associate, an Irrigation Engineer and three oblast coordinators. Costs of UNDP country office services that are "
      "directly attributable to the project are charged as direct project costs (Activity PM.3)."),
    P("Cost efficiency will be ensured by procuring civil works in lots of several schemes, by sharing the oblast "
      "offices with other UNDP projects in Naryn and Jalal-Abad, and by using the existing RAS network for farmer "
      "training."),

    LAND,
    H1("5. Results Framework"),
    P("Intended outcome as stated in the UNSDCF/CPD Results and Resources Framework: Outcome 3 – By 2027, people in "
      "the Kyrgyz Republic, especially the most vulnerable, benefit from sustainable management of natural resources, "
      "climate resilience and reduced disaster risk."),
    P("Outcome indicator (CPD 3.2): Number of people benefiting from climate adaptation measures. Baseline: 0 (2023). "
      "Target: 60,000 (2027), of whom 50 percent women."),
    P("Applicable output from the UNDP Strategic Plan 2022-2025: Output 4.1 – resilience of people, ecosystems and "
      "infrastructure to climate change strengthened."),
    P("Project title and Quantum project number: " + PTITLE + " / " + PNUM),
    P("Targets are cumulative from the start of the project unless stated otherwise."),
    T(RF_ROWS, header_rows=2, widths=[7.4, 1.9, 1.5, 1.5, 1.5, 2.6, 3.6, 4.9], font=8, shade_rows={2, 6, 11},
      bold_rows={2, 6, 11}),
    PORT,

    H1("6. Monitoring and Evaluation"),
    P("In line with UNDP's programming policies and procedures, the project will be monitored through the following "
      "monitoring and evaluation plans."),
    H2("6.1 Monitoring plan"),
    T(MON_ROWS, widths=[3.2, 2.8, 3.2, 1.6, 6.4], font=8),
    P("Monitoring, evaluation and audit costs of USD 180,000 (Activity PM.2 of the work plan) comprise USD 45,000 for "
      "the monitoring activities above, USD 105,000 for the two evaluations below and USD 30,000 for audits."),
    H2("6.2 Evaluation plan"),
    T(EVAL_ROWS, widths=[2.8, 2.4, 1.8, 2.2, 2.2, 5.6], font=8),

    LAND,
    H1("7. Multi-Year Work Plan"),
    P("Amounts in US dollars."),
    work_plan_table(),
    PORT,

    H1("8. Governance and Management Arrangements"),
    P("The Project Board is responsible for strategic direction and for decisions when guidance is required by the "
      "Project Manager, including the approval of annual work plans and budget revisions. It is co-chaired by the "
      "Deputy Minister of Water Resources, Agriculture and Processing Industry and the UNDP Resident Representative, "
      "meets every six months and holds its first meeting within three months of the start date. Decisions are made "
      "by consensus; if consensus cannot be reached, the final decision rests with the UNDP Resident Representative as "
      "the representative of the implementing partner."),
    T(BOARD_ROWS, widths=[4.2, 7.0, 5.8], font=9),
    P("The Project Manager runs the project on a day-to-day basis within the tolerances set by the Project Board. "
      "Project Assurance is provided by the UNDP Programme Analyst, independently of the Project Manager. A Technical "
      "Working Group for irrigation, chaired by the Director of the Water Resources Service, reviews the designs of "
      "all irrigation schemes before tendering."),

    H1("9. Legal Context"),
    P("This project document shall be the instrument referred to as such in Article 1 of the Standard Basic "
      "Assistance Agreement (SBAA) between the Government of the Kyrgyz Republic and UNDP, signed on 14 January "
      "1993. The project is implemented by UNDP in accordance with its financial regulations, rules, policies and "
      "procedures."),

    H1("10. Risk Management"),
    P("UNDP as the implementing partner will comply with the policies, procedures and practices of the United Nations "
      "security management system. The Social and Environmental Screening Procedure (SESP) classified the project as "
      "Moderate risk. Site-specific Environmental and Social Management Plans (ESMPs) will be prepared for every "
      "irrigation scheme before tendering, and the grievance redress mechanism will be open to all project-affected "
      "people."),

    LAND,
    H1("Annex 1. Risk Log"),
    P("Probability and impact are scored from 1 (lowest) to 5 (highest); the score is probability multiplied by impact."),
    T(RISK_ROWS, widths=[0.9, 5.4, 2.2, 1.6, 1.4, 1.4, 6.0, 2.7, 1.3], font=8),
    PORT,

    H1("Annex 2. Target Districts and Distribution of Targets"),
    T(DISTRICT_ROWS, widths=[2.2, 4.4, 2.6, 2.6, 2.6, 2.6], font=9, bold_rows={4}),
]

# ---------------------------------------------------------------------------------------------
# Document 2: design-stage QA
# ---------------------------------------------------------------------------------------------

QA_HEAD_ROWS = [
    ["Project number", PNUM],
    ["Project title", PTITLE],
    ["Country office", "UNDP Kyrgyzstan"],
    ["Planned start and end dates", "1 January 2024 – 31 December 2027"],
    ["Total budget", "USD 7,190,000"],
    ["Assessment stage", "Design (Local Project Appraisal Committee of 5 December 2023)"],
    ["QA assessor", "Programme Analyst, Environment, Climate and Disaster Resilience"],
    ["QA approver", "Deputy Resident Representative"],
    ["Date of assessment", "21 November 2023"],
    ["Overall project rating", "Satisfactory"],
    ["Decision", "Approve with qualifications"],
]

QA_SUMMARY_ROWS = [
    ["Criterion", "Questions", "Ratings given", "Criterion rating"],
    ["Strategic", "1-3", "3, 3, 2", "Highly Satisfactory"],
    ["Relevant", "4-6", "3, 2, 3", "Highly Satisfactory"],
    ["Principled", "7-9", "2, 2, 2", "Satisfactory"],
    ["Management and Monitoring", "10-12", "1, 2, 2", "Needs Improvement"],
    ["Efficient", "13-16", "2, 3, 2, Yes", "Satisfactory"],
    ["Effective", "17-19", "3, 3, 2", "Highly Satisfactory"],
    ["Sustainability and National Ownership", "20-22", "3, 2, 2", "Satisfactory"],
    ["Overall project rating", "1-22", "–", "Satisfactory"],
]

QA_Q = [
    ("Strategic", [
        ("1", "Does the project's theory of change specify how it will contribute to higher-level change?", "3",
         "The theory of change in Section 2 explains how climate information, irrigation rehabilitation and farmer "
         "adoption lead to lower crop losses and more stable incomes, with explicit assumptions. It draws on the 2022 "
         "canal inventory of the Water Resources Service and on the droughts of 2021 and 2023."),
        ("2", "Is the project aligned with the thematic focus of the UNDP Strategic Plan?", "3",
         "The project responds to the resilience and environment signature solutions of the Strategic Plan 2022-2025, "
         "and the results framework refers to the applicable Strategic Plan output (4.1)."),
        ("3", "Is the project linked to the programme outputs of the Country Programme Document?", "2",
         "The project contributes to CPD Outcome 3 and uses CPD outcome indicator 3.2. However, the output indicators "
         "on early warning protocols (OI 1.3) and insurance (OI 3.4) are not linked to any CPD output indicator."),
    ]),
    ("Relevant", [
        ("4", "Does the project have a strategy to identify, engage and ensure the meaningful participation of targeted "
              "groups, with a priority focus on the marginalized?", "3",
         "Target groups are defined (farms under 5 hectares, women-headed households, farmers aged 18 to 35). "
         "Consultations in all nine districts reached 640 people, 46 percent of them women, and a representative of "
         "women farmers' groups sits on the Project Board."),
        ("5", "Have knowledge, good practices and past lessons learned informed the project design?", "2",
         "The design uses lessons from the RAS farmer field schools and from UNDP's climate risk management work. No "
         "evidence from earlier agricultural insurance pilots in Central Asia is cited to support the target of 4,000 "
         "insured farmers."),
        ("6", "Is the project sufficiently at scale, and does it use UNDP's comparative advantage?", "3",
         "The project covers nine districts in three oblasts and 36 WUAs, and combines infrastructure with policy "
         "support on early warning, which few other partners provide."),
    ]),
    ("Principled", [
        ("7", "Does the project apply a human rights-based approach?", "2",
         "Participation and non-discrimination are addressed through targeting and the grievance mechanism; the rights "
         "of downstream water users and of households without land titles are not analysed."),
        ("8", "Is the design based on a gender analysis, and does it address gender inequalities and empower women?",
         "2",
         "A gender analysis was completed in September 2023 and gender targets are set for OI 1.2, OI 2.4, OI 3.1 and "
         "the matching grants. The gender action plan has no dedicated budget line in the multi-year work plan."),
        ("9", "Have social and environmental risks been identified, with mitigation measures (SESP)?", "2",
         "The SESP categorizes the project as Moderate risk. Site-specific ESMPs for the irrigation schemes are planned "
         "but not yet prepared, and their cost is not shown separately."),
    ]),
    ("Management and Monitoring", [
        ("10", "Does the project have a strong results framework?", "1",
         "Output indicators have baselines and annual targets, but the baseline of 350 hectares for OI 3.2 is an "
         "estimate from RAS records that has not been verified, the Year 1 targets for OI 3.3 and OI 3.4 are zero, and "
         "there is no indicator on farm income, which is central to the theory of change."),
        ("11", "Is the governance mechanism clearly defined, including the composition of the Project Board?", "2",
         "The composition of the Project Board is specified by role and organization. The terms of reference of the "
         "Technical Working Group for irrigation are not attached."),
        ("12", "Have the project risks been identified, with clear mitigation measures?", "2",
         "Nine risks are listed in the risk log with probability, impact and owners. Mitigation for the short "
         "construction season (risk 1, score 16) is sound; the restructuring of government agencies (risk 3) has no "
         "trigger for review."),
    ]),
    ("Efficient", [
        ("13", "Have specific measures for the cost-efficient use of resources been built into the design?", "2",
         "Lot-based procurement of civil works and shared oblast offices are planned. Cost-per-hectare benchmarks for "
         "rehabilitation are not yet defined."),
        ("14", "Are there explicit plans to link the project with other relevant initiatives?", "3",
         "Coordination with FAO, WFP and international financial institutions is described, and both donors sit on the "
         "Project Board."),
        ("15", "Is the budget justified and supported with valid estimates?", "2",
         "Civil works (USD 2,800,000) are costed from the 2022 canal inventory at an average of about USD 20,000 per km; "
         "other lines are estimated from previous UNDP projects. The 8 percent price contingency is not shown as a "
         "separate line."),
        ("16", "Is the Country Office fully recovering its costs from the project (GMS and direct project costs)?",
         "Yes",
         "GMS of 8 percent is applied to the EU and SDC contributions (USD 480,000), and direct project costs of "
         "USD 90,000 are budgeted."),
    ]),
    ("Effective", [
        ("17", "Is the chosen implementation modality the most appropriate?", "3",
         "DIM is justified by the scale of civil works and grants and by the significant risk rating of MWRAPI in the "
         "2023 HACT micro-assessment; MWRAPI co-chairs the Project Board."),
        ("18", "Have targeted groups been engaged in the design of the project?", "3",
         "Farmers, WUAs and women's groups took part in the district consultations, and their priorities (drip "
         "irrigation, frost warnings) are reflected in the activities."),
        ("19", "Are the work plan and budget realistic and properly sequenced?", "2",
         "Designs (Activity 2.1) come before civil works (Activity 2.2). However, USD 1,100,000 of civil works is "
         "planned for 2025, the first full construction season, which is ambitious given risk 1."),
    ]),
    ("Sustainability and National Ownership", [
        ("20", "Have national partners led, or been substantively engaged in, the design of the project?", "3",
         "MWRAPI, Kyrgyzhydromet and the Water Resources Service co-developed the design; the Government committed to "
         "fund the operation of the stations from 2027 in a letter of 20 October 2023."),
        ("21", "Have the capacities of key institutions been assessed, with a plan to strengthen them?", "2",
         "The HACT micro-assessment of MWRAPI and a capacity assessment of RAS were completed; no capacity assessment "
         "of the WUAs has been carried out."),
        ("22", "Is there a strategy for transition and exit?", "2",
         "Hand-over of the canals to the WUAs and of the advisory service to RAS is described, but the cost-recovery "
         "model for the SMS service is not yet defined."),
    ]),
]


def qa_question_table():
    rows = [["Criterion", "No.", "Question", "Rating", "Evidence and comments"]]
    for crit, qs in QA_Q:
        for k, (n, q, r, e) in enumerate(qs):
            rows.append([crit if k == 0 else U, n, q, r, e])
    return T(rows, widths=[3.0, 1.0, 6.6, 1.5, 11.4], font=8)


QA_QUAL_ROWS = [
    ["No.", "Qualification", "Responsible", "Deadline"],
    ["1", "Verify the OI 3.2 baseline through the 2024 baseline farmer survey and add an indicator on farm household "
          "income", "Project Manager; M&E and Gender Officer", "30 June 2024"],
    ["2", "Prepare and disclose ESMPs for the first lot of irrigation schemes before tendering", "Irrigation Engineer",
     "31 March 2024"],
    ["3", "Add a budget line for the gender action plan in the first budget revision", "Project Manager",
     "First Project Board meeting"],
    ["4", "Develop a cost-recovery model for the SMS advisory service with RAS", "RAS; Project Manager",
     "31 December 2025"],
]

QA = [
    TITLE("Quality Assurance: Design and Appraisal"),
    T(QA_HEAD_ROWS, widths=[5.0, 12.0], no_header=True, bold_first_col=True),
    H1("1. Rating scale"),
    P("Each question is rated 3 (fully meets the quality standard), 2 (partially meets it) or 1 (does not meet it); "
      "question 16 is answered Yes or No. Criterion ratings and the overall rating use a five-point scale: Exemplary, "
      "Highly Satisfactory, Satisfactory, Needs Improvement and Inadequate. A project rated Needs Improvement or "
      "Inadequate overall may not be approved; a project rated Satisfactory or better with any question rated 1 is "
      "approved with qualifications."),
    H1("2. Summary of ratings"),
    T(QA_SUMMARY_ROWS, widths=[6.0, 2.4, 3.4, 5.2], bold_rows={8}),
    LAND,
    H1("3. Assessment by question"),
    qa_question_table(),
    PORT,
    H1("4. Qualifications to be addressed"),
    T(QA_QUAL_ROWS, widths=[1.0, 9.0, 4.0, 3.0]),
    H1("5. PAC and approver comments"),
    P("The Local Project Appraisal Committee met on 5 December 2023 and recommended the project for approval subject to "
      "the qualifications above. The EU Delegation asked that progress on canal rehabilitation (OI 2.1) be reported "
      "every six months. SDC asked that the gender action plan be costed before the first Project Board meeting."),
    P("The QA approver confirmed the overall rating of Satisfactory and the decision to approve with qualifications on "
      "8 December 2023."),
]

# ---------------------------------------------------------------------------------------------
# Document 3: semi-annual progress report (January-June 2025)
# ---------------------------------------------------------------------------------------------

PR_IND_ROWS = [
    ["Code", "Indicator", "Baseline", "Year 2 target (2025)", "Achieved at 30 June 2025", "Status"],
    ["OI 1.1", "Agro-meteorological stations transmitting data", "14", "32", "27", "On track"],
    ["OI 1.2", "Farmers receiving agro-advisories (share of women)", "0", "15,000", "11,240 (34% women)", "On track"],
    ["OI 1.3", "Oblasts with an approved early warning protocol", "0", "1", "0", "At risk"],
    ["OI 2.1", "Canals rehabilitated (km)", "0", "60", "38", "On track"],
    ["OI 2.2", "Area with improved irrigation water supply (ha)", "0", "4,500", "2,950", "On track"],
    ["OI 2.3", "WUAs with an approved water management plan and tariff", "6", "20", "17", "On track"],
    ["OI 2.4", "Women on WUA councils (%)", "7%", "15%", "11%", "Behind schedule"],
    ["OI 3.1", "Farmers trained in farmer field schools (share of women)", "0", "5,000", "4,380 (43% women)", "On track"],
    ["OI 3.2", "Area under climate-resilient practices (ha)", "350", "2,500", "1,720", "On track"],
    ["OI 3.3", "Agribusinesses led by women or youth with matching grants", "0", "40", "0", "Behind schedule"],
    ["OI 3.4", "Farmers covered by index-based insurance", "0", "1,000", "0", "Off track"],
]

# DELIBERATE INCONSISTENCY: Output 2 annual budget 2025 is written 1,230,000 here; the work plan has 1 320 000.
PR_FIN = [
    ("Output 1 – Climate information and agro-advisory services", 335000, 184250),
    ("Output 2 – Irrigation infrastructure and WUAs", 1230000, 455100),
    ("Output 3 – Climate-resilient practices, finance and markets", 480000, 124800),
    ("Project management and M&E", 205000, 94300),
]
assert PR_FIN[0][1] == SUBT[0][1] and PR_FIN[2][1] == SUBT[2][1] and PR_FIN[3][1] == SUBT[3][1]
assert PR_FIN[1][1] != SUBT[1][1] == 1320000  # the one deliberate inconsistency


def pr_fin_table():
    rows = [["Output", "Annual budget 2025 (USD)", "Expenditure 1 January – 30 June 2025 (USD)",
             "Delivery (% of annual budget)"]]
    tb = te = 0
    for name, b, e in PR_FIN:
        rows.append([name, cm(b), cm(e), f"{100 * e / b:.1f}%"])
        tb += b
        te += e
    rows.append(["Total (excluding GMS)", cm(tb), cm(te), f"{100 * te / tb:.1f}%"])
    assert (tb, te) == (2250000, 858450) and f"{100 * te / tb:.1f}" == "38.2"
    return T(rows, widths=[7.0, 3.2, 4.0, 2.8], bold_rows={len(rows) - 1})


PR = [
    TITLE("Semi-Annual Progress Report"),
    P("Project: " + PTITLE + " (" + PNUM + ")"),
    P("Reporting period: 1 January – 30 June 2025 (project Year 2)"),
    P("Implementing partner: UNDP (DIM); national counterpart: MWRAPI"),
    P("Contributors: European Union, Swiss Agency for Development and Cooperation (SDC), UNDP"),
    P("Prepared by: Project Management Unit; submitted to the Project Board on 25 July 2025"),
    H1("1. Summary"),
    P("In the first half of 2025 the project moved from preparation to large-scale implementation. By 30 June 2025, "
      "27 agro-meteorological stations were transmitting data (13 of them installed by the project), 11,240 farmers "
      "were receiving agro-advisories, 38 km of canals had been rehabilitated and 4,380 farmers had completed farmer "
      "field schools. The first call for matching grants attracted 212 applications, 61 percent of them from "
      "women-led businesses."),
    P("Progress was slower on the share of women in WUA councils, on the first oblast early warning protocol and on "
      "insurance, where no insurer has yet signed a partnership agreement. Expenditure in the period reached "
      "USD 858,450, or 38.2 percent of the 2025 budget."),
    H1("2. Progress against output indicators"),
    P("Results are cumulative since 1 January 2024. Status compares the result with the progress expected by mid-year; "
      "civil works take place between April and October."),
    T(PR_IND_ROWS, widths=[1.4, 6.2, 1.6, 2.4, 3.2, 2.4], font=9),
    H1("3. Results by output"),
    H2("Output 1 – Climate information and agro-advisory services"),
    P("Kyrgyzhydromet installed 6 new stations in 2024 and 7 in the first half of 2025. The SMS and voice advisory "
      "service, launched in Talas Oblast in October 2024, was extended to Naryn and Jalal-Abad in March 2025; weekly "
      "advisories are sent in Kyrgyz and Russian. The drought and frost early warning protocol for Naryn Oblast was "
      "submitted to the oblast administration in May 2025, but its approval was postponed after the reorganization of "
      "the Ministry of Emergency Situations in February 2025. Approval is now expected in the third quarter of 2025."),
    H2("Output 2 – Irrigation infrastructure and water user associations"),
    P("Designs for 22 irrigation schemes have been completed. The first lot of 9 schemes in Talas and Jalal-Abad "
      "oblasts was awarded in March 2025. Of the 38 km rehabilitated so far, 15 km were completed in 2024 and 23 km "
      "between April and June 2025. Seventeen WUAs now have approved water management plans, and average fee "
      "collection in these WUAs rose from 55 to 68 percent. Women hold 11 percent of council seats; most WUAs will "
      "elect new councils only in 2026."),
    H2("Output 3 – Climate-resilient practices, finance and markets"),
    P("RAS ran 146 farmer field schools, and 4,380 farmers (43 percent women) completed the full season. The 2024 "
      "baseline farmer survey estimated the area under climate-resilient practices at 410 hectares, against 350 "
      "hectares in the results framework; the Project Board decided on 3 April 2025 to keep the original baseline "
      "until the mid-line survey. The call for matching grants was launched on 14 April 2025 and the first awards are "
      "expected in September 2025. For the insurance pilot, two insurers were approached, but neither has agreed to "
      "offer a product because historical yield data are not available at aiyl aimak level; the project is assessing "
      "a weather-index product based on data from the new stations."),
    H1("4. Financial delivery"),
    pr_fin_table(),
    P("Expenditure figures are provisional and exclude GMS. Low delivery under Output 3 reflects the timing of the "
      "grant awards (Activity 3.2), which will be paid from September 2025; most payments for civil works fall in the "
      "third quarter. In 2024 the project spent USD 861,300 of its budget of USD 920,000 (93.6 percent)."),
    H1("5. Challenges and lessons learned"),
    B("The reorganization of the Ministry of Emergency Situations in February 2025 delayed the approval of the Naryn "
      "early warning protocol; risk 3 of the risk log (restructuring of agencies) has materialized."),
    B("Late snowmelt in At-Bashy and Kochkor moved the start of civil works in Naryn Oblast from April to late May 2025."),
    B("WUAs whose councils include at least two women collected 74 percent of fees, against 63 percent in other WUAs; "
      "the project will use this evidence before the 2026 council elections."),
    B("Many farmers prefer voice messages to SMS text: 38 percent of women subscribers chose voice messages."),
    B("Holding farmer field school sessions in the late afternoon and close to the villages raised women's attendance."),
    H1("6. Priorities for July – December 2025"),
    B("Complete 22 km of canal rehabilitation to reach the Year 2 target of 60 km."),
    B("Award the first round of matching grants to at least 40 agribusinesses."),
    B("Obtain approval of the Naryn early warning protocol."),
    B("Carry out the mid-line farmer survey and start the mid-term evaluation in November 2025."),
    B("Sign a partnership agreement with at least one insurer, or propose a revision of OI 3.4 to the Project Board."),
    H1("7. Project Board"),
    P("The Project Board met on 3 April 2025. It reviewed the 2024 annual report, endorsed the grant manual for "
      "Activity 3.2 and decided to keep the OI 3.2 baseline until the mid-line survey. The next meeting is scheduled "
      "for October 2025."),
]

# ---------------------------------------------------------------------------------------------
# Document 4: mid-term evaluation
# ---------------------------------------------------------------------------------------------

MTE_RATING_ROWS = [
    ["Criterion", "Rating", "Justification"],
    ["Relevance", "6 – Highly satisfactory",
     "The project addresses the main climate risks of smallholders in the three oblasts and national adaptation "
     "priorities; farmers in all focus groups named water and frost warnings as their first needs."],
    ["Coherence", "5 – Satisfactory",
     "The project complements FAO and WFP work on pastures and resilience; coordination with the larger irrigation "
     "investments of international financial institutions is informal."],
    ["Effectiveness", "4 – Moderately satisfactory",
     "Year 2 targets were met for stations, canals and WUA plans, but not for irrigated area, women on WUA councils "
     "or matching grants, and the insurance pilot has not started."],
    ["Efficiency", "5 – Satisfactory",
     "94.0 percent of the 2024-2025 budget was spent, and the average rehabilitation cost of USD 18,700 per km is "
     "below the design estimate of USD 20,000 per km."],
    ["Sustainability", "3 – Moderately likely",
     "Kyrgyzhydromet has included station operation in its 2027 budget request and WUA fee collection is rising, but "
     "the advisory service still has no cost-recovery model."],
    ["Gender equality and human rights", "4 – Moderately satisfactory",
     "Women make up 42 percent of farmer field school graduates, but only 13 percent of WUA council members."],
    ["Overall project rating", "5 – Satisfactory",
     "The project is likely to achieve most of its end-of-project targets by December 2027 if the recommendations "
     "are implemented."],
]

MTE_REC_ROWS = [
    ["No.", "Recommendation", "Addressed to", "Management response", "Planned action and deadline"],
    ["1", "Replace the OI 3.4 target of 4,000 insured farmers with a weather-index insurance pilot for 1,500 farmers "
          "linked to the new stations.", "Project Board", "Accepted",
     "Revised results framework to be approved at the Project Board meeting of April 2026."],
    ["2", "Require at least two women on the council of every WUA supported by the project by the 2026 elections.",
     "UWUA; Project Manager", "Partially accepted",
     "The WUA law does not allow quotas to be imposed; the project will promote the target through model by-laws "
     "by December 2026."],
    ["3", "Tender the remaining civil works in Naryn Oblast as one lot by January 2026 to use the full 2026 "
          "construction season.", "UNDP", "Accepted", "Tender to be launched by 31 January 2026."],
    ["4", "Agree the cost-recovery model for the advisory service with RAS before the end of 2026.", "RAS; UNDP",
     "Accepted", "Business model study in the second quarter of 2026; agreement with RAS by December 2026."],
    ["5", "Extend the project by 12 months at no cost, to 31 December 2028.", "Project Board", "Not accepted",
     "The EU Contribution Agreement ends on 31 December 2027 and cannot be extended; the remaining works will be "
     "completed within the current end date."],
    ["6", "Add a farm household income indicator based on the mid-line survey.", "Project Manager", "Accepted",
     "Indicator to be included in the revised results framework in April 2026."],
]

MTE = [
    TITLE("Independent Mid-Term Evaluation – Final Report"),
    P("Project: " + PTITLE + " (" + PNUM + ")"),
    P("Period covered: 1 January 2024 – 31 December 2025"),
    P("Fieldwork: 10 November – 5 December 2025"),
    P("Evaluation team: two independent evaluators (an international team leader and a national water and "
      "agriculture expert)"),
    P("Commissioned by: UNDP Kyrgyzstan"),
    P("Date of final report: 20 February 2026"),
    H1("1. Executive summary"),
    P("The evaluation used a document review, 58 key informant interviews, 14 focus group discussions with 163 farmers "
      "(52 percent women) and visits to 11 irrigation schemes in 7 of the 9 target districts. It assessed the project "
      "against the OECD/DAC criteria and against gender equality and human rights."),
    P("By 31 December 2025 the project had 33 stations transmitting data, 16,800 farmers receiving advisories, 64 km "
      "of canals rehabilitated serving 4,100 hectares, 21 WUAs with approved plans and 5,650 farmers trained in farmer "
      "field schools (42 percent women). The Naryn early warning protocol was approved on 16 October 2025. Matching "
      "grants were awarded to 37 agribusinesses between September and November 2025, and the insurance pilot was "
      "postponed to 2026. The project spent USD 3,064,400 of the USD 3,260,000 planned for 2024 and 2025."),
    H1("2. Evaluation ratings"),
    T(MTE_RATING_ROWS, widths=[4.0, 4.0, 9.0]),
    P("Scale: 6 Highly satisfactory, 5 Satisfactory, 4 Moderately satisfactory, 3 Moderately unsatisfactory, "
      "2 Unsatisfactory, 1 Highly unsatisfactory. Sustainability: 4 Likely, 3 Moderately likely, 2 Moderately "
      "unlikely, 1 Unlikely."),
    H1("3. Main findings"),
    P("Finding 1. The agro-advisory service is the most visible result for farmers: 71 percent of surveyed "
      "subscribers changed the timing of sowing or irrigation at least once after a frost or heat warning."),
    P("Finding 2. Canal rehabilitation is ahead of the Year 2 target (64 km against 60 km), but the irrigated area "
      "lags (4,100 hectares against 4,500) because several tertiary canals in Talas have not yet been connected."),
    P("Finding 3. WUAs with at least two women on their councils collect more fees, yet the share of women on "
      "councils has risen only from 7 to 13 percent."),
    P("Finding 4. The insurance pilot was designed without a market assessment, and its target of 4,000 farmers is "
      "not realistic before 2027."),
    H1("4. Recommendations and management response"),
    T(MTE_REC_ROWS, widths=[0.9, 6.0, 2.6, 2.6, 5.0], font=9),
    H1("5. Lessons"),
    P("Combining weather information with advice on a specific farm decision (sowing, irrigation, frost protection) "
      "is what makes farmers act on warnings. Rehabilitation works agreed with WUAs only after a water management plan "
      "and tariff were approved have had better fee collection than earlier schemes."),
]

DOCS = {
    "kg-jersuu-project-document": PRODOC,
    "kg-jersuu-design-qa": QA,
    "kg-jersuu-progress-report-2025-h1": PR,
    "kg-jersuu-midterm-evaluation": MTE,
}

TITLES = {
    "kg-jersuu-project-document": "Jer-Suu Project Document",
    "kg-jersuu-design-qa": "Jer-Suu Quality Assurance: Design and Appraisal",
    "kg-jersuu-progress-report-2025-h1": "Jer-Suu Semi-Annual Progress Report January-June 2025",
    "kg-jersuu-midterm-evaluation": "Jer-Suu Independent Mid-Term Evaluation",
}

# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def table_txt(spec):
    out = []
    for row in spec["rows"]:
        cells = ["" if c == U else c for c in row if c != L]
        out.append("\t".join(cells))
    return out


def to_txt(blocks):
    lines = []
    for kind, x in blocks:
        if kind in ("landscape", "portrait"):
            continue
        if kind == "table":
            lines.append("")
            lines.extend(table_txt(x))
            lines.append("")
        elif kind == "bullet":
            lines.append("• " + x)
        else:
            lines.append(x)
    # collapse accidental double blank lines
    text, prev_blank = [], False
    for ln in lines:
        if ln == "" and prev_blank:
            continue
        text.append(ln)
        prev_blank = ln == ""
    return "\n".join(text).strip("\n") + "\n"


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcolor)
    tcPr.append(shd)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def set_cell(cell, text, size, bold=False):
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    p.paragraph_format.space_after = Pt(0)


def add_table(doc, spec):
    rows = spec["rows"]
    ncols = len(rows[0])
    assert all(len(r) == ncols for r in rows), [len(r) for r in rows]
    t = doc.add_table(rows=len(rows), cols=ncols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    hr = spec["header_rows"]
    # merges: horizontal first, then vertical
    anchors = {}
    for r, row in enumerate(rows):
        c = 0
        while c < ncols:
            v = row[c]
            if v in (L, U):
                c += 1
                continue
            span = 1
            while c + span < ncols and row[c + span] == L:
                span += 1
            anchors[(r, c)] = span
            c += span
    for (r, c), span in anchors.items():
        if span > 1:
            t.cell(r, c).merge(t.cell(r, c + span - 1))
    for (r, c), span in anchors.items():
        down = 0
        while r + down + 1 < len(rows) and rows[r + down + 1][c] == U:
            down += 1
        if down:
            t.cell(r, c).merge(t.cell(r + down, c))
    for (r, c), span in anchors.items():
        bold = r < hr or r in spec["bold_rows"] or (spec["bold_first_col"] and c == 0)
        set_cell(t.cell(r, c), rows[r][c], spec["font"], bold)
        if r < hr:
            shade(t.cell(r, c), "D9E2F3")
        elif r in spec["shade_rows"]:
            shade(t.cell(r, c), "EDEDED")
    for r in range(hr):
        repeat_header(t.rows[r])
    if spec["widths"]:
        widths = [Cm(w) for w in spec["widths"]]
        t.autofit = False
        for c, w in enumerate(widths):
            t.columns[c].width = w  # tblGrid/gridCol, used by LibreOffice
        for tr in t._tbl.tr_lst:
            c = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                tc.width = sum(widths[c:c + span], Cm(0))
                c += span
        tblPr = t._tbl.tblPr
        tblW = tblPr.find(qn("w:tblW"))
        if tblW is None:
            tblW = OxmlElement("w:tblW")
            tblPr.append(tblW)
        tblW.set(qn("w:type"), "dxa")
        tblW.set(qn("w:w"), str(int(sum(widths, Cm(0)) / 635)))
    doc.add_paragraph()
    return t


def set_orientation(section, landscape):
    w, h = section.page_width, section.page_height
    if landscape and w < h or (not landscape and w > h):
        section.page_width, section.page_height = h, w
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def to_docx(blocks, path, title):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10.5)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for s in (sec,):
        s.left_margin = s.right_margin = Cm(2.0)
        s.top_margin = s.bottom_margin = Cm(2.0)
    for kind, x in blocks:
        if kind in ("landscape", "portrait"):
            s = doc.add_section(WD_SECTION.NEW_PAGE)
            set_orientation(s, kind == "landscape")
            s.left_margin = s.right_margin = Cm(1.5 if kind == "landscape" else 2.0)
            continue
        if kind == "title":
            p = doc.add_paragraph()
            r = p.add_run(x)
            r.bold = True
            r.font.size = Pt(18)
            r.font.color.rgb = RGBColor(0x00, 0x55, 0xA5)
        elif kind == "h1":
            doc.add_heading(x, level=1)
        elif kind == "h2":
            doc.add_heading(x, level=2)
        elif kind == "p":
            doc.add_paragraph(x)
        elif kind == "bullet":
            doc.add_paragraph(x, style="List Bullet")
        elif kind == "table":
            add_table(doc, x)
    doc.core_properties.title = title
    doc.core_properties.author = "UNDP Kyrgyzstan (fictional)"
    doc.save(path)


def docx_text(path):
    """Plain text of a DOCX (paragraphs + table cells), for self-checks."""
    d = Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            seen = []
            for c in row.cells:
                if c._tc not in seen:
                    seen.append(c._tc)
                    parts.append(c.text)
    return "\n".join(parts)


def main():
    no_pdf = "--no-pdf" in sys.argv
    for sub in ("txt", "docx", "pdf"):
        os.makedirs(os.path.join(HERE, sub), exist_ok=True)
    for name, blocks in DOCS.items():
        txt = to_txt(blocks)
        with open(os.path.join(HERE, "txt", name + ".txt"), "w", encoding="utf-8") as f:
            f.write(txt)
        dpath = os.path.join(HERE, "docx", name + ".docx")
        to_docx(blocks, dpath, TITLES[name])
        print(f"{name}: txt {len(txt)} chars")
    if not no_pdf:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            raise SystemExit("soffice not found (use --no-pdf)")
        with tempfile.TemporaryDirectory() as prof:
            for name in DOCS:
                subprocess.run([soffice, f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                                "--outdir", os.path.join(HERE, "pdf"), os.path.join(HERE, "docx", name + ".docx")],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                print(f"{name}: pdf written")


if __name__ == "__main__":
    main()
