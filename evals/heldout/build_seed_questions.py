"""Builds seed_questions.jsonl (held-out gold questions over the two seed documents).
Run: python3 evals/heldout/build_seed_questions.py [seed_dir]
seed_dir defaults to /work/shared/seeds (files 000_78c2f77b2cb2e397.txt and 001_0609dd56a9d8721a.txt).
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qlib import build, summary

SEED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds"
QA = "acsh-phase2-closure-qa-report.txt"
PD = "acsh-phase3-project-document.txt"
FILES = {QA: "000_78c2f77b2cb2e397.txt", PD: "001_0609dd56a9d8721a.txt"}
docs = {k: open(os.path.join(SEED, v), encoding="utf-8").read() for k, v in FILES.items()}

I = []


def q(type, phrasing, question, answer, must, source, evidence, refuse=False, history=(), table=None, sources=None):
    d = dict(
        type=type,
        phrasing=phrasing,
        question=question,
        answer=answer,
        must_contain=list(must),
        source=source,
        evidence=evidence,
        refuse=refuse,
        history=list(history),
    )
    if table:
        d["table"] = table
    if sources:
        d["sources"] = sources
    # risk log / monitoring plan / evaluation plan cells count as framework-table questions
    if table in ("risk_log", "monitoring_plan", "evaluation_plan") and type == "narrative":
        d["type"] = "table_rf"
    I.append(d)


RF, WP, QR = "results_framework", "work_plan", "qa_ratings"
# ---------------------------------------------------------------- results framework (phase 3)
E23 = "2.3 – Number of participants in capacity development events"
q(
    "table_rf",
    "number",
    "What is the Year 2 target for output indicator 2.3?",
    "1,000 participants (50% women) in Year 2.",
    ["1,000"],
    PD,
    E23,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many people were we supposed to train in 2022 under ACSH phase 3?",
    "The target for participants in capacity development events is 1,000 per year (50% women); Year 2 of the 2021–2023 project, i.e. 2022, has a target of 1,000.",
    ["1,000"],
    PD,
    E23,
    table=RF,
)
q(
    "table_rf",
    "telegraphic",
    "RF 2.3 final target participants",
    "10,300 participants, 50% women (baseline 7,300 in 2020).",
    ["10,300"],
    PD,
    E23,
    table=RF,
)
q(
    "table_rf",
    "typo",
    "whats the basline for number of particpants in capcity events",
    "7,300 participants (50% women), baseline year 2020.",
    ["7,300"],
    PD,
    E23,
    table=RF,
)

E24 = "2.4 – Number of scholarships granted to civil servants of the ACSH participating countries to study at the Academy of Public Administration"
q(
    "table_rf",
    "number",
    "What is the final target of indicator 2.4?",
    "25 scholarships (baseline 10 in 2020).",
    ["25"],
    PD,
    E24,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many scholarships at the Academy of Public Administration should civil servants get in Year 2?",
    "10 scholarships in Year 2 (3 in Year 1, 2 in Year 3; final target 25).",
    ["10"],
    PD,
    E24,
    table=RF,
)
q(
    "table_rf",
    "telegraphic",
    "scholarships APA baseline + year",
    "Baseline 10, baseline year 2020.",
    ["10", "2020"],
    PD,
    E24,
    table=RF,
)

E11 = "1.1 – Number of public administration and civil service development related books published and disseminated"
q(
    "table_rf",
    "number",
    "Indicator 1.1 – what is the final target and baseline?",
    "Baseline 1 (2020); final target 3 books.",
    ["3"],
    PD,
    E11,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many books on public administration and civil service are we supposed to publish by the end of phase 3?",
    "3 books in total (final target), from a baseline of 1 in 2020; 1 in Year 1 and 1 in Year 3.",
    ["3"],
    PD,
    E11,
    table=RF,
)
q(
    "table_rf",
    "typo",
    "how many boks shold be publshed in total, phase 3?",
    "Final target: 3 books (baseline 1).",
    ["3"],
    PD,
    E11,
    table=RF,
)

E32 = "3.2 – Number of ACSH countries participating for exchange of knowledge and experience"
q(
    "table_rf",
    "number",
    "Baseline and final target for indicator 3.2?",
    "Baseline 42 participating countries (2020); final target 45.",
    ["42", "45"],
    PD,
    E32,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many ACSH participating countries are targeted by the end of phase 3?",
    "45 countries (from a baseline of 42 in 2020, +1 per year).",
    ["45"],
    PD,
    E32,
    table=RF,
)
q("table_rf", "telegraphic", "RF 3.2 target countries", "45 (baseline 42).", ["45"], PD, E32, table=RF)

E14 = "1.4 – Number of the International Journal of civil service editions prepared, published, and disseminated"
q(
    "table_rf",
    "number",
    "What is the final target for indicator 1.4?",
    "20 editions of the International Journal of Civil Service (baseline 14 in 2020; 2 per year).",
    ["20"],
    PD,
    E14,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many editions of the International Journal of Civil Service are planned per year?",
    "2 editions per year (Years 1–3); final target 20 from a baseline of 14.",
    ["2", "20"],
    PD,
    E14,
    table=RF,
)
q(
    "table_rf",
    "typo",
    "internatinal jurnal editons target",
    "Final target 20 editions (baseline 14; 2 per year).",
    ["20"],
    PD,
    E14,
    table=RF,
)

E33 = "3.3 - Number of exert in ACSH roster who provide expert advice"
q(
    "table_rf",
    "number",
    "Indicator 3.3 baseline and final target?",
    "Baseline 130 experts in the roster (2020); final target 140 (3, 3 and 4 added per year).",
    ["130", "140"],
    PD,
    E33,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many experts should be in the ACSH roster of experts at the end of the project?",
    "140 experts (baseline 130).",
    ["140"],
    PD,
    E33,
    table=RF,
)
q(
    "table_rf",
    "telegraphic",
    "roster of experts yr 3 target",
    "4 in Year 3 (final target 140).",
    ["140"],
    PD,
    E33,
    table=RF,
)

E21 = "2.1 -  Number of capacity development events - conferences, workshops, seminars, trainings, and study visits - coordinated by ACSH to support civil service modernisation"
q(
    "table_rf",
    "number",
    "What are the baseline and final target of indicator 2.1?",
    "Baseline 140 events (2020); yearly targets of 12; final target 86 (note the final target is lower than the baseline as written).",
    ["140", "86"],
    PD,
    E21,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many capacity development events on civil service modernisation should ACSH coordinate each year?",
    "12 per year (Years 1–3); final target 86, baseline 140.",
    ["12"],
    PD,
    E21,
    table=RF,
)
q(
    "table_rf",
    "typo",
    "capasity developmnt events civil service targt per yer",
    "12 per year; final 86.",
    ["12", "86"],
    PD,
    E21,
    table=RF,
)

E26 = "2.6 - Number of activities taking place within the framework of the P2P Learning Alliances"
q(
    "table_rf",
    "number",
    "Final target of indicator 2.6?",
    "17 activities (baseline 11; 2 per year).",
    ["17"],
    PD,
    E26,
    table=RF,
)
E31 = "3.1 – Number of triangular cooperation exchanges"
q(
    "table_rf",
    "telegraphic",
    "RF final target 3.1",
    "55 triangular cooperation exchanges (baseline 40; 5 per year).",
    ["55"],
    PD,
    E31,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many triangular cooperation exchanges were there at baseline?",
    "40 (2020).",
    ["40"],
    PD,
    E31,
    table=RF,
)

# ---------------------------------------------------------------- work plan (phase 3)
A11 = "Activity 1.1. Preparation, publication and dissemination of evidence-based research studies"
q(
    "table_budget",
    "number",
    "What is the 2022 budget for Activity 1.1?",
    "USD 142 700 (2021: 97 500; 2023: 144 191).",
    ["142 700"],
    PD,
    A11,
    table=WP,
)
q(
    "table_budget",
    "name",
    "How much is planned in 2022 for preparing and publishing evidence-based research studies?",
    "USD 142 700.",
    ["142 700"],
    PD,
    A11,
    table=WP,
)
q("table_budget", "telegraphic", "budget act 1.1 2023", "USD 144 191.", ["144 191"], PD, A11, table=WP)
q("table_budget", "typo", "budjet activty 1.1 2021", "USD 97 500.", ["97 500"], PD, A11, table=WP)

A23 = "Activity 2.3 Allocation of scholarships (grants) for training of civil servants"
q(
    "table_budget",
    "number",
    "Activity 2.3 – yearly budgets?",
    "2021: 105 300; 2022: 99 631; 2023: 110 706 (USD).",
    ["105 300", "99 631", "110 706"],
    PD,
    A23,
    table=WP,
)
q(
    "table_budget",
    "name",
    "How much money is set aside in 2021 for scholarships for civil servants at the Academy of Public Administration?",
    "USD 105 300 in 2021.",
    ["105 300"],
    PD,
    A23,
    table=WP,
)
q("table_budget", "typo", "scholarship grants budjet 2023?", "USD 110 706.", ["110 706"], PD, A23, table=WP)

A34 = "Activity 3.4 Participation in thematic events in Nur-Sultan and abroad"
q(
    "table_budget",
    "number",
    "What is the budget for Activity 3.4 in 2021?",
    "USD 11 860 (2022 and 2023: 10 360 each).",
    ["11 860"],
    PD,
    A34,
    table=WP,
)
q(
    "table_budget",
    "name",
    "How much is budgeted in 2021 for taking part in thematic events in Nur-Sultan and abroad to raise ACSH visibility?",
    "USD 11 860.",
    ["11 860"],
    PD,
    A34,
    table=WP,
)
q("table_budget", "typo", "budjet activty 3.4 2022", "USD 10 360.", ["10 360"], PD, A34, table=WP)

A28 = "Activity 2.8 Development of IT architecture for ACSA"
q(
    "table_budget",
    "number",
    "Activity 2.8 budget by year?",
    "2021: 86 758; 2022: 34 621; 2023: 0.",
    ["86 758", "34 621"],
    PD,
    A28,
    table=WP,
)
q(
    "table_budget",
    "name",
    "How much is planned for developing the IT architecture for the civil service agency in 2021?",
    "USD 86 758.",
    ["86 758"],
    PD,
    A28,
    table=WP,
)
q(
    "table_budget",
    "telegraphic",
    "IT architecture ACSA 2023 budget",
    "0 — nothing is planned in 2023 (86 758 in 2021, 34 621 in 2022).",
    ["34 621"],
    PD,
    A28,
    table=WP,
)

A42 = "Activity 4.2 Quality assurance, Monitoring and Evaluation"
q(
    "table_budget",
    "number",
    "What is the 2022 budget for Activity 4.2?",
    "USD 30 000 (2021: 8 000; 2023: 22 000).",
    ["30 000"],
    PD,
    A42,
    table=WP,
)
q(
    "table_budget",
    "name",
    "How much is budgeted for quality assurance, monitoring and evaluation in 2021?",
    "USD 8 000.",
    ["8 000"],
    PD,
    A42,
    table=WP,
)
q("table_budget", "typo", "monitorng and evaluaton budget 2023", "USD 22 000.", ["22 000"], PD, A42, table=WP)

A41 = "Activity 4.1 Project management team"
q(
    "table_budget",
    "name",
    "What's the yearly cost of the project management team?",
    "158 065 in 2021 and 158 064 in 2022 and 2023 (USD).",
    ["158 065", "158 064"],
    PD,
    A41,
    table=WP,
)

q(
    "table_budget",
    "number",
    "What is the sub-total for Output 2?",
    "USD 1 290 000.",
    ["1 290 000"],
    PD,
    "Sub-Total Output 2",
    table=WP,
)
q(
    "table_budget",
    "name",
    "What is the total budget for capacity building and peer learning?",
    "Output 2 (Capacity Building and peer learning) sub-total: USD 1 290 000.",
    ["1 290 000"],
    PD,
    "Sub-Total Output 2",
    table=WP,
)
q(
    "table_budget",
    "telegraphic",
    "subtotal output 1",
    "USD 1 505 000.",
    ["1 505 000"],
    PD,
    "Sub-Total Output 1",
    table=WP,
)
q(
    "table_budget",
    "typo",
    "partnerships and netwroking output total budjet",
    "Output 3 sub-total: USD 430 000.",
    ["430 000"],
    PD,
    "Sub-Total Output 3",
    table=WP,
)
q("table_budget", "number", "Sub-total output 4?", "USD 1 075 000.", ["1 075 000"], PD, "Sub-total output 4", table=WP)

q(
    "table_budget",
    "name",
    "What is the grand total project budget of ACSH phase 3?",
    "USD 4 660 000: 4 300 000 for all outputs (Government of Kazakhstan) plus 360 000 UNDP parallel contribution.",
    ["4 660 000"],
    PD,
    "Grand total project budget",
    table=WP,
)
q(
    "table_budget",
    "telegraphic",
    "GMS output 1 per year",
    "USD 37 161 per year (8% indirect costs, budget line 75100).",
    ["37 161"],
    PD,
    "Indirect costs related to the contribution’s administration – GMS (8%)",
    table=WP,
)
q(
    "table_budget",
    "number",
    "Activity 3.3 budget 2023?",
    "USD 22 360 (2021: 13 860; 2022: 15 582).",
    ["22 360"],
    PD,
    "Activity 3.3 Organisation of ACSH annual conferences",
    table=WP,
)
q(
    "table_budget",
    "name",
    "Who is the responsible party for the scholarships activity?",
    "UNDP / APA (Academy of Public Administration).",
    ["APA"],
    PD,
    A23,
    table=WP,
)

# ---------------------------------------------------------------- QA ratings (phase 2 closure)
q(
    "table_qa",
    "name",
    "What overall rating did the closure QA of ACSH phase 2 get?",
    "Satisfactory.",
    ["Satisfactory"],
    QA,
    "<b>Overall Rating:</b>	Satisfactory",
    table=QR,
)
q(
    "table_qa",
    "telegraphic",
    "phase 2 closure QA overall rating",
    "Satisfactory.",
    ["Satisfactory"],
    QA,
    "<b>Overall Rating:</b>	Satisfactory",
    table=QR,
)
q(
    "table_qa",
    "name",
    "How was Management & Monitoring rated in the closure QA?",
    "Highly Satisfactory.",
    ["Highly Satisfactory"],
    QA,
    "**Management & Monitoring****Quality Rating: Highly Satisfactory**",
    table=QR,
)
q(
    "table_qa",
    "typo",
    "managment and monitorng quality ratng closure",
    "Highly Satisfactory.",
    ["Highly Satisfactory"],
    QA,
    "**Management & Monitoring****Quality Rating: Highly Satisfactory**",
    table=QR,
)
q(
    "table_qa",
    "name",
    "Which criteria were rated Exemplary in the closure QA?",
    "Efficient and Effective were both rated Exemplary.",
    ["Exemplary"],
    QA,
    "**Quality Rating: Exemplary**",
    table=QR,
)
q(
    "table_qa",
    "number",
    "Question 12 of the closure QA asks whether adequate resources were mobilized — what's the evidence?",
    "The project had adequate resources at its disposal to implement its envisioned activities.",
    ["adequate resources at its disposal"],
    QA,
    "The project had adequate resources at its disposal to implement its envisioned activities.",
    table=QR,
)
q(
    "table_qa",
    "telegraphic",
    "Efficient rating QA 00108694",
    "Exemplary.",
    ["Exemplary"],
    QA,
    "**Quality Rating: Exemplary**",
    table=QR,
)
q(
    "table_qa",
    "name",
    "What quality rating did Sustainability & National Ownership get?",
    "Satisfactory.",
    ["Satisfactory"],
    QA,
    "### Sustainability & National Ownership",
    table=QR,
)
q(
    "table_qa",
    "number",
    "Question 15: was the project on track and did it deliver its expected outputs?",
    "Yes — the project delivered its expected results, in some cases exceeding targets (Effective: Exemplary).",
    ["delivered its expected results"],
    QA,
    "The project has delivered its expected results. In some cases, it exceeded its expected targets.",
    table=QR,
)

# ---------------------------------------------------------------- QA report narrative facts
q(
    "qa_report",
    "name",
    "How often did the Steering Committee meet during phase 2?",
    "Once per year.",
    ["once per year"],
    QA,
    "Steering Committee meetings took place once per year.",
)
q(
    "qa_report",
    "name",
    "What was the gender split of participants in phase 2 events?",
    "On average 51 per cent female and 49 per cent male.",
    ["51 per cent"],
    QA,
    "On average, 51 per cent of participants were female, and 49 per cent were male.",
)
q(
    "qa_report",
    "typo",
    "how many goverment beneficiares did the projet reach",
    "Participating countries' government beneficiaries increased from twenty-five to forty-two within three years; partnerships with more than 80 international organisations.",
    ["twenty-five to forty-two"],
    QA,
    "The number of its participating countries' government beneficiaries increased from twenty-five to forty-two within three years",
)
q(
    "qa_report",
    "name",
    "Which Strategic Plan output did phase 2 contribute to?",
    "SP output 2.2.1 – use of digital technologies and big data enabled for improved public services and other government functions (UNDP Strategic Plan 2018-2021).",
    ["2.2.1"],
    QA,
    "SP output 2.2.1 Use of digital technologies and big data enabled for improved public services and other government functions",
)
q(
    "qa_report",
    "telegraphic",
    "SESP category phase 2",
    "Low risk.",
    ["low risk"],
    QA,
    "Project was categorized as low risk through the SESP.",
)
q(
    "qa_report",
    "name",
    "Where was the risk log kept?",
    "In the Atlas project management module, maintained and updated regularly.",
    ["Atlas project management module"],
    QA,
    "Risk log was maintained and updated regularly in the Atlas project management module.",
)
q(
    "qa_report",
    "name",
    "Which institutions were responsible partners in phase 2?",
    "The Academy of Public Administration (APA), Nazarbayev University (NU) and the National ICT Holding Zerde.",
    ["Nazarbayev University", "Zerde"],
    QA,
    "The ACSH further reinforced its existing partnership s with the Academy of Public Administration of Kaza khstan (APA) and the Nazarbayev University (NU)",
)
q(
    "qa_report",
    "name",
    "How much did the Government of Korea allocate to the regional innovation and digitalization project?",
    "USD 994,000, under an agreement signed in July 2021 with the Ministry of the Interior and Safety of the Republic of Korea.",
    ["994,000"],
    QA,
    "the Government of the Republic of Korea has allocated \\$ 994,000 to UNDP and Astana Civil Service Hub",
)
q(
    "qa_report",
    "name",
    "What did the Project Board decide at the end of phase 2?",
    "The Project Board approved the closure of the project.",
    ["approved the closure"],
    QA,
    "The Project Board approved the closure of the project",
)
q(
    "qa_report",
    "telegraphic",
    "progress reporting frequency phase 2",
    "Quarterly.",
    ["quarterly"],
    QA,
    "Systematic reporting of project progress and performance took place quarterly.",
)
q(
    "qa_report",
    "number",
    "What are the start and end dates of project 00108694?",
    "2018-01-01 to 2021-12-31.",
    ["2018-01-01 / 2021-12-31"],
    QA,
    "<b>Portfolio/Project Date:</b>	2018-01-01 / 2021-12-31",
)

# ---------------------------------------------------------------- narrative (phase 3 project document)
q(
    "narrative",
    "name",
    "Who is the implementing partner of ACSH phase 3?",
    "The Agency of the Republic of Kazakhstan for Civil Service Affairs (national implementation, NIM).",
    ["Agency of the Republic of Kazakhstan for Civil Service Affairs"],
    PD,
    "The National Implementing Partner is the Agency of the Republic of Kazakhstan for Civil Service Affairs.",
)
q(
    "narrative",
    "name",
    "Who sits on the Steering Committee?",
    "Its Chairperson, the Heads of UNDP Kazakhstan and of the Agency for Civil Service Affairs, representatives of founding countries, international organisations and professional associations, and scholars and practitioners in public administration.",
    ["Heads of UNDP Kazakhstan"],
    PD,
    "which comprises of its Chairperson, the Heads of UNDP Kazakhstan and of the Agency for Civil Service Affairs",
)
q(
    "narrative",
    "name",
    "Who has the final say if the Steering Committee cannot reach consensus?",
    "The UNDP Resident Representative, in close cooperation with the Chairperson of the Steering Committee.",
    ["UNDP Resident Representative"],
    PD,
    "the final decision shall rest with the UNDP Resident Representative in close cooperation with the Chairperson of the Steering Committee",
)
q(
    "narrative",
    "telegraphic",
    "steering committee meeting frequency phase 3",
    "Annually.",
    ["annually"],
    PD,
    "The Steering Committee will convene regularly – annually",
)
q(
    "narrative",
    "name",
    "When was the Astana Civil Service Hub created and by whom?",
    "In 2013, by the Government of the Republic of Kazakhstan together with UNDP, supported by 25 participating countries and five international development organisations.",
    ["2013"],
    PD,
    "the Government of the Republic of Kazakhstan, together with UNDP created the Astana Civil Service Hub in 2013",
)
q(
    "narrative",
    "name",
    "Where is the project office located?",
    "In the UN common premises in Nur-Sultan (14, Azerbaizhan Mambetov street, Z11D8T7, Nur-Sultan).",
    ["Azerbaizhan Mambetov"],
    PD,
    "14, Azerbaizhan Mambetov street, Z11D8T7, Nur-Sultan",
)
q(
    "narrative",
    "name",
    "When is the mid-term evaluation planned and how much does it cost?",
    "September 2022, USD 30,000 from project allocated funds.",
    ["September 2022", "USD 30,000"],
    PD,
    "Mid Term Project Evaluation",
    table="evaluation_plan",
)
q(
    "narrative",
    "telegraphic",
    "track results progress frequency",
    "Every three months.",
    ["Every three months"],
    PD,
    "Track results progress",
    table="monitoring_plan",
)
q(
    "narrative",
    "name",
    "How often is the risk log updated according to the monitoring plan?",
    "Annually (Monitor and Manage Risk: updated risk log in Atlas and off-line).",
    ["Annually"],
    PD,
    "Monitor and Manage Risk",
    table="monitoring_plan",
)
q(
    "narrative",
    "number",
    "Risk 2 in the risk analysis – likelihood and impact?",
    "Decreasing interest of the Government of Kazakhstan as principal donor: P = 3, I = 5, rated Low; owner ACSH / UNDP CO.",
    ["P = 3"],
    PD,
    "Decreasing interest of the Government of Kazakhstan as principal donor of the project",
    table="risk_log",
)
q(
    "narrative",
    "name",
    "Which risk in the risk analysis is rated Moderate?",
    "Risk 3 – yielding tangible results through ACSH initiatives and activities (Strategic/Organisational, P = 2, I = 5).",
    ["Moderate", "Yielding tangible results"],
    PD,
    "Yielding tangible results through ACSH initiatives and activities",
    table="risk_log",
)
q(
    "narrative",
    "name",
    "How does the project handle currency exchange risk?",
    "Project funds are held in USD and exchanged into local currency at the time of disbursement.",
    ["USD"],
    PD,
    "Hold project funds in USD and exchange into local currency at time of disbursement.",
    table="risk_log",
)
q(
    "narrative",
    "telegraphic",
    "SBAA date Kazakhstan",
    "Signed on 4 October 1994.",
    ["4 October 1994"],
    PD,
    "signed on 4 October 1994",
)
q(
    "narrative",
    "name",
    "Who are the senior suppliers in the project organisation structure?",
    "Government of Kazakhstan; Agency for Civil Service Affairs; UNDP.",
    ["Government of Kazakhstan; Agency for Civil Service Affairs; UNDP"],
    PD,
    "Government of Kazakhstan; Agency for Civil Service Affairs; UNDP",
)
q(
    "narrative",
    "name",
    "What is the gender marker of Output 2?",
    "GEN2 (Output 1 is GEN1).",
    ["GEN2"],
    PD,
    "Gender marker: GEN2",
)

# ---------------------------------------------------------------- overview
q(
    "overview",
    "name",
    "I'm new here — what is ACSH phase 3 about?",
    "Institutional support to the Astana Civil Service Hub (phase 3, 00123513): a platform created by Kazakhstan and UNDP for exchange of knowledge on civil service and public administration, working through partnerships and networking, capacity building and peer learning, and research and knowledge management; USD 4,660,000, mainly financed by the Government of Kazakhstan.",
    ["three main pillars"],
    PD,
    "through three main pillars: (i) partnerships and networking; (ii) capacity building and peer-to-peer learning; and (iii) research and knowledge management",
)
q(
    "overview",
    "name",
    "What are the outputs of the phase 3 project?",
    "Output 1 Research and Knowledge Management; Output 2 Capacity Building and peer learning; Output 3 Partnerships and Networking; Output 4 Project Management.",
    ["Research and Knowledge Management", "Capacity Building and peer learning", "Partnerships and Networking"],
    PD,
    "Output 1 - Research and Knowledge Management",
)
q(
    "overview",
    "name",
    "Who funds ACSH phase 3 and how much?",
    "Total USD 4,660,000: Government of Kazakhstan 4,300,000 and UNDP parallel 360,000.",
    ["4,660,000", "4,300,000"],
    PD,
    "Government of Kazakhstan:",
)
q(
    "overview",
    "name",
    "Can you summarise the phase 2 closure QA report?",
    "The closure QA of project 00108694 (2018-01-01 to 2021-12-31) rated the project Satisfactory overall; Management & Monitoring Highly Satisfactory, Efficient and Effective Exemplary, others Satisfactory; the board approved closure and a phase 3 was launched in November 2021.",
    ["Satisfactory", "Exemplary"],
    QA,
    "<b>Overall Rating:</b>	Satisfactory",
)
q(
    "overview",
    "telegraphic",
    "ACSH target group",
    "Government officials and executives of central and local agencies, employees of state organisations responsible for civil service policy and public service delivery/digitalisation, plus policy makers and experts; ultimate beneficiaries are citizens of the participating countries.",
    ["government officials and executives of central and local agencies"],
    PD,
    "The target group of the project are government officials and executives of central and local agencies",
)
q(
    "overview",
    "name",
    "What's the project number and full title of phase 3?",
    "00123513 – Institutional Support to the Astana Civil Service Hub Phase 3.",
    ["00123513", "Institutional Support to the Astana Civil Service Hub Phase 3"],
    PD,
    "Institutional Support to the Astana Civil Service Hub Phase 3",
)

# ---------------------------------------------------------------- multi-hop
q(
    "multi_hop",
    "name",
    "What is the total budget for Activity 1.1 over the three years?",
    "97 500 + 142 700 + 144 191 = USD 384 391.",
    ["97 500", "142 700", "144 191"],
    PD,
    A11,
    table=WP,
)
q(
    "multi_hop",
    "name",
    "Which output has the bigger budget, research or capacity building, and by how much?",
    "Output 1 (Research and Knowledge Management, 1 505 000) exceeds Output 2 (Capacity Building, 1 290 000) by USD 215 000.",
    ["1 505 000", "1 290 000"],
    PD,
    "Sub-Total Output 1",
    table=WP,
)
q(
    "multi_hop",
    "name",
    "The phase 2 closure report gives an amount for the next phase — how does it compare to the total budget in the phase 3 project document?",
    "The closure QA cites USD 3,600,000 for 2021-2023; the phase 3 project document budgets USD 4,660,000 in total (4,300,000 from the Government), i.e. 1,060,000 more than the closure report figure.",
    ["3,600,000", "4,660,000"],
    QA,
    "in an amount of USD 3,600,000",
    sources=[QA, PD],
)
q(
    "multi_hop",
    "name",
    "Female participation in phase 2 vs the phase 3 target?",
    "Phase 2 averaged 51 per cent female participants; phase 3 targets 50% women among participants (indicator 2.3).",
    ["51 per cent", "50% women"],
    QA,
    "On average, 51 per cent of participants were female",
    sources=[QA, PD],
)
q(
    "multi_hop",
    "name",
    "Phase 2 ended with how many participating countries, and what does phase 3 aim for?",
    "Phase 2 grew from twenty-five to forty-two countries; phase 3 baseline is 42 with a final target of 45.",
    ["forty-two", "45"],
    QA,
    "increased from twenty-five to forty-two within three years",
    sources=[QA, PD],
)
q(
    "multi_hop",
    "name",
    "How many additional P2P Learning Alliances should be created in phase 3?",
    "3 (baseline 4, final target 7, one per year).",
    ["4", "7"],
    PD,
    "2.5 - Number of P2P Learning Alliances created and functioning",
    table=RF,
)
q(
    "multi_hop",
    "name",
    "How much is budgeted in 2022 for Activities 1.5 and 1.6 together?",
    "37 425 + 32 925 = USD 70 350.",
    ["37 425", "32 925"],
    PD,
    "Activity 1.5 Preparation of policy briefs for central governments bodies in Kazakhstan, upon request",
    table=WP,
)
q(
    "multi_hop",
    "name",
    "Did phase 3 start right after phase 2 ended?",
    "Phase 2 ran 2018-01-01 to 2021-12-31; phase 3 (00123513) was launched in November 2021 with a 2021–2023 work plan, so they overlapped slightly.",
    ["2021-12-31", "November 2021"],
    QA,
    "The ACSH new phase (3) under Project ID 00123513 has been launched in November 2021.",
)
q(
    "multi_hop",
    "number",
    "Add the final targets of indicators 1.2 and 1.3.",
    "23 + 5 = 28 knowledge products (research papers/case studies and position papers/policy briefs).",
    ["23", "5"],
    PD,
    "1.2 – Number of demand-driven and evidence-based research papers",
    table=RF,
)

# ---------------------------------------------------------------- follow-up conversations
q(
    "followup",
    "conversation",
    "And the final target?",
    "Indicator 2.4 final target: 25 scholarships.",
    ["25"],
    PD,
    E24,
    history=["What is the baseline for indicator 2.4?"],
    table=RF,
)
q(
    "followup",
    "conversation",
    "and in 2022?",
    "Activity 2.3 in 2022: USD 99 631.",
    ["99 631"],
    PD,
    A23,
    history=["What's the 2021 budget of activity 2.3?"],
    table=WP,
)
q(
    "followup",
    "conversation",
    "and 2023?",
    "Activity 2.3 in 2023: USD 110 706.",
    ["110 706"],
    PD,
    A23,
    history=["What's the 2021 budget of activity 2.3?", "and in 2022?"],
    table=WP,
)
q(
    "followup",
    "conversation",
    "Who is the responsible party for it?",
    "Activity 1.1 is implemented by UNDP / APA.",
    ["APA"],
    PD,
    A11,
    history=["How much is budgeted for Activity 1.1 in 2022?"],
    table=WP,
)
q(
    "followup",
    "conversation",
    "What overall rating did the phase 2 closure QA report give?",
    "Satisfactory. (New, unrelated question — not about the previous budget turn.)",
    ["Satisfactory"],
    QA,
    "<b>Overall Rating:</b>	Satisfactory",
    history=["What is the budget for Activity 1.3 in 2022?"],
    table=QR,
)
q(
    "followup",
    "conversation",
    "who owns that one?",
    "Risk 3 (yielding tangible results) is owned by ACSH / UNDP CO.",
    ["ACSH / UNDP CO"],
    PD,
    "Yielding tangible results through ACSH initiatives and activities",
    history=["Which risks are listed in the phase 3 risk analysis?", "Which of them is rated Moderate?"],
    table="risk_log",
)
q(
    "followup",
    "conversation",
    "How many experts are in the ACSH roster at baseline?",
    "130 (2020); final target 140. (Complete new question, not a follow-up to the journal turn.)",
    ["130"],
    PD,
    E33,
    history=["How many journal editions are planned per year?"],
    table=RF,
)
q(
    "followup",
    "conversation",
    "and how often does it meet?",
    "The Steering Committee convenes annually.",
    ["annually"],
    PD,
    "The Steering Committee will convene regularly – annually",
    history=["Who is on the ACSH phase 3 Steering Committee?"],
)
q(
    "followup",
    "conversation",
    "what about Efficient?",
    "Efficient was rated Exemplary.",
    ["Exemplary"],
    QA,
    "**Quality Rating: Exemplary**",
    history=["What did the closure QA rate Management & Monitoring?"],
    table=QR,
)
q(
    "followup",
    "conversation",
    "and how much is that per year on average?",
    "Output 3 sub-total 430 000 over three years ≈ USD 143 333 per year.",
    ["430 000"],
    PD,
    "Sub-Total Output 3",
    history=["What is the total budget of Output 3?"],
    table=WP,
)

# ---------------------------------------------------------------- Russian
q(
    "table_budget",
    "russian",
    "Какой бюджет у мероприятия 1.1 на 2022 год?",
    "142 700 долларов США.",
    ["142 700"],
    PD,
    A11,
    table=WP,
)
q(
    "table_budget",
    "russian",
    "Сколько денег заложено на стипендии госслужащим в 2021 году?",
    "105 300 долларов США (мероприятие 2.3).",
    ["105 300"],
    PD,
    A23,
    table=WP,
)
q(
    "table_budget",
    "russian",
    "Каков общий бюджет проекта ACSH фаза 3?",
    "4 660 000 долларов США (4 300 000 — Правительство Казахстана, 360 000 — параллельный вклад ПРООН).",
    ["4 660 000"],
    PD,
    "Grand total project budget",
    table=WP,
)
q(
    "table_budget",
    "russian",
    "подитог по output 3",
    "430 000 долларов США.",
    ["430 000"],
    PD,
    "Sub-Total Output 3",
    table=WP,
)
q(
    "table_rf",
    "russian",
    "Какое целевое значение индикатора 2.3 на второй год?",
    "1 000 участников, 50% женщин.",
    ["1,000"],
    PD,
    E23,
    table=RF,
)
q(
    "table_rf",
    "russian",
    "Сколько стран-участниц ACSH планируется к концу проекта?",
    "45 (базовое значение 42 в 2020 году).",
    ["45"],
    PD,
    E32,
    table=RF,
)
q(
    "table_rf",
    "russian",
    "базовое значение индикатора 1.2",
    "17 (2020 год).",
    ["17"],
    PD,
    "1.2 – Number of demand-driven and evidence-based research papers",
    table=RF,
)
q(
    "table_qa",
    "russian",
    "Какую общую оценку получил проект на этапе закрытия?",
    "Satisfactory (удовлетворительно).",
    ["Satisfactory"],
    QA,
    "<b>Overall Rating:</b>	Satisfactory",
    table=QR,
)
q(
    "table_qa",
    "russian",
    "Как оценили раздел Management & Monitoring?",
    "Highly Satisfactory (весьма удовлетворительно).",
    ["Highly Satisfactory"],
    QA,
    "**Management & Monitoring****Quality Rating: Highly Satisfactory**",
    table=QR,
)
q(
    "narrative",
    "russian",
    "Кто является партнёром-исполнителем проекта?",
    "Агентство Республики Казахстан по делам государственной службы (Agency of the Republic of Kazakhstan for Civil Service Affairs).",
    ["Agency of the Republic of Kazakhstan for Civil Service Affairs"],
    PD,
    "The National Implementing Partner is the Agency of the Republic of Kazakhstan for Civil Service Affairs.",
)
q(
    "narrative",
    "russian",
    "Когда запланирована среднесрочная оценка?",
    "В сентябре 2022 года, стоимость 30 000 долларов США.",
    ["September 2022"],
    PD,
    "Mid Term Project Evaluation",
    table="evaluation_plan",
)
q(
    "qa_report",
    "russian",
    "Какая доля женщин среди участников мероприятий во второй фазе?",
    "В среднем 51 процент участников — женщины, 49 процентов — мужчины.",
    ["51 per cent"],
    QA,
    "On average, 51 per cent of participants were female, and 49 per cent were male.",
)
q(
    "overview",
    "russian",
    "О чём этот проект? Кратко, пожалуйста.",
    "Институциональная поддержка Астанинского хаба государственной службы (фаза 3): платформа обмена знаниями в сфере госслужбы и госуправления; три основных направления — партнёрства и сети, наращивание потенциала и взаимное обучение, исследования и управление знаниями.",
    ["three main pillars"],
    PD,
    "through three main pillars: (i) partnerships and networking; (ii) capacity building and peer-to-peer learning; and (iii) research and knowledge management",
)
q(
    "multi_hop",
    "russian",
    "Насколько бюджет Output 1 больше, чем Output 2?",
    "1 505 000 − 1 290 000 = 215 000 долларов США.",
    ["1 505 000", "1 290 000"],
    PD,
    "Sub-Total Output 1",
    table=WP,
)
q(
    "unanswerable",
    "russian",
    "Сколько фактически потрачено по проекту в 2022 году?",
    "В документах нет данных о фактических расходах за 2022 год — есть только плановый бюджет.",
    [],
    PD,
    "Multi-Year Work Plan",
    refuse=True,
)
q(
    "false_premise",
    "russian",
    "Почему проект получил неудовлетворительную оценку при закрытии?",
    "Предпосылка неверна: общая оценка — Satisfactory (удовлетворительно).",
    ["Satisfactory"],
    QA,
    "<b>Overall Rating:</b>	Satisfactory",
    refuse=True,
)

# ---------------------------------------------------------------- unanswerable
q(
    "unanswerable",
    "name",
    "What is the 2024 budget for Activity 1.1?",
    "Not in the documents: the phase 3 work plan covers 2021–2023 only.",
    [],
    PD,
    "Multi-Year Work Plan",
    refuse=True,
)
q(
    "unanswerable",
    "name",
    "What is the name of the project manager?",
    "The documents do not name the project manager.",
    [],
    PD,
    "1. Project Manager",
    refuse=True,
)
q(
    "unanswerable",
    "name",
    "How much was actually spent on scholarships in 2022?",
    "Not available — the documents hold planned budgets, not expenditure.",
    [],
    PD,
    A23,
    refuse=True,
)
q(
    "unanswerable",
    "telegraphic",
    "mid-term evaluation results rating",
    "No mid-term evaluation results are in the documents; only the plan (September 2022, USD 30,000).",
    [],
    PD,
    "Mid Term Project Evaluation",
    refuse=True,
)
q(
    "unanswerable",
    "name",
    "How many participants did phase 3 actually train in 2022?",
    "Not reported — the project document only sets targets (1,000 per year).",
    [],
    PD,
    E23,
    refuse=True,
)
q(
    "unanswerable",
    "typo",
    "whats the exchnge rate used for tenge",
    "No exchange rate is given; funds are held in USD and exchanged at disbursement.",
    [],
    PD,
    "Hold project funds in USD and exchange into local currency at time of disbursement.",
    refuse=True,
)
q(
    "unanswerable",
    "name",
    "What was the total budget of phase 2?",
    "The closure QA report does not state the phase 2 budget.",
    [],
    QA,
    "<b>Portfolio/Project Number:</b>	00108694",
    refuse=True,
)
q(
    "unanswerable",
    "number",
    "What did question 21 of the closure QA conclude?",
    "There is no question 21; the closure QA has 20 questions.",
    [],
    QA,
    "20. Were the transition and phase-out arrangements",
    refuse=True,
)

# ---------------------------------------------------------------- false premise
q(
    "false_premise",
    "name",
    "Why was the ACSH project cancelled?",
    "It was not cancelled: phase 2 was completed and its closure approved by the board, and phase 3 was launched in November 2021.",
    ["approved the closure"],
    QA,
    "The Project Board approved the closure of the project",
    refuse=True,
)
q(
    "false_premise",
    "name",
    "Since UNICEF implements ACSH phase 3, who is the UNICEF focal point?",
    "False premise: the implementing partner is the Agency of the Republic of Kazakhstan for Civil Service Affairs with UNDP support, not UNICEF.",
    ["Agency of the Republic of Kazakhstan for Civil Service Affairs"],
    PD,
    "The National Implementing Partner is the Agency of the Republic of Kazakhstan for Civil Service Affairs.",
    refuse=True,
)
q(
    "false_premise",
    "name",
    "Why did the EU put 4,300,000 into phase 3?",
    "False premise: the 4,300,000 comes from the Government of Kazakhstan, not the EU.",
    ["Government of Kazakhstan"],
    PD,
    "Government of Kazakhstan:",
    refuse=True,
)
q(
    "false_premise",
    "name",
    "Why was the phase 2 project categorised as high risk in the SESP?",
    "It was not: the project was categorized as low risk through the SESP.",
    ["low risk"],
    QA,
    "Project was categorized as low risk through the SESP.",
    refuse=True,
)
q(
    "false_premise",
    "typo",
    "why is the mid term evalution planed for 2024",
    "It is not: the mid-term evaluation is planned for September 2022.",
    ["September 2022"],
    PD,
    "Mid Term Project Evaluation",
    refuse=True,
)
q(
    "false_premise",
    "name",
    "Why did the Steering Committee meet only every five years in phase 2?",
    "It met once per year, not every five years.",
    ["once per year"],
    QA,
    "Steering Committee meetings took place once per year.",
    refuse=True,
)
q(
    "false_premise",
    "telegraphic",
    "reason efficiency rated unsatisfactory QA",
    "False premise: Efficient was rated Exemplary.",
    ["Exemplary"],
    QA,
    "**Quality Rating: Exemplary**",
    refuse=True,
)

rows = build(I, docs, "hs", os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed_questions.jsonl"))
print(json.dumps(summary(rows), indent=1, ensure_ascii=False))
