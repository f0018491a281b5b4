#!/usr/bin/env python3
"""Generator for the held-out "project 2" document set (fictional UNDP Nepal project).

Writes, for each document, the same content in three formats:
  txt/<name>.txt    plain text; tables as tab-separated rows with a header row
  docx/<name>.docx  python-docx, real Word tables (merged headers/cells, landscape work plan)
  pdf/<name>.pdf    LibreOffice headless conversion of the DOCX (skipped with --no-pdf)

Usage (from any directory):
  python3 -m venv /tmp/heldout-venv && /tmp/heldout-venv/bin/pip install python-docx
  apt-get install -y libreoffice-writer-nogui        # for the PDFs
  /tmp/heldout-venv/bin/python evals/heldout/project2/build_project2.py [--no-pdf]

All content is held below as data. Budget lines sum to their sub-totals EXCEPT the one
deliberate inconsistency documented in NOTES.md (the stated Sub-Total for Output 3).
"""

import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------- helpers


def money(n):
    return f"{n:,}"


# A document is a list of blocks:
#   ("h", level, text)  heading
#   ("p", text)         paragraph
#   ("b", text)         bullet
#   ("t", spec)         simple table: {"header": [...], "rows": [[...]], "widths": [...]}
#   ("rf", None)        results framework (special table, two-row header, merged output cells)
#   ("wp", None)        multi-year work plan (special table)
#   ("landscape",) / ("portrait",)  section breaks


# ----------------------------------------------------------------------------- project data
TITLE = "Solar Mini-Grids for Resilient Rural Livelihoods in Karnali and Sudurpashchim Provinces (SURYA)"
PROJECT_NO = "00119874"
YEARS = [2020, 2021, 2022, 2023, 2024]

# Work plan: outputs -> activities with yearly budgets (USD), responsible party, funding, description
OUTPUTS = [
    {
        "code": "Output 1",
        "title": "Output 1: Policy and regulatory framework for decentralized renewable energy (DRE) strengthened at federal and provincial levels",
        "marker": "Gender marker: GEN1",
        "activities": [
            (
                "1.1 Support drafting and adoption of Provincial Renewable Energy Acts and regulations in Karnali and Sudurpashchim",
                [45000, 60000, 40000, 20000, 10000],
                "AEPC",
                "UNDP TRAC",
                "Local consultants; consultation workshops",
            ),
            (
                "1.2 Develop tariff-setting guidelines for community mini-grids with the Electricity Regulatory Commission",
                [0, 35000, 50000, 25000, 10000],
                "ERC / UNDP",
                "Norway",
                "International and national consultants; validation meetings",
            ),
            (
                "1.3 Establish a provincial DRE data and monitoring system (GIS) in both provinces",
                [20000, 40000, 45000, 30000, 15000],
                "AEPC",
                "Norway",
                "IT equipment; software development; training",
            ),
        ],
    },
    {
        "code": "Output 2",
        "title": "Output 2: Solar mini-grids and solar irrigation systems installed and operated by communities in Karnali and Sudurpashchim",
        "marker": "Gender marker: GEN2",
        "activities": [
            (
                "2.1 Feasibility studies, site selection and community mobilization for mini-grid sites",
                [80000, 60000, 30000, 10000, 0],
                "AEPC",
                "Norway",
                "Contractual services - companies; travel",
            ),
            (
                "2.2 Procurement and installation of 24 solar mini-grids with a combined capacity of 1,200 kWp",
                [0, 650000, 1100000, 900000, 250000],
                "AEPC / EPC contractors",
                "Norway",
                "Equipment; civil works; contractual services",
            ),
            (
                "2.3 Installation of 300 solar irrigation pumps for smallholder farmer groups",
                [0, 150000, 250000, 200000, 100000],
                "Provincial Ministries / AEPC",
                "Norway",
                "Equipment; grants to farmer groups",
            ),
            (
                "2.4 Operation and maintenance training and establishment of community energy cooperatives",
                [10000, 40000, 60000, 50000, 40000],
                "UNDP",
                "UNDP TRAC",
                "Trainings; workshops; local consultants",
            ),
        ],
    },
    {
        "code": "Output 3",
        "title": "Output 3: Local capacities, women's entrepreneurship and productive use of energy enhanced",
        "marker": "Gender marker: GEN3",
        "activities": [
            (
                "3.1 Training and certification of local solar technicians (at least 40 percent women)",
                [15000, 45000, 60000, 50000, 30000],
                "CTEVT / UNDP",
                "UNDP TRAC",
                "Trainings; training materials",
            ),
            (
                "3.2 Grants for women-led energy enterprises for productive use of electricity",
                [0, 50000, 120000, 130000, 100000],
                "UNDP",
                "Norway",
                "Grants",
            ),
            (
                "3.3 Access to finance: credit guarantee facility with cooperative banks",
                [0, 30000, 60000, 60000, 50000],
                "UNDP / AEPC",
                "Norway",
                "Grants; contractual services",
            ),
            (
                "3.4 Knowledge management, South-South exchange and communications",
                [10000, 25000, 35000, 30000, 50000],
                "UNDP",
                "UNDP TRAC",
                "Publications; audio-visual; travel",
            ),
        ],
    },
    {
        "code": "Output 4",
        "title": "Output 4: Project management, monitoring and evaluation",
        "marker": "",
        "activities": [
            (
                "4.1 Project Management Unit (Project Manager, Finance and Admin Associate, provincial coordinators)",
                [120000, 130000, 135000, 135000, 130000],
                "UNDP",
                "UNDP TRAC",
                "Service contracts - individuals",
            ),
            (
                "4.2 Monitoring, evaluation and audits (incl. mid-term and terminal evaluations)",
                [10000, 15000, 60000, 25000, 70000],
                "UNDP",
                "UNDP TRAC",
                "International consultants; audit fees; travel",
            ),
            (
                "4.3 Direct project costs (DPC)",
                [15000, 20000, 20000, 20000, 20000],
                "UNDP",
                "UNDP TRAC",
                "Direct project costing",
            ),
        ],
    },
]

# the one deliberate inconsistency: stated Sub-Total for Output 3 (lines sum to 950,000)
STATED_SUBTOTAL_OVERRIDE = {"Output 3": 960000}

GMS_RATE = 0.08


def wp_numbers():
    per_output = {}
    norway_year = [0] * 5
    for o in OUTPUTS:
        yrs = [sum(a[1][i] for a in o["activities"]) for i in range(5)]
        per_output[o["code"]] = yrs
        for a in o["activities"]:
            if a[3] == "Norway":
                for i in range(5):
                    norway_year[i] += a[1][i]
    gms_year = [round(x * GMS_RATE) for x in norway_year]
    out_year = [sum(per_output[o["code"]][i] for o in OUTPUTS) for i in range(5)]
    total_year = [out_year[i] + gms_year[i] for i in range(5)]
    trac = sum(sum(a[1]) for o in OUTPUTS for a in o["activities"] if a[3] == "UNDP TRAC")
    return dict(
        per_output=per_output,
        norway_year=norway_year,
        gms_year=gms_year,
        out_year=out_year,
        total_year=total_year,
        trac=trac,
        norway=sum(norway_year),
        gms=sum(gms_year),
        total=sum(total_year),
    )


