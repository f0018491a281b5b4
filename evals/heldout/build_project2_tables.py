"""Builds project2_tables_questions.jsonl: held-out gold questions over the TABLES of the project 2
documents only (results framework, multi-year work plan, APR indicator-progress and delivery tables,
QA ratings, MTE ratings and recommendations, risk log, monitoring/evaluation plans, Project Board).

Written blind from the four project2/txt documents; gold answers by hand. Ids ht-NNN, split "dev" for all.
Run:  python3 evals/heldout/build_project2_tables.py
must_contain / evidence are checked verbatim against project2/txt/*.txt (qlib.build fails loudly otherwise).
Evidence spans are kept inside one table cell (or a table's section heading) so that they also survive
DOCX/PDF extraction; no span contains a tab.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from qlib import PROJECT2, build, project2_documents, summary, validate

PD, APR, QA, MTE = PROJECT2
docs = project2_documents(HERE)
OUT = os.path.join(HERE, "project2_tables_questions.jsonl")

I = []


def q(type, phrasing, table, question, answer, must, source, evidence, refuse=False):
    assert "\t" not in evidence
    I.append(
        dict(
            type=type,
            phrasing=phrasing,
            split="dev",
            question=question,
            answer=answer,
            must_contain=list(must),
            source=source,
            evidence=evidence,
            refuse=refuse,
            history=[],
            table=table,
        )
    )


RF, WP, PR, DL = "results_framework", "work_plan", "progress_report", "delivery"
IND_13 = "Indicator 1.3: Number of municipalities reporting DRE data in the provincial GIS system"
IND_21 = "Indicator 2.1: Installed capacity of solar mini-grids commissioned (kWp, cumulative)"
IND_22 = "Indicator 2.2: Number of households with a new electricity connection from project mini-grids (of which female-headed)"
IND_23 = "Indicator 2.3: Number of solar irrigation pumps in operation (cumulative, including AEPC pilots)"
IND_24 = "Indicator 2.4: Greenhouse gas emissions avoided (tCO2e per year)"
IND_31 = "3.1. Number of local technicians trained and certified in mini-grid operation and maintenance (percentage women)"
IND_32 = "3.2. Number of women-led energy enterprises receiving productive-use grants"

# ---------------------------------------------------------------- results framework (project document)
q("table_rf", "name", RF,
  "By the mid-term point, how many households should have had a new electricity connection from the project's mini-grids?",
  "The mid-term target is 4,200 households (same as the 2022 annual target); the end-of-project target is 8,000.",
  ["4,200"], PD, IND_22)
q("table_rf", "name", RF,
  "What is the end-of-project target for installed capacity of commissioned solar mini-grids?",
  "1,200 kWp (cumulative), from a baseline of 0 in 2019.",
  ["1,200"], PD, IND_21)
q("table_rf", "name", RF,
  "How many of the newly connected households are expected to be female-headed by the end of the project?",
  "1,600 female-headed households, out of the end-of-project target of 8,000 connections.",
  ["1,600 female-headed"], PD, "8,000 (1,600 female-headed)")
q("table_rf", "name", RF,
  "What share of the certified local technicians should be women by the end of the project?",
  "At least 40% women, of an end-of-project target of 500 technicians trained and certified.",
  ["at least 40% women"], PD, "500 (at least 40% women)")
q("table_rf", "name", RF,
  "What was the baseline number of trained and certified local technicians, and for which year?",
  "20 technicians, baseline year 2019 (end-of-project target 500, at least 40% women).",
  ["20", "2019"], PD, IND_31)
q("table_rf", "telegraphic", RF,
  "mini-grid kWp target 2023",
  "The 2023 target for installed mini-grid capacity is 1,050 kWp (cumulative).",
  ["1,050"], PD, IND_21)
q("table_rf", "telegraphic", RF,
  "GHG avoided mid-term target tCO2e",
  "1,700 tCO2e per year at mid-term (3,000 at end of project).",
  ["1,700"], PD, IND_24)
q("table_rf", "typo", RF,
  "how many womn-led energy enterprizes shoud get productive use grants by end of projct",
  "80 women-led energy enterprises by the end of the project.",
  ["80"], PD, IND_32)
q("table_rf", "number", RF,
  "What is the 2024 target for indicator 1.3?",
  "54 municipalities reporting DRE data in the provincial GIS system (also the end-of-project target).",
  ["54"], PD, IND_13)
q("table_rf", "number", RF,
  "What is the end-of-project target for indicator 2.3?",
  "335 solar irrigation pumps in operation (cumulative, including the 35 AEPC pilots of the 2019 baseline).",
  ["335"], PD, IND_23)
q("table_rf", "russian", RF,
  "Сколько местных техников должно быть обучено и сертифицировано к 2023 году по рамке результатов?",
  "Цель на 2023 год — 400 техников (к концу проекта — 500, из них не менее 40% женщин).",
  ["400"], PD, IND_31)
q("table_rf", "russian", RF,
  "Какой целевой показатель на 2023 год по числу домохозяйств, подключённых к мини-сетям проекта?",
  "6,800 домохозяйств на 2023 год (8,000 к концу проекта).",
  ["6,800"], PD, IND_22)

# ---------------------------------------------------------------- APR 2022 indicator progress table
q("table_rf", "name", PR,
  "Was the 2022 target for households newly connected to the project mini-grids met?",
  "No: 3,850 households were connected against a 2022 target of 4,200, so the indicator is rated Partially achieved.",
  ["4,200", "3,850"], APR, "Households newly connected to project mini-grids")
q("table_rf", "name", PR,
  "Did the project reach its 2022 target for solar irrigation pumps in operation?",
  "Yes: 192 pumps were in operation against a 2022 target of 180 (Achieved).",
  ["180", "192"], APR, "Solar irrigation pumps in operation")
q("table_rf", "name", PR,
  "How many women-led energy enterprises had received grants by the end of 2022?",
  "22, against an annual target of 35 for 2022, so the indicator is rated Not achieved.",
  ["22"], APR, "Women-led energy enterprises receiving grants")
q("table_rf", "name", PR,
  "What percentage of the local technicians trained and certified by end-2022 were women?",
  "41%: 275 technicians were trained and certified, 41% of them women (target 260; Achieved).",
  ["275 (41% women)"], APR, "Local technicians trained and certified (percentage women)")
q("table_rf", "telegraphic", PR,
  "GHG avoided achieved 2022",
  "1,480 tCO2e per year against a 2022 target of 1,700 (Partially achieved).",
  ["1,480"], APR, "GHG emissions avoided (tCO2e per year)")
q("table_rf", "typo", PR,
  "how many munincipalities were reporting DRE data in the GIS by end of 2022, acheived vs target",
  "28 municipalities against a 2022 target of 25 (Achieved).",
  ["28"], APR, "Municipalities reporting DRE data in the provincial GIS")
q("table_rf", "number", PR,
  "What status does the 2022 annual report give indicator 2.1?",
  "Partially achieved: 610 kWp commissioned against the 2022 target of 700 kWp.",
  ["Partially achieved", "610"], APR, "Installed capacity of solar mini-grids commissioned (kWp)")
q("table_rf", "russian", PR,
  "Какую установленную мощность мини-сетей удалось достичь в 2022 году и какой была цель?",
  "Достигнуто 610 кВт пик при цели 700 кВт пик на 2022 год (статус Partially achieved).",
  ["610", "700"], APR, "Installed capacity of solar mini-grids commissioned (kWp)")

# ---------------------------------------------------------------- multi-year work plan (project document)
q("table_budget", "name", WP,
  "How much is budgeted in total for procuring and installing the 24 solar mini-grids?",
  "USD 2,900,000 (Norway funding; AEPC / EPC contractors), the largest activity line of the work plan.",
  ["2,900,000"], PD, "2.2 Procurement and installation of 24 solar mini-grids with a combined capacity of 1,200 kWp")
q("table_budget", "name", WP,
  "What is the total General Management Support in the work plan, and at what rate is it charged?",
  "USD 372,000, charged at 8% on the Norway contribution.",
  ["372,000"], PD, "General Management Support (GMS) 8% on the Norway contribution")
q("table_budget", "name", WP,
  "What is the total planned budget for 2022 across all outputs, including GMS?",
  "USD 2,197,400 (TOTAL row, 2022 column).",
  ["2,197,400"], PD, "TOTAL")
q("table_budget", "telegraphic", WP,
  "Sub-Total Output 2 2023",
  "USD 1,160,000 for Output 2 in 2023 (Output 2 total 3,980,000).",
  ["1,160,000"], PD, "Sub-Total for Output 2")
q("table_budget", "typo", WP,
  "budjet for feasability studies and site selecton in 2020",
  "USD 80,000 in 2020 for feasibility studies, site selection and community mobilization (180,000 in total).",
  ["80,000"], PD, "2.1 Feasibility studies, site selection and community mobilization for mini-grid sites")
q("table_budget", "number", WP,
  "How much is planned for activity 3.3 in 2023?",
  "USD 60,000 for the credit guarantee facility with cooperative banks in 2023 (200,000 in total).",
  ["60,000"], PD, "3.3 Access to finance: credit guarantee facility with cooperative banks")
q("table_budget", "number", WP,
  "What is the total amount for activity 1.1 and which funding source covers it?",
  "USD 175,000, funded from UNDP TRAC (responsible party AEPC).",
  ["175,000", "UNDP TRAC"], PD,
  "1.1 Support drafting and adoption of Provincial Renewable Energy Acts and regulations in Karnali and Sudurpashchim")
q("table_budget", "russian", WP,
  "Сколько всего заложено в бюджете на установку солнечных ирригационных насосов?",
  "700,000 долларов США на установку 300 солнечных ирригационных насосов (финансирование Норвегии).",
  ["700,000"], PD, "2.3 Installation of 300 solar irrigation pumps for smallholder farmer groups")

# ---------------------------------------------------------------- APR 2022 delivery table
q("table_budget", "name", DL,
  "How much of Output 3's 2022 budget was actually spent?",
  "USD 192,500 of a 2022 budget of 275,000, a delivery rate of 70.0%.",
  ["275,000", "192,500"], APR, "Output 3 - Local capacities and women's entrepreneurship")
q("table_budget", "name", DL,
  "How much did the project spend in 2022 against its budget, excluding GMS?",
  "USD 1,744,400 spent against a 2022 budget of 2,065,000 (84.5% delivery; provisional figures).",
  ["2,065,000", "1,744,400"], APR, "Total (excluding GMS)")
q("table_budget", "typo", DL,
  "delivry rate for the project managment output in 2022",
  "96.0% for Output 4 (206,400 spent of 215,000).",
  ["96.0%"], APR, "Output 4 - Project management, monitoring and evaluation")
q("table_budget", "russian", DL,
  "Сколько было фактически израсходовано по Output 2 в 2022 году?",
  "1,224,000 долларов США при бюджете 1,440,000 (исполнение 85.0%).",
  ["1,224,000"], APR, "Output 2 - Solar mini-grids and solar irrigation")

# ---------------------------------------------------------------- QA ratings
q("table_qa", "name", "qa_ratings",
  "Which quality criterion was rated Needs Improvement in the implementation-stage QA?",
  "Management & Monitoring (questions 9-11) was rated Needs Improvement.",
  ["Management & Monitoring"], QA, "Management & Monitoring - Quality Rating: Needs Improvement")
q("table_qa", "telegraphic", "qa_ratings",
  "QA rating Sustainability & National Ownership",
  "Highly Satisfactory.",
  ["Highly Satisfactory"], QA, "Sustainability & National Ownership - Quality Rating: Highly Satisfactory")
q("table_qa", "number", "qa_ratings",
  "In the QA summary, which question numbers fall under the Efficient criterion and what rating did it get?",
  "Questions 12-14; the Efficient criterion was rated Satisfactory.",
  ["12-14", "Satisfactory"], QA, "Efficient - Quality Rating: Satisfactory")

# ---------------------------------------------------------------- MTE ratings and recommendations
q("table_qa", "name", "mte_ratings",
  "What rating did the mid-term evaluation give for sustainability?",
  "Moderately Likely (ML): cooperatives collect tariffs, but reserve funds are small and the tariff guideline is not yet approved.",
  ["Moderately Likely (ML)"], MTE,
  "Cooperatives collect tariffs, but reserve funds are still small and the tariff guideline is not yet approved.")
q("table_qa", "typo", "mte_ratings",
  "mte efficency ratng",
  "Moderately Satisfactory (MS): cost per kWp is in line with benchmarks, but procurement and transport delays reduced delivery.",
  ["Moderately Satisfactory (MS)"], MTE,
  "Cost per kWp installed is in line with benchmarks, but procurement and transport delays reduced delivery.")
q("table_qa", "name", "mte_recommendations",
  "To whom is the mid-term evaluation's no-cost extension recommendation addressed, and what priority does it have?",
  "Recommendation 1 (extend by 12 months at no cost, to 31 December 2025) is addressed to the Project Board, priority High.",
  ["Project Board", "High"], MTE,
  "Extend the project by 12 months at no cost, to 31 December 2025, to allow completion of the remaining mini-grids.")

# ---------------------------------------------------------------- risk log, M&E plans, board (project document)
q("table_rf", "name", "risk_log",
  "What likelihood and impact scores does the risk log give to low tariff collection by community cooperatives?",
  "Likelihood 3 and impact 5 (Financial risk, owner AEPC, Active).",
  ["3", "5"], PD, "Low tariff collection by community cooperatives undermines operation and maintenance of mini-grids")
q("table_rf", "name", "risk_log",
  "Which risk in the risk log has been closed?",
  "The COVID-19 movement restrictions risk (risk 7), status Closed (2022); all other risks are Active.",
  ["Closed (2022)"], PD, "COVID-19 movement restrictions limit field work and community meetings")
q("table_rf", "name", "monitoring_plan",
  "How often are field monitoring visits planned and how much do they cost?",
  "Semi-annually, with provincial ministries, at a cost of USD 20,000.",
  ["Semi-annually", "20,000"], PD,
  "Joint verification of installed mini-grids, irrigation pumps and enterprises with provincial counterparts.")
q("table_rf", "name", "evaluation_plan",
  "What does the terminal evaluation cost, who funds it, and when is it due?",
  "USD 60,000 from UNDP TRAC, planned completion September 2024.",
  ["60,000 (UNDP TRAC)", "September 2024"], PD, "Terminal Evaluation")
q("table_rf", "typo", "evaluation_plan",
  "when is the mid term evalution planed to be compleated",
  "The evaluation plan sets the Mid-Term Evaluation's planned completion date as November 2022.",
  ["November 2022"], PD, "Mid-Term Evaluation")
q("table_rf", "name", "board",
  "Who sits on the Project Board as Senior Supplier?",
  "Two Senior Suppliers: the UNDP Resident Representative, Nepal, and the Counsellor for Energy and Climate, "
  "Royal Norwegian Embassy in Kathmandu.",
  ["UNDP Resident Representative, Nepal", "Counsellor for Energy and Climate, Royal Norwegian Embassy in Kathmandu"],
  PD, "Counsellor for Energy and Climate, Royal Norwegian Embassy in Kathmandu")

# ---------------------------------------------------------------- unanswerable (look like table questions)
q("unanswerable", "name", RF,
  "What is the results framework target for installed mini-grid capacity in 2025?",
  "Not in the tables: the results framework gives yearly targets only for 2020-2024 (plus mid-term and end of "
  "project, 1,200 kWp); 2025 is outside the project period (the MTE only recommended an extension to 2025).",
  [], PD, IND_21, refuse=True)
q("unanswerable", "name", DL,
  "How much did the project spend in 2022 on the procurement and installation of mini-grids activity alone?",
  "Not reported: the APR delivery table gives budget and expenditure only per output (Output 2 as a whole), "
  "not per activity.",
  [], APR, "Output 2 - Solar mini-grids and solar irrigation", refuse=True)
q("unanswerable", "telegraphic", "risk_log",
  "residual risk rating procurement delays risk",
  "The risk log has no residual-risk column: it gives only likelihood and impact (1-5), mitigation, owner and status.",
  [], PD, "Likelihood and impact are scored on a scale of 1 (low) to 5 (high).", refuse=True)
q("unanswerable", "russian", WP,
  "Какой бюджет был предусмотрен на Output 1 в 2019 году?",
  "В плане работ нет 2019 года: годовые колонки охватывают только 2020-2024 годы (проект начался 1 января 2020).",
  [], PD, "Sub-Total for Output 1", refuse=True)

rows = build(I, docs, "ht", OUT)
validate(OUT, docs)
assert all(r["split"] == "dev" for r in rows)
s = summary(rows)
from collections import Counter
s["table"] = dict(sorted(Counter(r["table"] for r in rows).items()))
s["refuse"] = sum(r["refuse"] for r in rows)
print(json.dumps(s, indent=1, ensure_ascii=False))
