"""Builds project2_questions.jsonl (held-out gold questions over the fictional project 2 set).
Run after project2/build_project2.py:  python3 evals/heldout/build_project2_questions.py
must_contain / evidence are checked verbatim against project2/txt/*.txt.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from qlib import PROJECT2, build, project2_documents, summary

PD, APR, QA, MTE = PROJECT2
docs = project2_documents(HERE)

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
    I.append(d)


RF, WP, PR, DL, RL, MP, EP, QR, MR = (
    "results_framework",
    "work_plan",
    "progress_report",
    "delivery",
    "risk_log",
    "monitoring_plan",
    "evaluation_plan",
    "qa_ratings",
    "mte_ratings",
)
I21 = "Indicator 2.1: Installed capacity of solar mini-grids commissioned (kWp, cumulative)"
I22 = "Indicator 2.2: Number of households with a new electricity connection from project mini-grids"
I23 = "Indicator 2.3: Number of solar irrigation pumps in operation"
I13 = "Indicator 1.3: Number of municipalities reporting DRE data in the provincial GIS system"
I12 = (
    "Indicator 1.2: Tariff-setting guideline for community mini-grids approved by the Electricity Regulatory Commission"
)
I31 = "3.1. Number of local technicians trained and certified"
I32 = "3.2. Number of women-led energy enterprises receiving productive-use grants"
I33 = "3.3. Number of knowledge products published"
I24 = "Indicator 2.4: Greenhouse gas emissions avoided (tCO2e per year)"

# ------------------------------------------------------------ results framework
q(
    "table_rf",
    "number",
    "What is the 2022 target for Indicator 2.1?",
    "700 kWp of installed mini-grid capacity (cumulative); end-of-project target 1,200 kWp.",
    ["700"],
    PD,
    I21,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many households should be connected to the mini-grids by the end of the project?",
    "8,000 households, of which 1,600 female-headed.",
    ["8,000 (1,600 female-headed)"],
    PD,
    I22,
    table=RF,
)
q(
    "table_rf",
    "telegraphic",
    "RF 3.1 end of project target",
    "500 technicians trained and certified, at least 40% women.",
    ["500 (at least 40% women)"],
    PD,
    I31,
    table=RF,
)
q("table_rf", "typo", "basline year and value indicater 1.3", "Baseline 0 in 2019.", ["2019"], PD, I13, table=RF)
q(
    "table_rf",
    "number",
    "Mid-term target for 3.2?",
    "35 women-led energy enterprises receiving grants.",
    ["35"],
    PD,
    I32,
    table=RF,
)
q(
    "table_rf",
    "name",
    "From which year should the mini-grid tariff guideline be approved according to the results framework?",
    "2022 (No in 2020 and 2021, Yes from 2022 onward; mid-term target Yes).",
    ["Yes"],
    PD,
    I12,
    table=RF,
)
q(
    "table_rf",
    "russian",
    "Какое целевое значение индикатора 2.3 на 2023 год?",
    "280 солнечных ирригационных насосов (накопительно).",
    ["280"],
    PD,
    I23,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many solar irrigation pumps were already operating at baseline?",
    "35 (baseline year 2019, AEPC pilots).",
    ["35"],
    PD,
    I23,
    table=RF,
)
q("table_rf", "telegraphic", "GHG avoided target 2024", "3,000 tCO2e per year.", ["3,000"], PD, I24, table=RF)
q(
    "table_rf",
    "number",
    "What is the data source for indicator 2.2?",
    "Cooperative connection registers (register review and sample verification, quarterly).",
    ["Cooperative connection registers"],
    PD,
    I22,
    table=RF,
)
q(
    "table_rf",
    "typo",
    "knowlege products target end of projct",
    "12 knowledge products (baseline 2).",
    ["12"],
    PD,
    I33,
    table=RF,
)
q(
    "table_rf",
    "name",
    "How many municipalities should report data into the provincial GIS by 2024?",
    "54 municipalities.",
    ["54"],
    PD,
    I13,
    table=RF,
)

# ------------------------------------------------------------ progress report 2022
A21 = "Installed capacity of solar mini-grids commissioned (kWp)"
q(
    "table_rf",
    "number",
    "Was the 2022 target for indicator 2.1 met?",
    "No — 610 kWp achieved against a target of 700 kWp (Partially achieved).",
    ["610", "700", "Partially achieved"],
    APR,
    A21,
    table=PR,
)
q(
    "table_rf",
    "name",
    "Did we meet the 2022 target on solar irrigation pumps?",
    "Yes — 192 pumps in operation against a target of 180 (Achieved).",
    ["192", "180"],
    APR,
    "Solar irrigation pumps in operation",
    table=PR,
)
q(
    "table_rf",
    "telegraphic",
    "indicator 3.2 status 2022",
    "Not achieved: 22 women-led enterprises received grants against a target of 35.",
    ["22", "Not achieved"],
    APR,
    "Women-led energy enterprises receiving grants",
    table=PR,
)
q(
    "table_rf",
    "typo",
    "was the tarrif guidline aproved in 2022?",
    "No — the ERC guideline was drafted and submitted but not approved (Not achieved).",
    ["Not achieved"],
    APR,
    "ERC tariff-setting guideline for community mini-grids approved",
    table=PR,
)
q(
    "table_rf",
    "name",
    "How many technicians had been trained by the end of 2022 and what share were women?",
    "275, of whom 41% women (target 260, achieved).",
    ["275 (41% women)"],
    APR,
    "Local technicians trained and certified (percentage women)",
    table=PR,
)
q(
    "table_rf",
    "russian",
    "Выполнен ли план 2022 года по индикатору 1.3?",
    "Да: 28 муниципалитетов при плане 25 (Achieved).",
    ["28"],
    APR,
    "Municipalities reporting DRE data in the provincial GIS",
    table=PR,
)
q(
    "table_rf",
    "number",
    "Indicator 2.2 — achieved vs target in 2022?",
    "3,850 households connected against a target of 4,200 (Partially achieved).",
    ["3,850", "4,200"],
    APR,
    "Households newly connected to project mini-grids",
    table=PR,
)

# ------------------------------------------------------------ delivery 2022
D2 = "Output 2 - Solar mini-grids and solar irrigation"
q(
    "table_budget",
    "name",
    "How much of output 2's 2022 budget was spent?",
    "USD 1,224,000 of 1,440,000 (85.0%).",
    ["1,224,000", "85.0%"],
    APR,
    D2,
    table=DL,
)
q(
    "table_budget",
    "telegraphic",
    "delivery rate output 3 2022",
    "70.0% (192,500 spent of 275,000).",
    ["70.0%"],
    APR,
    "Output 3 - Local capacities and women's entrepreneurship",
    table=DL,
)
q(
    "table_budget",
    "name",
    "What was total expenditure in 2022?",
    "USD 1,744,400 against a budget of 2,065,000 (84.5%), excluding GMS; provisional.",
    ["1,744,400", "84.5%"],
    APR,
    "Total (excluding GMS)",
    table=DL,
)
q(
    "table_budget",
    "typo",
    "expenditur output 1 2022",
    "USD 121,500 (90.0% of 135,000).",
    ["121,500"],
    APR,
    "Output 1 - Policy and regulatory framework",
    table=DL,
)
q(
    "table_budget",
    "russian",
    "Сколько израсходовано по Output 4 в 2022 году?",
    "206 400 долларов США (96,0% от 215 000).",
    ["206,400"],
    APR,
    "Output 4 - Project management, monitoring and evaluation",
    table=DL,
)

# ------------------------------------------------------------ work plan
q(
    "table_budget",
    "number",
    "Budget for activity 2.2 in 2022?",
    "USD 1,100,000.",
    ["1,100,000"],
    PD,
    "2.2 Procurement and installation of 24 solar mini-grids",
    table=WP,
)
q(
    "table_budget",
    "name",
    "How much is planned for installing the solar irrigation pumps over the whole project?",
    "USD 700,000 (Activity 2.3, Norway).",
    ["700,000"],
    PD,
    "2.3 Installation of 300 solar irrigation pumps",
    table=WP,
)
q(
    "table_budget",
    "telegraphic",
    "act 3.2 2023 budget",
    "USD 130,000.",
    ["130,000"],
    PD,
    "3.2 Grants for women-led energy enterprises",
    table=WP,
)
q(
    "table_budget",
    "typo",
    "budjet activty 1.1 2021",
    "USD 60,000.",
    ["60,000"],
    PD,
    "1.1 Support drafting and adoption of Provincial Renewable Energy Acts",
    table=WP,
)
q(
    "table_budget",
    "number",
    "Sub-Total for Output 2?",
    "USD 3,980,000.",
    ["3,980,000"],
    PD,
    "Sub-Total for Output 2",
    table=WP,
)
q(
    "table_budget",
    "name",
    "What is the total budget of the SURYA project?",
    "USD 6,672,000 (including GMS).",
    ["6,672,000"],
    PD,
    "TOTAL",
    table=WP,
)
q(
    "table_budget",
    "name",
    "How much is the general management support fee?",
    "USD 372,000 — 8% on the Norway contribution.",
    ["372,000"],
    PD,
    "General Management Support (GMS) 8% on the Norway contribution",
    table=WP,
)
q(
    "table_budget",
    "number",
    "What is the work plan total for 2022?",
    "USD 2,197,400 (including GMS 132,400).",
    ["2,197,400"],
    PD,
    "TOTAL",
    table=WP,
)
q(
    "table_budget",
    "name",
    "Who is the responsible party for training the solar technicians?",
    "CTEVT / UNDP (Activity 3.1).",
    ["CTEVT / UNDP"],
    PD,
    "3.1 Training and certification of local solar technicians",
    table=WP,
)
q(
    "table_budget",
    "name",
    "Which funding source pays for the women-led enterprise grants?",
    "Norway.",
    ["Norway"],
    PD,
    "3.2 Grants for women-led energy enterprises",
    table=WP,
)
q(
    "table_budget",
    "telegraphic",
    "Sub-Total for Output 3",
    "The work plan states 960,000, but the activity lines and year columns add up to 950,000 (an inconsistency in the document).",
    ["960,000"],
    PD,
    "Sub-Total for Output 3",
    table=WP,
)
q(
    "table_budget",
    "russian",
    "Какой бюджет мероприятия 2.2 на 2023 год?",
    "900 000 долларов США.",
    ["900,000"],
    PD,
    "2.2 Procurement and installation of 24 solar mini-grids",
    table=WP,
)
q(
    "table_budget",
    "number",
    "What is the 2020 budget of activity 2.2?",
    "0 — installation of mini-grids is budgeted from 2021 (650,000 in 2021).",
    ["Procurement and installation of 24 solar mini-grids"],
    PD,
    "2.2 Procurement and installation of 24 solar mini-grids",
    table=WP,
)
q(
    "table_budget",
    "telegraphic",
    "budget description activity 4.2",
    "International consultants; audit fees; travel.",
    ["International consultants; audit fees; travel"],
    PD,
    "4.2 Monitoring, evaluation and audits",
    table=WP,
)
q(
    "table_budget",
    "name",
    "How much does the project management unit cost over five years?",
    "USD 650,000 (Activity 4.1, UNDP TRAC).",
    ["650,000"],
    PD,
    "4.1 Project Management Unit",
    table=WP,
)

# ------------------------------------------------------------ risk log
q(
    "table_rf",
    "number",
    "What are the likelihood and impact of risk 4?",
    "Likelihood 3, impact 5 (low tariff collection by community cooperatives).",
    ["Low tariff collection"],
    PD,
    "Low tariff collection by community cooperatives",
    table=RL,
)
q(
    "table_rf",
    "name",
    "Who owns the risk of elite capture?",
    "The Gender and Social Inclusion Specialist (risk 5).",
    ["Gender and Social Inclusion Specialist"],
    PD,
    "Elite capture and exclusion of Dalit and female-headed households",
    table=RL,
)
q(
    "table_rf",
    "telegraphic",
    "monsoon transport risk mitigation",
    "Schedule deliveries in the dry season (October to May); pre-position stock at hubs in Surkhet and Dhangadhi; long-term agreements with suppliers.",
    ["October to May"],
    PD,
    "Delays in procurement and transport of equipment to remote sites",
    table=RL,
)
q(
    "table_rf",
    "name",
    "Which risk in the risk log is closed?",
    "Risk 7 — COVID-19 movement restrictions — Closed (2022).",
    ["Closed (2022)"],
    PD,
    "COVID-19 movement restrictions limit field work",
    table=RL,
)
q(
    "table_rf",
    "typo",
    "wich risk has the highst impact score",
    "Risk 4 (low tariff collection by cooperatives), impact 5.",
    ["Low tariff collection"],
    PD,
    "Low tariff collection by community cooperatives",
    table=RL,
)
q(
    "table_rf",
    "russian",
    "Кто владелец риска 3?",
    "Project Board / AEPC (риск смены правительств провинций после выборов 2022 года).",
    ["Project Board / AEPC"],
    PD,
    "Change of provincial governments after the 2022 elections",
    table=RL,
)

# ------------------------------------------------------------ monitoring / evaluation plan
q(
    "table_rf",
    "name",
    "How often are field monitoring visits done and how much do they cost?",
    "Semi-annually; USD 20,000.",
    ["Semi-annually", "20,000"],
    PD,
    "Field monitoring visits",
    table=MP,
)
q(
    "table_rf",
    "telegraphic",
    "track results progress frequency cost",
    "Quarterly; USD 25,000; partner AEPC.",
    ["Quarterly", "25,000"],
    PD,
    "Track results progress",
    table=MP,
)
q(
    "table_rf",
    "name",
    "According to the monitoring plan, how often does the Project Board review the project?",
    "Twice a year (Project Review), cost USD 8,000.",
    ["Twice a year"],
    PD,
    "Project Review (Project Board)",
    table=MP,
)
q(
    "table_rf",
    "typo",
    "partnr and cost for the Learn activty",
    "UNDP; USD 10,000; at least annually.",
    ["10,000"],
    PD,
    "Learn",
    table=MP,
)
q(
    "table_rf",
    "name",
    "When is the terminal evaluation due and what will it cost?",
    "September 2024; USD 60,000 (UNDP TRAC).",
    ["September 2024", "60,000 (UNDP TRAC)"],
    PD,
    "Terminal Evaluation",
    table=EP,
)

# ------------------------------------------------------------ QA ratings
q(
    "table_qa",
    "name",
    "What overall rating did the 2022 implementation QA give?",
    "Satisfactory.",
    ["Satisfactory"],
    QA,
    "Overall Rating	Satisfactory",
    table=QR,
)
q(
    "table_qa",
    "name",
    "Which QA criterion was rated Needs Improvement?",
    "Management & Monitoring (questions 9-11).",
    ["Needs Improvement"],
    QA,
    "Management & Monitoring - Quality Rating: Needs Improvement",
    table=QR,
)
q(
    "table_qa",
    "number",
    "What rating did QA question 9 get and why?",
    "1 — quarterly monitoring data for Output 2 were incomplete for two quarters and the GHG calculation was not updated in 2022.",
    ["incomplete for two quarters"],
    QA,
    "Quarterly monitoring data for Output 2 were incomplete for two quarters",
    table=QR,
)
q(
    "table_qa",
    "telegraphic",
    "sustainability national ownership QA rating",
    "Highly Satisfactory.",
    ["Highly Satisfactory"],
    QA,
    "Sustainability & National Ownership - Quality Rating: Highly Satisfactory",
    table=QR,
)
q(
    "table_qa",
    "russian",
    "Какую оценку получил критерий Relevant в отчёте QA?",
    "Highly Satisfactory (высоко удовлетворительно).",
    ["Highly Satisfactory"],
    QA,
    "Relevant - Quality Rating: Highly Satisfactory",
    table=QR,
)
q(
    "table_qa",
    "typo",
    "QA rating quesiton 17 targetd groups",
    "3 — 23 percent of connected households are Dalit or female-headed.",
    ["23 percent"],
    QA,
    "Connection registers show that 23 percent of connected households are Dalit or female-headed.",
    table=QR,
)

# ------------------------------------------------------------ MTE ratings
q(
    "table_qa",
    "name",
    "What overall rating did the mid-term evaluation give?",
    "Moderately Satisfactory (MS).",
    ["Moderately Satisfactory (MS)"],
    MTE,
    "Overall project rating",
    table=MR,
)
q(
    "table_qa",
    "telegraphic",
    "MTE sustainability rating",
    "Moderately Likely (ML).",
    ["Moderately Likely (ML)"],
    MTE,
    "Sustainability	Moderately Likely (ML)",
    table=MR,
)
q(
    "table_qa",
    "name",
    "How was efficiency rated in the mid-term evaluation and why?",
    "Moderately Satisfactory: cost per kWp in line with benchmarks, but procurement and transport delays reduced delivery.",
    ["procurement and transport delays"],
    MTE,
    "Cost per kWp installed is in line with benchmarks, but procurement and transport delays reduced delivery.",
    table=MR,
)
q(
    "table_qa",
    "russian",
    "Какую оценку по критерию релевантности дала среднесрочная оценка?",
    "Highly Satisfactory (HS).",
    ["Highly Satisfactory (HS)"],
    MTE,
    "Relevance	Highly Satisfactory (HS)",
    table=MR,
)

# ------------------------------------------------------------ QA / evaluation narrative
q(
    "qa_report",
    "name",
    "What SESP risk category does the project have?",
    "Moderate risk (with site-level environmental screening for all mini-grid sites).",
    ["Moderate risk"],
    QA,
    "The project was categorized as Moderate risk in the SESP",
)
q(
    "qa_report",
    "name",
    "How many grievances were received in 2022?",
    "11 grievances, of which 9 were resolved.",
    ["11 grievances"],
    QA,
    "11 grievances were received in 2022, of which 9 were resolved",
)
q(
    "qa_report",
    "name",
    "What management actions did the QA require?",
    "Complete missing Output 2 monitoring data and update the GHG calculation by 31 March 2023 (Project Manager); submit the hand-over strategy to the Project Board (AEPC).",
    ["31 March 2023"],
    QA,
    "update the GHG calculation by 31 March 2023",
)
q(
    "narrative",
    "name",
    "What was the first recommendation of the mid-term evaluation and what happened to it?",
    "A 12-month no-cost extension to 31 December 2025; it was noted, and the Project Board will decide at the end of 2023.",
    ["31 December 2025"],
    MTE,
    "Extend the project by 12 months at no cost, to 31 December 2025",
)
q(
    "narrative",
    "name",
    "What is the average installed cost of the mini-grids per kWp?",
    "USD 2,350 per kWp, against the AEPC benchmark of USD 2,500 per kWp.",
    ["USD 2,350 per kWp"],
    MTE,
    "The average installed cost of mini-grids, USD 2,350 per kWp",
)

# ------------------------------------------------------------ narrative (project document)
q(
    "narrative",
    "name",
    "Who is the implementing partner of SURYA?",
    "The Alternative Energy Promotion Centre (AEPC), Ministry of Energy, Water Resources and Irrigation (national implementation).",
    ["Alternative Energy Promotion Centre (AEPC)"],
    PD,
    "Alternative Energy Promotion Centre (AEPC), Ministry of Energy, Water Resources and Irrigation",
)
q(
    "narrative",
    "name",
    "Who chairs the Project Board?",
    "The Secretary of the Ministry of Energy, Water Resources and Irrigation (MoEWRI), as Executive.",
    ["Secretary, Ministry of Energy, Water Resources and Irrigation (MoEWRI)"],
    PD,
    "Executive (Chair)",
    table="board",
)
q(
    "narrative",
    "name",
    "Who sits on the Project Board?",
    "Executive/Chair: Secretary MoEWRI; Senior Suppliers: UNDP Resident Representative and the Royal Norwegian Embassy; Senior Beneficiaries: AEPC Executive Director, the two provincial Ministries of Physical Infrastructure Development, a cooperative federation chair; Project Assurance: UNDP Programme Analyst; Project Manager as secretary.",
    ["Royal Norwegian Embassy", "Karnali Province"],
    PD,
    "Senior Beneficiary",
    table="board",
)
q(
    "narrative",
    "telegraphic",
    "project board meeting frequency",
    "Twice a year.",
    ["twice a year"],
    PD,
    "The Project Board will meet twice a year",
)
q(
    "narrative",
    "name",
    "Where is the project management unit based?",
    "At AEPC in Lalitpur, with provincial offices in Birendranagar (Surkhet) and Dhangadhi.",
    ["Lalitpur"],
    PD,
    "The Project Management Unit will be located at AEPC in Lalitpur",
)
q(
    "narrative",
    "number",
    "What are the start and end dates of project 00119874?",
    "1 January 2020 to 31 December 2024.",
    ["1 January 2020", "31 December 2024"],
    PD,
    "Start Date	1 January 2020",
)
q(
    "narrative",
    "name",
    "Who funds the project and how much?",
    "Royal Norwegian Embassy USD 5,022,000; UNDP TRAC USD 1,650,000 (total 6,672,000); plus a Government in-kind parallel contribution of USD 400,000.",
    ["5,022,000", "1,650,000"],
    PD,
    "Donor (Royal Norwegian Embassy):",
)
q(
    "narrative",
    "telegraphic",
    "SBAA Nepal date",
    "23 February 1984.",
    ["23 February 1984"],
    PD,
    "signed on 23 February 1984",
)
q(
    "narrative",
    "name",
    "Who decides if the Project Board cannot reach consensus?",
    "The UNDP Resident Representative, in consultation with the Chair.",
    ["UNDP Resident Representative"],
    PD,
    "the final decision rests with the UNDP Resident Representative",
)
q(
    "narrative",
    "russian",
    "Кто является партнёром-исполнителем проекта SURYA?",
    "Alternative Energy Promotion Centre (AEPC) при Министерстве энергетики, водных ресурсов и ирригации.",
    ["Alternative Energy Promotion Centre (AEPC)"],
    PD,
    "Alternative Energy Promotion Centre (AEPC), Ministry of Energy, Water Resources and Irrigation",
)
q(
    "narrative",
    "russian",
    "Когда заканчивается проект?",
    "31 декабря 2024 года (начало — 1 января 2020).",
    ["31 December 2024"],
    PD,
    "End Date	31 December 2024",
)

# ------------------------------------------------------------ overview
q(
    "overview",
    "name",
    "What is the SURYA project about?",
    "A 2020–2024 UNDP Nepal project with AEPC that brings clean electricity to remote communities in Karnali and Sudurpashchim through community-owned solar mini-grids (24, 1,200 kWp) and solar irrigation (300 pumps), plus provincial policy/regulation and skills and women's enterprises; budget USD 6,672,000.",
    ["24 solar mini-grids", "1,200 kWp"],
    PD,
    "community-owned solar mini-grids and solar irrigation",
)
q(
    "overview",
    "name",
    "What are the project's outputs?",
    "1: policy and regulatory framework for DRE; 2: solar mini-grids and solar irrigation; 3: local capacities, women's entrepreneurship and productive use; 4: project management, M&E.",
    ["Policy and regulatory framework", "Solar mini-grids and solar irrigation"],
    PD,
    "Output 1: Policy and regulatory framework for decentralized renewable energy (DRE) strengthened",
)
q(
    "overview",
    "name",
    "Give me a summary of how 2022 went.",
    "Karnali adopted its Renewable Energy Act (June 2022); 15 of 24 mini-grids (610 kWp) commissioned, 3,850 households connected, 192 pumps; delays from monsoon floods, tariff guideline not approved, enterprise grants late; delivery 84.5%.",
    ["610 kWp", "3,850"],
    APR,
    "By 31 December 2022, 15 of the 24 planned solar mini-grids were commissioned",
)
q(
    "overview",
    "russian",
    "Расскажи кратко, о чём проект SURYA.",
    "Проект ПРООН в Непале (2020–2024, партнёр AEPC): солнечные мини-сети и солнечная ирригация для отдалённых общин в провинциях Карнали и Судурпашчим, поддержка законодательства и тарифов, обучение техников и гранты женским предприятиям; бюджет 6 672 000 долл. США.",
    ["Karnali"],
    PD,
    "community-owned solar mini-grids and solar irrigation",
)

# ------------------------------------------------------------ multi-hop
q(
    "multi_hop",
    "name",
    "How much of Output 2's 2022 budget was left unspent?",
    "1,440,000 − 1,224,000 = USD 216,000.",
    ["1,440,000", "1,224,000"],
    APR,
    D2,
    table=DL,
)
q(
    "multi_hop",
    "name",
    "The MTE counted mini-grids at end of October 2022 — how many were there by year-end according to the annual report?",
    "14 mini-grids (560 kWp) by end-October per the MTE; 15 of 24 (610 kWp) by 31 December 2022 per the APR.",
    ["560 kWp", "610 kWp"],
    MTE,
    "14 of the 24 planned mini-grids had been commissioned",
    sources=[MTE, APR],
)
q(
    "multi_hop",
    "name",
    "What share of the total budget does Norway contribute?",
    "5,022,000 / 6,672,000 ≈ 75%.",
    ["5,022,000", "6,672,000"],
    PD,
    "Donor (Royal Norwegian Embassy):",
)
q(
    "multi_hop",
    "name",
    "Is the end-2022 number of irrigation pumps already above the mid-term target?",
    "Yes: 192 in operation (APR) vs a mid-term target of 180 (results framework).",
    ["192", "180"],
    APR,
    "Solar irrigation pumps in operation",
    sources=[APR, PD],
)
q(
    "multi_hop",
    "name",
    "How many more households must be connected after 2022 to reach the end-of-project target?",
    "8,000 − 3,850 = 4,150 households.",
    ["3,850", "8,000"],
    APR,
    "Households newly connected to project mini-grids",
    sources=[APR, PD],
)
q(
    "multi_hop",
    "name",
    "Do Output 3's activity amounts add up to its sub-total?",
    "No: 200,000 + 400,000 + 200,000 + 150,000 = 950,000, but the sub-total row states 960,000.",
    ["960,000", "400,000"],
    PD,
    "Sub-Total for Output 3",
    table=WP,
)
q(
    "multi_hop",
    "telegraphic",
    "how many 2022 RF targets met",
    "5 of 10 achieved (1.1, 1.3, 2.3, 3.1, 3.3); 3 partially achieved (2.1, 2.2, 2.4); 2 not achieved (1.2, 3.2).",
    ["Partially achieved", "Not achieved"],
    APR,
    "Progress against Results Framework targets (2022)",
    table=PR,
)
q(
    "multi_hop",
    "name",
    "Does the 2022 budget in the annual report match the work plan for Output 1?",
    "Yes: 135,000 in both the APR delivery table and the work plan 2022 column (Sub-Total for Output 1).",
    ["135,000"],
    APR,
    "Output 1 - Policy and regulatory framework",
    sources=[APR, PD],
)

# ------------------------------------------------------------ follow-ups
q(
    "followup",
    "conversation",
    "and what was achieved?",
    "3,850 households by end-2022 (Partially achieved against 4,200).",
    ["3,850"],
    APR,
    "Households newly connected to project mini-grids",
    history=["What is the 2022 target for indicator 2.2?"],
    table=PR,
)
q(
    "followup",
    "conversation",
    "how much of it was spent?",
    "USD 1,224,000 of 1,440,000 (85.0%).",
    ["1,224,000"],
    APR,
    D2,
    history=["What was Output 2's budget for 2022?"],
    table=DL,
)
q(
    "followup",
    "conversation",
    "and for output 3?",
    "USD 192,500 of 275,000 (70.0%).",
    ["192,500"],
    APR,
    "Output 3 - Local capacities and women's entrepreneurship",
    history=["What was Output 2's budget for 2022?", "how much of it was spent?"],
    table=DL,
)
q(
    "followup",
    "conversation",
    "what's the mitigation?",
    "For risk 1 (transport delays): schedule deliveries October to May, pre-position stock in Surkhet and Dhangadhi, long-term agreements with suppliers.",
    ["October to May"],
    PD,
    "Delays in procurement and transport of equipment to remote sites",
    history=["Who owns risk 1?"],
    table=RL,
)
q(
    "followup",
    "conversation",
    "Who chairs the Project Board?",
    "The Secretary, Ministry of Energy, Water Resources and Irrigation (MoEWRI). (New, unrelated question — not a follow-up to the MTE turn.)",
    ["Secretary, Ministry of Energy, Water Resources and Irrigation (MoEWRI)"],
    PD,
    "Executive (Chair)",
    history=["What is the MTE overall rating?"],
    table="board",
)
q(
    "followup",
    "conversation",
    "and who are the partners for it?",
    "AEPC and UNDP (Monitor and Manage Risk, quarterly).",
    ["AEPC, UNDP"],
    PD,
    "Monitor and Manage Risk",
    history=["How often is the risk log updated?"],
    table=MP,
)
q(
    "followup",
    "conversation",
    "and in 2024?",
    "Activity 3.2 in 2024: USD 100,000.",
    ["100,000"],
    PD,
    "3.2 Grants for women-led energy enterprises",
    history=["How much is budgeted for women-led enterprise grants in 2023?"],
    table=WP,
)

# ------------------------------------------------------------ unanswerable
q(
    "unanswerable",
    "name",
    "What is the 2025 budget of the project?",
    "Not in the documents: the work plan covers 2020–2024; the MTE only recommended a no-cost extension.",
    [],
    PD,
    "VII. Multi-Year Work Plan",
    refuse=True,
)
q(
    "unanswerable",
    "name",
    "How much was spent in 2023?",
    "Not available — only 2022 expenditure is reported.",
    [],
    APR,
    "3. Financial Delivery 2022",
    refuse=True,
)
q(
    "unanswerable",
    "name",
    "What is the name of the project manager?",
    "The documents do not name the Project Manager.",
    [],
    PD,
    "The Project Manager, recruited by UNDP and based at AEPC",
    refuse=True,
)
q(
    "unanswerable",
    "telegraphic",
    "terminal evaluation rating",
    "No terminal evaluation results exist in the documents (it is planned for September 2024).",
    [],
    PD,
    "Terminal Evaluation",
    refuse=True,
)
q(
    "unanswerable",
    "russian",
    "Сколько мини-сетей было построено в 2024 году?",
    "В документах нет данных за 2024 год.",
    [],
    APR,
    "Annual Progress Report 2022",
    refuse=True,
)

# ------------------------------------------------------------ false premise
q(
    "false_premise",
    "name",
    "Why was the project extended to 2025?",
    "It was not extended: the end date is 31 December 2024; the MTE recommended a no-cost extension, which was only noted (Board to decide at end of 2023).",
    ["31 December 2024"],
    PD,
    "End Date	31 December 2024",
    refuse=True,
)
q(
    "false_premise",
    "name",
    "Why did the QA rate the project Unsatisfactory overall?",
    "It did not: the overall QA rating is Satisfactory (only Management & Monitoring was Needs Improvement).",
    ["Satisfactory"],
    QA,
    "Overall Rating	Satisfactory",
    refuse=True,
)
q(
    "false_premise",
    "name",
    "Since the World Bank finances SURYA, what is its share?",
    "False premise: the project is financed by the Royal Norwegian Embassy and UNDP TRAC (plus Government in-kind), not the World Bank.",
    ["Royal Norwegian Embassy"],
    PD,
    "Donor (Royal Norwegian Embassy):",
    refuse=True,
)
q(
    "false_premise",
    "name",
    "Why did Sudurpashchim adopt its renewable energy act before Karnali?",
    "It did not: Karnali adopted its act in June 2022; the Sudurpashchim bill was still with the Provincial Assembly.",
    ["June 2022"],
    APR,
    "Karnali Province adopted its Renewable Energy Act in June 2022",
    refuse=True,
)
q(
    "false_premise",
    "typo",
    "why was evry 2022 target achived",
    "They were not: only 5 of 10 targets were achieved.",
    ["Not achieved"],
    APR,
    "Progress against Results Framework targets (2022)",
    refuse=True,
)

rows = build(I, docs, "hp", os.path.join(HERE, "project2_questions.jsonl"))
print(json.dumps(summary(rows), indent=1, ensure_ascii=False))