N = wp_numbers()
assert N["total"] == 6672000, N["total"]
assert N["trac"] == 1650000 and N["norway"] == 4650000 and N["gms"] == 372000
NORWAY_TOTAL = N["norway"] + N["gms"]  # 5,022,000

# Results framework rows: (label, text, baseline value, baseline year, [2020..2024], mid-term, end, data source, method)
RF = [
    (
        "Output 1",
        [
            (
                "Indicator 1.1:",
                "Number of provinces that have adopted a renewable energy act or regulation",
                "0",
                "2019",
                ["0", "1", "1", "2", "2"],
                "1",
                "2",
                "Provincial Gazette",
                "Review of gazette notifications; annual",
            ),
            (
                "Indicator 1.2:",
                "Tariff-setting guideline for community mini-grids approved by the Electricity Regulatory Commission (Yes/No)",
                "No",
                "2019",
                ["No", "No", "Yes", "Yes", "Yes"],
                "Yes",
                "Yes",
                "ERC decisions",
                "Review of ERC decisions; annual",
            ),
            (
                "Indicator 1.3:",
                "Number of municipalities reporting DRE data in the provincial GIS system",
                "0",
                "2019",
                ["0", "10", "25", "40", "54"],
                "25",
                "54",
                "Provincial GIS database",
                "System reports; semi-annual. Risk: connectivity in remote municipalities",
            ),
        ],
    ),
    (
        "Output 2",
        [
            (
                "Indicator 2.1:",
                "Installed capacity of solar mini-grids commissioned (kWp, cumulative)",
                "0",
                "2019",
                ["0", "250", "700", "1,050", "1,200"],
                "700",
                "1,200",
                "AEPC commissioning reports",
                "Commissioning certificates; quarterly",
            ),
            (
                "Indicator 2.2:",
                "Number of households with a new electricity connection from project mini-grids (of which female-headed)",
                "0",
                "2019",
                ["0", "1,500", "4,200", "6,800", "8,000"],
                "4,200",
                "8,000 (1,600 female-headed)",
                "Cooperative connection registers",
                "Register review and sample verification; quarterly",
            ),
            (
                "Indicator 2.3:",
                "Number of solar irrigation pumps in operation (cumulative, including AEPC pilots)",
                "35",
                "2019",
                ["35", "95", "180", "280", "335"],
                "180",
                "335",
                "AEPC / Provincial Ministry records",
                "Site monitoring visits; semi-annual",
            ),
            (
                "Indicator 2.4:",
                "Greenhouse gas emissions avoided (tCO2e per year)",
                "0",
                "2019",
                ["0", "600", "1,700", "2,600", "3,000"],
                "1,700",
                "3,000",
                "Project GHG calculation",
                "Calculation using AEPC emission factors; annual",
            ),
        ],
    ),
    (
        "Output 3",
        [
            (
                "3.1.",
                "Number of local technicians trained and certified in mini-grid operation and maintenance (percentage women)",
                "20",
                "2019",
                ["20", "120", "260", "400", "500"],
                "260",
                "500 (at least 40% women)",
                "CTEVT certification records",
                "Training records; annual",
            ),
            (
                "3.2.",
                "Number of women-led energy enterprises receiving productive-use grants",
                "0",
                "2019",
                ["0", "10", "35", "65", "80"],
                "35",
                "80",
                "Grant database",
                "Grant agreements and monitoring; semi-annual",
            ),
            (
                "3.3.",
                "Number of knowledge products published (case studies, policy briefs, guidelines)",
                "2",
                "2019",
                ["2", "4", "6", "9", "12"],
                "6",
                "12",
                "Project website; publications list",
                "Desk review; annual",
            ),
        ],
    ),
]

RISKS = [
    (
        "1",
        "Delays in procurement and transport of equipment to remote sites due to monsoon and poor road access",
        "Operational",
        "4",
        "4",
        "Schedule deliveries in the dry season (October to May); pre-position stock at hubs in Surkhet and Dhangadhi; use long-term agreements with suppliers",
        "Project Manager",
        "Active",
    ),
    (
        "2",
        "Increase in global PV module prices and depreciation of the Nepalese rupee raise equipment costs",
        "Financial",
        "3",
        "3",
        "Fixed-price contracts; 10 percent price contingency within Activity 2.2; phased procurement",
        "UNDP Operations Manager",
        "Active",
    ),
    (
        "3",
        "Change of provincial governments after the 2022 elections delays adoption of renewable energy acts",
        "Political",
        "3",
        "4",
        "Sustained engagement with provincial assemblies; cross-party briefings; technical support to provincial ministries",
        "Project Board / AEPC",
        "Active",
    ),
    (
        "4",
        "Low tariff collection by community cooperatives undermines operation and maintenance of mini-grids",
        "Financial",
        "3",
        "5",
        "Apply ERC tariff guideline; promote productive use to raise demand; require an O&M reserve fund of 5 percent of revenue",
        "AEPC",
        "Active",
    ),
    (
        "5",
        "Elite capture and exclusion of Dalit and female-headed households from connections and benefits",
        "Social and Environmental",
        "2",
        "4",
        "Inclusive cooperative by-laws; at least 33 percent women in management committees; project grievance redress mechanism",
        "Gender and Social Inclusion Specialist",
        "Active",
    ),
    (
        "6",
        "Landslides and floods damage installations",
        "Environmental",
        "3",
        "4",
        "Hazard screening of sites; climate-proofed design; insurance of mini-grid assets",
        "AEPC technical team",
        "Active",
    ),
    (
        "7",
        "COVID-19 movement restrictions limit field work and community meetings",
        "Operational",
        "4",
        "3",
        "Remote monitoring; recruitment of province-based staff; virtual trainings where possible",
        "Project Manager",
        "Closed (2022)",
    ),
]

MONITORING = [
    (
        "Track results progress",
        "Progress data against the results indicators in the Results Framework will be collected and analysed to assess the progress of the project in achieving the agreed outputs.",
        "Quarterly",
        "Slower than expected progress will be addressed by project management.",
        "AEPC",
        "25,000",
    ),
    (
        "Monitor and Manage Risk",
        "Identify specific risks that may threaten achievement of intended results; update the risk log.",
        "Quarterly",
        "Risks are identified by project management and actions are taken to manage risk. The risk log is actively maintained.",
        "AEPC, UNDP",
        "None",
    ),
    (
        "Field monitoring visits",
        "Joint verification of installed mini-grids, irrigation pumps and enterprises with provincial counterparts.",
        "Semi-annually",
        "Findings recorded in back-to-office reports and follow-up actions tracked.",
        "Provincial Ministries",
        "20,000",
    ),
    (
        "Learn",
        "Knowledge, good practices and lessons will be captured regularly, as well as actively sourced from other projects and partners.",
        "At least annually",
        "Relevant lessons are captured by the project team and used to inform management decisions.",
        "UNDP",
        "10,000",
    ),
    (
        "Annual Project Quality Assurance",
        "The quality of the project will be assessed against UNDP's quality standards.",
        "Annually",
        "Areas of strength and weakness will be reviewed by project management and used to inform decisions.",
        "UNDP",
        "None",
    ),
    (
        "Review and Make Course Corrections",
        "Internal review of data and evidence from all monitoring actions to inform decision making.",
        "At least annually",
        "Performance data, risks, lessons and quality will be discussed by the Project Board.",
        "Project Board",
        "None",
    ),
    (
        "Project Report",
        "A progress report will be presented to the Project Board and key stakeholders, consisting of progress data against annual targets, the annual quality rating summary and an updated risk log.",
        "Annually, and at the end of the project (final report)",
        "Report reviewed and endorsed by the Project Board.",
        "AEPC, UNDP",
        "5,000",
    ),
    (
        "Project Review (Project Board)",
        "The Project Board will hold regular reviews to assess performance and review the Multi-Year Work Plan.",
        "Twice a year",
        "Quality concerns or slower than expected progress discussed and management actions agreed.",
        "Project Board",
        "8,000",
    ),
]

EVALUATIONS = [
    (
        "Mid-Term Evaluation",
        "AEPC",
        "Output 1.5.1",
        "CPD Outcome 3",
        "November 2022",
        "MoEWRI, AEPC, provincial governments, Royal Norwegian Embassy",
        "40,000 (UNDP TRAC)",
    ),
    (
        "Terminal Evaluation",
        "AEPC",
        "Output 1.5.1",
        "CPD Outcome 3",
        "September 2024",
        "MoEWRI, AEPC, provincial governments, Royal Norwegian Embassy",
        "60,000 (UNDP TRAC)",
    ),
]

BOARD = [
    ("Executive (Chair)", "Secretary, Ministry of Energy, Water Resources and Irrigation (MoEWRI)"),
    ("Senior Supplier", "UNDP Resident Representative, Nepal"),
    ("Senior Supplier", "Counsellor for Energy and Climate, Royal Norwegian Embassy in Kathmandu"),
    ("Senior Beneficiary", "Executive Director, Alternative Energy Promotion Centre (AEPC)"),
    ("Senior Beneficiary", "Secretary, Ministry of Physical Infrastructure Development, Karnali Province"),
    ("Senior Beneficiary", "Secretary, Ministry of Physical Infrastructure Development, Sudurpashchim Province"),
    ("Senior Beneficiary", "Chairperson, federation of community electricity user cooperatives (rotating seat)"),
    ("Project Assurance", "Programme Analyst, Climate, Energy and Environment Unit, UNDP Nepal"),
    ("Secretary (non-voting)", "Project Manager"),
]


# ----------------------------------------------------------------------------- documents


def project_document():
    d = []
    d += [
        ("h", 0, "United Nations Development Programme"),
        ("p", "Country: Nepal"),
        ("h", 0, "Project Document"),
        (
            "t",
            {
                "header": ["Field", "Entry"],
                "rows": [
                    ["Project Title", TITLE],
                    ["Project Number", PROJECT_NO],
                    [
                        "Implementing Partner",
                        "Alternative Energy Promotion Centre (AEPC), Ministry of Energy, Water Resources and Irrigation",
                    ],
                    ["Start Date", "1 January 2020"],
                    ["End Date", "31 December 2024"],
                    ["PAC Meeting date", "12 November 2019"],
                ],
                "widths": [1.8, 4.7],
            },
        ),
        ("h", 2, "Brief Description"),
        (
            "p",
            "Nearly one in five households in Karnali Province and one in eight in Sudurpashchim Province still lack access to grid electricity, and most rely on kerosene, diesel and firewood for lighting, cooking and agro-processing. "
            "The SURYA project will help the Government of Nepal and the two provincial governments to bring clean, reliable electricity to remote communities through community-owned solar mini-grids and solar irrigation, "
            "while strengthening the policy and regulatory framework for decentralized renewable energy and building local skills and women's enterprises that make productive use of the new power supply. "
            "Over five years (2020-2024) the project will commission 24 solar mini-grids with a combined capacity of 1,200 kWp, connect 8,000 households and help 300 farmer groups irrigate with solar pumps.",
        ),
        (
            "t",
            {
                "header": ["Resources", "USD"],
                "rows": [
                    ["Total resources required:", money(N["total"])],
                    ["Total resources allocated:", money(N["total"])],
                    ["UNDP TRAC:", money(N["trac"])],
                    ["Donor (Royal Norwegian Embassy):", money(NORWAY_TOTAL)],
                    ["Government (parallel, in-kind):", "400,000"],
                    ["Unfunded:", "0"],
                ],
                "widths": [3.5, 2.0],
            },
        ),
        (
            "p",
            "Contributing Outcome (UNSDCF/CPD): By 2027, people in Nepal, especially the most vulnerable, benefit from climate-resilient, low-emission and inclusive development (CPD Outcome 3).",
        ),
        ("p", "Indicative Output(s) with gender marker: Output 1 - GEN1; Output 2 - GEN2; Output 3 - GEN3."),
        ("h", 1, "I. Development Challenge"),
        (
            "p",
            "Nepal has made rapid progress in electrification, but access remains uneven. The mountain and hill districts of Karnali and Sudurpashchim provinces are among the least electrified in the country: extending the national grid to scattered settlements such as those in Humla, Mugu, Dolpa, Bajura and Darchula is slow and costly, and the existing micro-hydro plants are often damaged by floods and landslides.",
        ),
        (
            "p",
            "Women bear most of the burden of energy poverty, spending long hours collecting firewood and processing grain by hand. Smallholder farmers depend on rain-fed agriculture and are exposed to increasingly erratic monsoons. At the same time, the federal structure introduced by the 2015 Constitution gives provinces new responsibilities for energy, but provincial renewable energy legislation, tariff rules for community mini-grids and reliable data on off-grid systems are still missing.",
        ),
        ("h", 1, "II. Strategy"),
        (
            "p",
            "The project's theory of change holds that if an enabling policy and regulatory framework is in place, if community-owned solar mini-grids and solar irrigation systems are installed with sound business models, and if local people, in particular women, have the skills and finance to use electricity productively, then remote households will gain reliable clean energy, incomes will rise and greenhouse gas emissions will fall.",
        ),
        (
            "p",
            "The project builds on AEPC's Renewable Energy for Rural Livelihoods experience and on UNDP's global work on de-risking renewable energy investment. It contributes to SDG 7 (affordable and clean energy), SDG 5 (gender equality) and SDG 13 (climate action), and to Nepal's Nationally Determined Contribution.",
        ),
        ("h", 1, "III. Results and Partnerships"),
        ("h", 2, "Expected Results"),
        (
            "p",
            "Output 1 will support the two provincial governments to draft and adopt renewable energy acts, help the Electricity Regulatory Commission (ERC) issue tariff-setting guidelines for community mini-grids, and set up a provincial DRE data and monitoring system.",
        ),
        (
            "p",
            "Output 2 will finance feasibility studies and the installation of 24 solar mini-grids with a combined capacity of 1,200 kWp and of 300 solar irrigation pumps, to be owned and operated by community energy cooperatives.",
        ),
        (
            "p",
            "Output 3 will train and certify 500 local technicians, at least 40 percent of them women, provide grants to 80 women-led energy enterprises and set up a credit guarantee facility with cooperative banks.",
        ),
        ("h", 2, "Resources Required to Achieve the Expected Results"),
        (
            "p",
            f"The total budget is USD {money(N['total'])}, of which USD {money(NORWAY_TOTAL)} is contributed by the Royal Norwegian Embassy (including General Management Support of 8 percent) and USD {money(N['trac'])} by UNDP from its regular (TRAC) resources. The Government of Nepal provides a parallel in-kind contribution estimated at USD 400,000 in office space at AEPC, staff time and land for installations.",
        ),
        ("h", 2, "Partnerships"),
        (
            "p",
            "The project will work with the Electricity Regulatory Commission on tariffs, with the Council for Technical Education and Vocational Training (CTEVT) on technician certification, with cooperative banks on access to finance and with private engineering, procurement and construction (EPC) companies selected competitively for the installation of mini-grids.",
        ),
        ("h", 2, "Risks and Assumptions"),
        (
            "p",
            "The main risks are delays in transporting equipment to remote sites, price increases for PV equipment, changes in provincial governments, weak tariff collection by cooperatives, elite capture of benefits and natural hazards. The full risk log is presented in Annex 2.",
        ),
        ("h", 2, "Stakeholder Engagement"),
        (
            "p",
            "The target groups are rural households without reliable electricity, smallholder farmer groups, women entrepreneurs and local technicians in the project municipalities, with priority to Dalit, Janajati and female-headed households. Municipalities and community energy cooperatives are the main local partners.",
        ),
        ("h", 2, "South-South and Triangular Cooperation (SSC/TrC)"),
        (
            "p",
            "The project will exchange experience on community mini-grid business models with practitioners in Bangladesh and India, and on solar irrigation with partners in Pakistan.",
        ),
        ("h", 2, "Sustainability and Scaling Up"),
        (
            "p",
            "Mini-grids will be handed over to community energy cooperatives, which will collect tariffs and keep an operation and maintenance reserve fund. Provincial legislation and the ERC tariff guideline will allow AEPC and the provinces to replicate the model with their own and other donors' resources.",
        ),
        ("h", 1, "IV. Project Management"),
        (
            "p",
            "The project will be nationally implemented (NIM) by AEPC, with UNDP support services. The Project Management Unit will be located at AEPC in Lalitpur, with two provincial project offices in Birendranagar (Surkhet) and Dhangadhi.",
        ),
        ("landscape",),
        ("h", 1, "V. Results Framework"),
        (
            "p",
            "Intended Outcome as stated in the UNSDCF/Country Programme Results and Resource Framework: By 2027, people in Nepal, especially the most vulnerable, benefit from climate-resilient, low-emission and inclusive development.",
        ),
        ("p", "Project title and Atlas Project Number: " + TITLE + " / " + PROJECT_NO),
        ("rf", None),
        ("portrait",),
        ("h", 1, "VI. Monitoring and Evaluation"),
        (
            "p",
            "In accordance with UNDP's programming policies and procedures, the project will be monitored through the following monitoring and evaluation plans.",
        ),
        ("h", 2, "Monitoring Plan"),
        (
            "t",
            {
                "header": [
                    "Monitoring Activity",
                    "Purpose",
                    "Frequency",
                    "Expected Action",
                    "Partners (if joint)",
                    "Cost (USD, if any)",
                ],
                "rows": [list(r) for r in MONITORING],
                "widths": [1.2, 1.9, 0.9, 1.6, 0.9, 0.7],
            },
        ),
        ("h", 2, "Evaluation Plan"),
        (
            "t",
            {
                "header": [
                    "Evaluation Title",
                    "Partners (if joint)",
                    "Related Strategic Plan Output",
                    "UNSDCF/CPD Outcome",
                    "Planned Completion Date",
                    "Key Evaluation Stakeholders",
                    "Cost and Source of Funding (USD)",
                ],
                "rows": [list(r) for r in EVALUATIONS],
                "widths": [1.0, 0.7, 0.8, 0.8, 0.9, 1.4, 0.9],
            },
        ),
        ("landscape",),
        ("h", 1, "VII. Multi-Year Work Plan"),
        ("p", "All amounts in US dollars."),
        ("wp", None),
        ("portrait",),
        ("h", 1, "VIII. Governance and Management Arrangements"),
        (
            "p",
            "The Project Board is the most senior, dedicated oversight body of the project. It provides strategic direction, approves annual work plans and budget revisions, and reviews progress and risks. The Project Board will meet twice a year; extraordinary meetings may be called by the Chair. Decisions are taken by consensus; where consensus cannot be reached, the final decision rests with the UNDP Resident Representative, in consultation with the Chair.",
        ),
        ("p", "The Project Board is composed of the following members:"),
        ("t", {"header": ["Role", "Member"], "rows": [list(r) for r in BOARD], "widths": [1.8, 4.7]}),
        (
            "p",
            "The Project Manager, recruited by UNDP and based at AEPC, runs the project on a day-to-day basis and acts as secretary of the Project Board. Project Assurance is provided by the UNDP Programme Analyst, who carries out objective oversight and monitoring independently of the Project Manager.",
        ),
        ("h", 1, "IX. Legal Context"),
        (
            "p",
            "This project document shall be the instrument referred to as such in Article 1 of the Standard Basic Assistance Agreement between the Government of Nepal and UNDP, signed on 23 February 1984.",
        ),
        ("h", 1, "Annex 2. Risk Log"),
        ("p", "Likelihood and impact are scored on a scale of 1 (low) to 5 (high)."),
        (
            "t",
            {
                "header": ["#", "Risk", "Category", "Likelihood", "Impact", "Mitigation measures", "Owner", "Status"],
                "rows": [list(r) for r in RISKS],
                "widths": [0.3, 1.6, 0.9, 0.6, 0.5, 1.9, 0.9, 0.6],
            },
        ),
    ]
    return d


# progress report 2022: (indicator label, short name, baseline, annual target 2022, achieved 2022, status)
APR_ROWS = [
    ("Indicator 1.1", "Provinces with renewable energy act or regulation adopted", "0", "1", "1", "Achieved"),
    (
        "Indicator 1.2",
        "ERC tariff-setting guideline for community mini-grids approved",
        "No",
        "Yes",
        "No",
        "Not achieved",
    ),
    ("Indicator 1.3", "Municipalities reporting DRE data in the provincial GIS", "0", "25", "28", "Achieved"),
    (
        "Indicator 2.1",
        "Installed capacity of solar mini-grids commissioned (kWp)",
        "0",
        "700",
        "610",
        "Partially achieved",
    ),
    ("Indicator 2.2", "Households newly connected to project mini-grids", "0", "4,200", "3,850", "Partially achieved"),
    ("Indicator 2.3", "Solar irrigation pumps in operation", "35", "180", "192", "Achieved"),
    ("Indicator 2.4", "GHG emissions avoided (tCO2e per year)", "0", "1,700", "1,480", "Partially achieved"),
    (
        "Indicator 3.1",
        "Local technicians trained and certified (percentage women)",
        "20",
        "260",
        "275 (41% women)",
        "Achieved",
    ),
    ("Indicator 3.2", "Women-led energy enterprises receiving grants", "0", "35", "22", "Not achieved"),
    ("Indicator 3.3", "Knowledge products published", "2", "6", "6", "Achieved"),
]

# delivery 2022: budget from the work plan, expenditure invented
EXPENDITURE_2022 = {"Output 1": 121500, "Output 2": 1224000, "Output 3": 192500, "Output 4": 206400}


SHORT_OUTPUT = {
    "Output 1": "Output 1 - Policy and regulatory framework",
    "Output 2": "Output 2 - Solar mini-grids and solar irrigation",
    "Output 3": "Output 3 - Local capacities and women's entrepreneurship",
    "Output 4": "Output 4 - Project management, monitoring and evaluation",
}


def annual_report():
    b = {o["code"]: N["per_output"][o["code"]][2] for o in OUTPUTS}
    rows = []
    for o in OUTPUTS:
        bud, exp = b[o["code"]], EXPENDITURE_2022[o["code"]]
        rows.append([SHORT_OUTPUT[o["code"]], money(bud), money(exp), f"{exp / bud * 100:.1f}%"])
    tb, te = sum(b.values()), sum(EXPENDITURE_2022.values())
    rows.append(["Total (excluding GMS)", money(tb), money(te), f"{te / tb * 100:.1f}%"])
    d = [
        ("h", 0, "Annual Progress Report 2022"),
        (
            "t",
            {
                "header": ["Field", "Entry"],
                "rows": [
                    ["Project Title", TITLE],
                    ["Project Number", PROJECT_NO],
                    ["Implementing Partner", "Alternative Energy Promotion Centre (AEPC)"],
                    ["Reporting period", "1 January - 31 December 2022"],
                    ["Project duration", "1 January 2020 - 31 December 2024"],
                    ["Date of report", "15 February 2023"],
                ],
                "widths": [1.8, 4.7],
            },
        ),
        ("h", 1, "1. Executive Summary"),
        (
            "p",
            "2022 was the third and busiest year of implementation. Karnali Province adopted its Renewable Energy Act in June 2022, the first provincial renewable energy law in Nepal supported by the project. By 31 December 2022, 15 of the 24 planned solar mini-grids were commissioned with a combined capacity of 610 kWp, connecting 3,850 households, and 192 solar irrigation pumps were in operation.",
        ),
        (
            "p",
            "Progress was slower than planned on installation of mini-grids because the monsoon floods of July and August 2022 cut the Karnali Highway for several weeks and delayed transport of equipment to Mugu and Humla. The ERC tariff-setting guideline was drafted and submitted but had not been approved by the end of the year. Grants to women-led enterprises started late because the grant manual was approved only in May 2022.",
        ),
        ("h", 1, "2. Progress against Results Framework targets (2022)"),
        ("p", "Values are cumulative as of 31 December 2022."),
        (
            "t",
            {
                "header": ["Indicator", "Description", "Baseline", "Annual target 2022", "Achieved 2022", "Status"],
                "rows": [list(r) for r in APR_ROWS],
                "widths": [0.9, 2.4, 0.7, 0.9, 0.9, 0.9],
            },
        ),
        ("h", 1, "3. Financial Delivery 2022"),
        ("p", "Expenditure figures are provisional, pending the Combined Delivery Report for 2022. GMS is excluded."),
        (
            "t",
            {
                "header": ["Output", "Budget 2022 (USD)", "Expenditure 2022 (USD)", "Delivery rate"],
                "rows": rows,
                "widths": [3.3, 1.1, 1.2, 0.9],
            },
        ),
        (
            "p",
            "Under-delivery under Output 3 is mainly due to the late start of the women-led enterprise grants (Activity 3.2). Unspent 2022 funds will be carried over to 2023 through a budget revision to be approved by the Project Board.",
        ),
        ("h", 1, "4. Challenges and Lessons Learned"),
        (
            "b",
            "Equipment deliveries planned for the monsoon season were delayed; from 2023 all deliveries to high-altitude sites will be scheduled between October and May.",
        ),
        (
            "b",
            "Community energy cooperatives with at least one woman in a leadership position collected 96 percent of billed tariffs, against 81 percent in other cooperatives.",
        ),
        (
            "b",
            "The change of provincial governments after the November 2022 elections slowed the Sudurpashchim Renewable Energy Bill, which remains with the Provincial Assembly.",
        ),
        ("h", 1, "5. Priorities for 2023"),
        ("b", "Commission the remaining 9 mini-grids and reach 1,050 kWp of installed capacity."),
        ("b", "Obtain ERC approval of the tariff-setting guideline."),
        ("b", "Award the second round of grants to women-led energy enterprises."),
        ("h", 1, "6. Project Board"),
        (
            "p",
            "The Project Board met twice in 2022, on 24 March and 13 October 2022, and endorsed this report on 28 February 2023.",
        ),
    ]
    return d


QA_SECTIONS = [
    (
        "Strategic",
        "Satisfactory",
        [
            (
                "1",
                "Are there credible signs that the project is likely to contribute to higher level change?",
                "2",
                "The project is aligned with CPD Outcome 3 and Nepal's NDC; progress towards outcome-level change is emerging but not yet measured.",
            ),
            (
                "2",
                "Is the project aligned with the thematic focus of the UNDP Strategic Plan?",
                "3",
                "The project responds to the energy signature solution of the Strategic Plan and its results framework includes the relevant SP output indicators.",
            ),
        ],
    ),
    (
        "Relevant",
        "Highly Satisfactory",
        [
            (
                "3",
                "Are the project's targeted groups being systematically identified and engaged?",
                "3",
                "Targeted households are identified through a census of unelectrified settlements; cooperative members sit in site committees and give feedback at quarterly meetings.",
            ),
            (
                "4",
                "Is the project generating knowledge and lessons learned?",
                "3",
                "Lessons from the first 8 mini-grids were documented in an After-Action Review in March 2022 and used to change the cooperative tariff model.",
            ),
            (
                "5",
                "Is the project sufficiently at scale?",
                "3",
                "The project covers 14 municipalities in two provinces and the provincial acts provide a basis for replication.",
            ),
        ],
    ),
    (
        "Principled",
        "Satisfactory",
        [
            (
                "6",
                "Are the project's measures to address gender inequalities and empower women relevant and producing the intended effect?",
                "2",
                "41 percent of certified technicians are women, but the women-led enterprise grants started late and only 22 of 35 planned enterprises received grants.",
            ),
            (
                "7",
                "Are social and environmental impacts and risks being successfully managed and monitored?",
                "2",
                "The project was categorized as Moderate risk in the SESP; site-level environmental screening is carried out for all mini-grid sites.",
            ),
            (
                "8",
                "Are grievance mechanisms available to project-affected people?",
                "2",
                "A project grievance redress mechanism was set up in 2021; 11 grievances were received in 2022, of which 9 were resolved.",
            ),
        ],
    ),
    (
        "Management & Monitoring",
        "Needs Improvement",
        [
            (
                "9",
                "Is the project's M&E Plan being implemented?",
                "1",
                "Quarterly monitoring data for Output 2 were incomplete for two quarters and the GHG calculation was not updated in 2022.",
            ),
            (
                "10",
                "Is the project's governance mechanism functioning as intended?",
                "2",
                "The Project Board met twice in 2022 as planned and minutes are on file.",
            ),
            (
                "11",
                "Are risks to the project being adequately monitored and managed?",
                "2",
                "The risk log was updated in June and December 2022; the monsoon risk materialized and mitigation was only partly effective.",
            ),
        ],
    ),
    (
        "Efficient",
        "Satisfactory",
        [
            (
                "12",
                "Have adequate resources been mobilized to achieve intended results?",
                "Yes",
                "The project is fully funded by the Royal Norwegian Embassy and UNDP TRAC.",
            ),
            (
                "13",
                "Are project inputs being procured and delivered on time?",
                "2",
                "The procurement plan is updated annually; delays in transport of equipment affected 6 mini-grid sites.",
            ),
            (
                "14",
                "Is there regular monitoring and recording of cost efficiencies?",
                "2",
                "Cost per kWp installed is tracked and compared with AEPC benchmarks.",
            ),
        ],
    ),
    (
        "Effective",
        "Satisfactory",
        [
            (
                "15",
                "Is the project on track to deliver its expected outputs?",
                "Yes",
                "Five of ten indicator targets for 2022 were met or exceeded; capacity installed reached 610 kWp against a target of 700 kWp.",
            ),
            (
                "16",
                "Are there regular reviews of the work plan?",
                "2",
                "The work plan was reviewed by the Project Board in March and October 2022.",
            ),
            (
                "17",
                "Are targeted groups being reached as intended?",
                "3",
                "Connection registers show that 23 percent of connected households are Dalit or female-headed.",
            ),
        ],
    ),
    (
        "Sustainability & National Ownership",
        "Highly Satisfactory",
        [
            (
                "18",
                "Are stakeholders and partners fully engaged in decision-making?",
                "3",
                "AEPC leads implementation and provincial ministries co-chair site selection committees.",
            ),
            (
                "19",
                "Are there regular monitoring of changes in capacities and performance of institutions?",
                "2",
                "A HACT micro-assessment of AEPC was completed in 2021 (low risk); a capacity scorecard for cooperatives is applied annually.",
            ),
            (
                "20",
                "Is there a sustainability and transition plan?",
                "2",
                "A draft hand-over strategy for mini-grids to cooperatives exists but has not yet been reviewed by the Project Board.",
            ),
        ],
    ),
]


def qa_report():
    d = [
        ("h", 0, "Implementation Stage Quality Assurance Report"),
        (
            "t",
            {
                "header": ["Field", "Entry"],
                "rows": [
                    ["Form Status", "Approved"],
                    ["Overall Rating", "Satisfactory"],
                    ["Decision", "Continue implementation; address M&E weaknesses"],
                    ["Portfolio/Project Number", PROJECT_NO],
                    ["Portfolio/Project Title", TITLE],
                    ["Portfolio/Project Date", "2020-01-01 / 2024-12-31"],
                    ["Assessment date", "20 January 2023"],
                    ["Assessed by", "UNDP Nepal Country Office, Results-Based Management Unit"],
                ],
                "widths": [1.9, 4.6],
            },
        ),
        ("h", 1, "Summary of Quality Ratings"),
        (
            "t",
            {
                "header": ["Criterion", "Questions", "Quality Rating"],
                "rows": [[s[0], f"{s[2][0][0]}-{s[2][-1][0]}", s[1]] for s in QA_SECTIONS],
                "widths": [2.5, 1.2, 2.0],
            },
        ),
        ("p", "Ratings per question use the UNDP scale 3 (best) to 1 (weakest), or Yes/No for questions 12 and 15."),
    ]
    for name, rating, qs in QA_SECTIONS:
        d.append(("h", 1, f"{name} - Quality Rating: {rating}"))
        d.append(
            (
                "t",
                {
                    "header": ["#", "Question", "Rating", "Evidence"],
                    "rows": [list(x) for x in qs],
                    "widths": [0.3, 2.3, 0.6, 3.3],
                },
            )
        )
    d += [
        ("h", 1, "Management Actions"),
        (
            "b",
            "Complete missing quarterly monitoring data for Output 2 and update the GHG calculation by 31 March 2023 (Project Manager).",
        ),
        ("b", "Submit the hand-over strategy to the Project Board for review at its next meeting (AEPC)."),
        ("h", 1, "QA Summary/Project Board Comments"),
        (
            "p",
            "The project is on track overall, with strong national ownership. The main weakness is monitoring and evaluation; the Project Board requested a revised M&E plan before the mid-term evaluation findings are finalized.",
        ),
    ]
    return d


MTE_RATINGS = [
    (
        "Relevance",
        "Highly Satisfactory (HS)",
        "The project responds directly to national and provincial energy access priorities and to the needs of unelectrified communities.",
    ),
    (
        "Coherence",
        "Satisfactory (S)",
        "Good fit with AEPC programmes and other donor support; coordination with the grid extension plans of the Nepal Electricity Authority needs improvement.",
    ),
    (
        "Effectiveness",
        "Moderately Satisfactory (MS)",
        "Good progress on policy and irrigation; mini-grid installation and women's enterprise grants are behind schedule.",
    ),
    (
        "Efficiency",
        "Moderately Satisfactory (MS)",
        "Cost per kWp installed is in line with benchmarks, but procurement and transport delays reduced delivery.",
    ),
    (
        "Sustainability",
        "Moderately Likely (ML)",
        "Cooperatives collect tariffs, but reserve funds are still small and the tariff guideline is not yet approved.",
    ),
    (
        "Gender equality and human rights",
        "Satisfactory (S)",
        "Women make up 41 percent of certified technicians; inclusion of Dalit households in connections is monitored.",
    ),
    (
        "Overall project rating",
        "Moderately Satisfactory (MS)",
        "The project is likely to achieve most of its outputs by 2024 if the recommendations are implemented.",
    ),
]


def midterm_evaluation():
    d = [
        ("h", 0, "Mid-Term Evaluation Report"),
        (
            "t",
            {
                "header": ["Field", "Entry"],
                "rows": [
                    ["Project Title", TITLE],
                    ["Project Number", PROJECT_NO],
                    ["Evaluation type", "Independent mid-term evaluation (decentralized)"],
                    ["Period covered", "January 2020 - October 2022"],
                    ["Evaluation team", "One international evaluator (team leader) and one national evaluator"],
                    ["Commissioned by", "UNDP Nepal"],
                    ["Date of report", "December 2022"],
                ],
                "widths": [1.8, 4.7],
            },
        ),
        ("h", 1, "1. Executive Summary"),
        (
            "p",
            "The mid-term evaluation was carried out between September and November 2022 through a document review, 46 key informant interviews, 12 focus group discussions and visits to 9 mini-grid sites in five districts. It assessed the project against the OECD/DAC criteria of relevance, coherence, effectiveness, efficiency and sustainability, and against gender equality and human rights.",
        ),
        (
            "p",
            "By the end of October 2022, 14 of the 24 planned mini-grids had been commissioned with a combined capacity of 560 kWp. The evaluation found the project highly relevant and well owned by AEPC and the provinces, but behind schedule on infrastructure and on women's enterprise grants.",
        ),
        ("h", 1, "2. Evaluation Ratings"),
        (
            "t",
            {
                "header": ["Criterion", "Rating", "Justification"],
                "rows": [list(r) for r in MTE_RATINGS],
                "widths": [1.6, 1.6, 3.3],
            },
        ),
        (
            "p",
            "Rating scale: Highly Satisfactory (HS), Satisfactory (S), Moderately Satisfactory (MS), Moderately Unsatisfactory (MU), Unsatisfactory (U), Highly Unsatisfactory (HU); sustainability: Likely (L), Moderately Likely (ML), Moderately Unlikely (MU), Unlikely (U).",
        ),
        ("h", 1, "3. Main Findings"),
        (
            "p",
            "Finding 1. The Karnali Renewable Energy Act adopted in June 2022 is the most important policy result to date and is already used as a model by Sudurpashchim Province.",
        ),
        (
            "p",
            "Finding 2. The average installed cost of mini-grids, USD 2,350 per kWp, compares well with the AEPC benchmark of USD 2,500 per kWp.",
        ),
        ("p", "Finding 3. Cooperatives in which women hold leadership positions perform better on tariff collection."),
        (
            "p",
            "Finding 4. The M&E system does not yet track productive use of electricity or income effects on households.",
        ),
        ("h", 1, "4. Recommendations"),
        (
            "t",
            {
                "header": ["#", "Recommendation", "Addressed to", "Priority"],
                "rows": [
                    [
                        "1",
                        "Extend the project by 12 months at no cost, to 31 December 2025, to allow completion of the remaining mini-grids.",
                        "Project Board",
                        "High",
                    ],
                    [
                        "2",
                        "Schedule all equipment deliveries to high-altitude sites between October and May.",
                        "AEPC, UNDP",
                        "High",
                    ],
                    [
                        "3",
                        "Fast-track the second round of grants to women-led energy enterprises and simplify the grant manual.",
                        "UNDP",
                        "High",
                    ],
                    [
                        "4",
                        "Add indicators on productive use of electricity and household income to the results framework.",
                        "Project Manager",
                        "Medium",
                    ],
                    [
                        "5",
                        "Require each cooperative to build an operation and maintenance reserve fund equal to at least 5 percent of revenue.",
                        "AEPC, cooperatives",
                        "Medium",
                    ],
                ],
                "widths": [0.3, 3.8, 1.4, 0.8],
            },
        ),
        ("h", 1, "5. Management Response"),
        (
            "p",
            "UNDP and AEPC accepted recommendations 2 to 5. Recommendation 1 (no-cost extension) was noted; the Project Board will decide on it at the end of 2023 after reviewing progress.",
        ),
    ]
    return d


DOCS = {
    "np-solar-project-document": project_document,
    "np-solar-annual-report-2022": annual_report,
    "np-solar-qa-implementation-2022": qa_report,
    "np-solar-midterm-evaluation": midterm_evaluation,
}

# ----------------------------------------------------------------------------- special tables (data)
RF_TOP = [
    "EXPECTED OUTPUTS",
    "OUTPUT INDICATORS",
    "BASELINE",
    "",
    "TARGETS (by year of data collection)",
    "",
    "",
    "",
    "",
    "",
    "",
    "DATA SOURCE",
    "DATA COLLECTION METHODS & RISKS",
]
RF_SUB = ["", "", "Value", "Year", "2020", "2021", "2022", "2023", "2024", "Mid-term", "End of project", "", ""]
RF_FLAT = [
    "EXPECTED OUTPUTS",
    "OUTPUT INDICATORS",
    "BASELINE Value",
    "BASELINE Year",
    "2020",
    "2021",
    "2022",
    "2023",
    "2024",
    "Mid-term",
    "End of project",
    "DATA SOURCE",
    "DATA COLLECTION METHODS & RISKS",
]


def rf_output_title(code):
    for o in OUTPUTS:
        if o["code"] == code:
            return o["title"]


def rf_rows():
    """list of (output_cell_text or None for merged continuation, cells...)"""
    rows = []
    for code, inds in RF:
        for k, (lab, txt, bv, by, yrs, mid, end, src, meth) in enumerate(inds):
            rows.append([rf_output_title(code) if k == 0 else "", f"{lab} {txt}", bv, by, *yrs, mid, end, src, meth])
    return rows


WP_TOP = [
    "EXPECTED OUTPUTS",
    "PLANNED ACTIVITIES",
    "Planned Budget by Year",
    "",
    "",
    "",
    "",
    "RESPONSIBLE PARTY",
    "PLANNED BUDGET",
    "",
    "",
]
WP_SUB = ["", "", "2020", "2021", "2022", "2023", "2024", "", "Funding Source", "Budget Description", "Amount"]
WP_FLAT = [
    "EXPECTED OUTPUTS",
    "PLANNED ACTIVITIES",
    "2020",
    "2021",
    "2022",
    "2023",
    "2024",
    "RESPONSIBLE PARTY",
    "Funding Source",
    "Budget Description",
    "Amount",
]


def wp_rows():
    """rows with a kind tag: ('act', first_of_output, cells) / ('sub', cells) / ('tot', cells)"""
    rows = []
    for o in OUTPUTS:
        for k, (name, yrs, rp, fund, desc) in enumerate(o["activities"]):
            out = (o["title"] + ("\n" + o["marker"] if o["marker"] else "")) if k == 0 else ""
            rows.append(("act", k == 0, [out, name, *[money(y) for y in yrs], rp, fund, desc, money(sum(yrs))]))
        yrs = N["per_output"][o["code"]]
        stated = STATED_SUBTOTAL_OVERRIDE.get(o["code"], sum(yrs))
        n = o["code"].split()[1]
        rows.append(
            ("sub", False, [f"Sub-Total for Output {n}", "", *[money(y) for y in yrs], "", "", "", money(stated)])
        )
    rows.append(
        (
            "sub",
            False,
            [
                "General Management Support (GMS) 8% on the Norway contribution",
                "",
                *[money(y) for y in N["gms_year"]],
                "UNDP",
                "Norway",
                "GMS",
                money(N["gms"]),
            ],
        )
    )
    rows.append(("tot", False, ["TOTAL", "", *[money(y) for y in N["total_year"]], "", "", "", money(N["total"])]))
    return rows


# ----------------------------------------------------------------------------- TXT writer


def cell1(s):
    return " ".join(str(s).split("\n")).strip()


def to_txt(blocks):
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "h":
            out += ["", b[2], ""]
        elif kind == "p":
            out.append(b[1])
        elif kind == "b":
            out.append("- " + b[1])
        elif kind == "t":
            out.append("")
            out.append("\t".join(b[1]["header"]))
            for r in b[1]["rows"]:
                out.append("\t".join(cell1(c) for c in r))
            out.append("")
        elif kind == "rf":
            out.append("")
            out.append("\t".join(RF_FLAT))
            for r in rf_rows():
                out.append("\t".join(cell1(c) for c in r))
            out.append("")
        elif kind == "wp":
            out.append("")
            out.append("\t".join(WP_FLAT))
            for _, _, r in wp_rows():
                out.append("\t".join(cell1(c) for c in r))
            out.append("")
    text = "\n".join(out)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


# ----------------------------------------------------------------------------- DOCX writer


def to_docx(blocks, path):
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10)
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Inches(1)

    def shade(cell, color="D9E2F3"):
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), color)
        tcPr.append(shd)

    def repeat_header(row):
        trPr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        trPr.append(el)

    def set_text(cell, text, bold=False, size=8):
        cell.text = ""
        lines = str(text).split("\n")
        p = cell.paragraphs[0]
        for i, line in enumerate(lines):
            if i:
                p = cell.add_paragraph()
            r = p.add_run(line)
            r.bold = bold
            r.font.size = Pt(size)

    def new_section(landscape):
        s = doc.add_section(WD_SECTION.NEW_PAGE)
        w, h = s.page_width, s.page_height
        if landscape and w < h or (not landscape and w > h):
            s.page_width, s.page_height = h, w
        s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        s.left_margin = s.right_margin = Inches(0.5 if landscape else 1)
        s.top_margin = s.bottom_margin = Inches(0.7 if landscape else 1)

    def widths(table, ws):
        table.autofit = False
        for i, w in enumerate(ws):
            table.columns[i].width = Inches(w)
        for row in table.rows:
            for i, w in enumerate(ws):
                if i < len(row.cells):
                    row.cells[i].width = Inches(w)

    for b in blocks:
        kind = b[0]
        if kind == "h":
            doc.add_heading(b[2], level=b[1])
        elif kind == "p":
            doc.add_paragraph(b[1])
        elif kind == "b":
            doc.add_paragraph(b[1], style="List Bullet")
        elif kind == "landscape":
            new_section(True)
        elif kind == "portrait":
            new_section(False)
        elif kind == "t":
            spec = b[1]
            t = doc.add_table(rows=1 + len(spec["rows"]), cols=len(spec["header"]))
            t.style = "Table Grid"
            if spec.get("widths"):
                widths(t, spec["widths"])
            for i, h in enumerate(spec["header"]):
                set_text(t.rows[0].cells[i], h, bold=True, size=9)
                shade(t.rows[0].cells[i])
            repeat_header(t.rows[0])
            for r, row in enumerate(spec["rows"], 1):
                for i, c in enumerate(row):
                    set_text(t.rows[r].cells[i], c, size=9)
            doc.add_paragraph()
        elif kind == "rf":
            rows = rf_rows()
            t = doc.add_table(rows=2 + len(rows), cols=len(RF_FLAT))
            t.style = "Table Grid"
            widths(t, [1.3, 1.9, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.55, 0.8, 0.9, 1.15])
            # header row 1 / 2 with merges: BASELINE spans Value+Year, TARGETS spans 7 columns,
            # other header cells merged vertically over the two header rows
            for i in range(len(RF_FLAT)):
                for rr in (0, 1):
                    shade(t.rows[rr].cells[i])
            for i in (0, 1, 11, 12):
                c = t.cell(0, i).merge(t.cell(1, i))
                set_text(c, RF_TOP[i], bold=True)
            c = t.cell(0, 2).merge(t.cell(0, 3))
            set_text(c, "BASELINE", bold=True)
            c = t.cell(0, 4).merge(t.cell(0, 10))
            set_text(c, RF_TOP[4], bold=True)
            for i in range(2, 11):
                set_text(t.cell(1, i), RF_SUB[i], bold=True)
            repeat_header(t.rows[0])
            repeat_header(t.rows[1])
            r0 = 2
            for r, row in enumerate(rows):
                for i, v in enumerate(row):
                    if i == 0 and not v:
                        continue
                    set_text(t.cell(r0 + r, i), v)
            # merge output cells vertically over their indicator rows
            r = r0
            for code, inds in RF:
                top, bot = r, r + len(inds) - 1
                if bot > top:
                    txt = t.cell(top, 0).text
                    m = t.cell(top, 0).merge(t.cell(bot, 0))
                    set_text(m, txt)
                r = bot + 1
            doc.add_paragraph()
        elif kind == "wp":
            rows = wp_rows()
            t = doc.add_table(rows=2 + len(rows), cols=len(WP_FLAT))
            t.style = "Table Grid"
            widths(t, [1.3, 1.8, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.65, 0.95, 0.8])
            for i in range(len(WP_FLAT)):
                for rr in (0, 1):
                    shade(t.rows[rr].cells[i])
            for i in (0, 1, 7):
                c = t.cell(0, i).merge(t.cell(1, i))
                set_text(c, WP_TOP[i], bold=True)
            c = t.cell(0, 2).merge(t.cell(0, 6))
            set_text(c, "Planned Budget by Year", bold=True)
            c = t.cell(0, 8).merge(t.cell(0, 10))
            set_text(c, "PLANNED BUDGET", bold=True)
            for i in list(range(2, 7)) + [8, 9, 10]:
                set_text(t.cell(1, i), WP_SUB[i], bold=True)
            repeat_header(t.rows[0])
            repeat_header(t.rows[1])
            r0 = 2
            for r, (kindr, _, row) in enumerate(rows):
                for i, v in enumerate(row):
                    if i == 0 and not v:
                        continue
                    set_text(t.cell(r0 + r, i), v, bold=(kindr != "act"), size=7.5)
                if kindr != "act":
                    for i in range(len(WP_FLAT)):
                        shade(t.cell(r0 + r, i), "F2F2F2")
                    # label spans the output + activity columns
                    lab = t.cell(r0 + r, 0).text
                    m = t.cell(r0 + r, 0).merge(t.cell(r0 + r, 1))
                    set_text(m, lab, bold=True)
            # vertical merge of output cells over activity rows
            r = r0
            for o in OUTPUTS:
                top, bot = r, r + len(o["activities"]) - 1
                txt = "\n".join(p.text for p in t.cell(top, 0).paragraphs)
                m = t.cell(top, 0).merge(t.cell(bot, 0))
                set_text(m, txt)
                r = bot + 2  # skip sub-total row
            doc.add_paragraph()
    doc.save(path)


# ----------------------------------------------------------------------------- main


def main():
    no_pdf = "--no-pdf" in sys.argv
    for sub in ("txt", "docx", "pdf"):
        os.makedirs(os.path.join(HERE, sub), exist_ok=True)
    for name, fn in DOCS.items():
        blocks = fn()
        with open(os.path.join(HERE, "txt", name + ".txt"), "w", encoding="utf-8") as f:
            f.write(to_txt(blocks))
        to_docx(blocks, os.path.join(HERE, "docx", name + ".docx"))
        print("wrote", name)
    if no_pdf:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found; skipping PDF conversion (apt-get install -y libreoffice-writer-nogui)")
        return
    docx_dir, pdf_dir = os.path.join(HERE, "docx"), os.path.join(HERE, "pdf")
    files = [os.path.join(docx_dir, n + ".docx") for n in DOCS]
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", pdf_dir, *files],
        check=True,
        env={**os.environ, "HOME": os.environ.get("HOME", "/tmp")},
    )
    print("converted PDFs into", pdf_dir)


if __name__ == "__main__":
    main()
