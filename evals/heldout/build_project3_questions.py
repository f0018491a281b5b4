#!/usr/bin/env python3
"""Gold questions over project 3 (fictional UNDP Kyrgyzstan project "Jer-Suu", ids p3-NNN).

Written blind from the four project-3 documents only (evals/heldout/project3/txt/), this folder's README.md and
qlib.py. Every must_contain and evidence string is checked verbatim by qlib.build.

Usage (from the repo root):  python3 evals/heldout/build_project3_questions.py
Writes evals/heldout/project3_questions.jsonl and prints a summary.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import qlib  # noqa: E402

PD = "kg-jersuu-project-document.txt"
QA = "kg-jersuu-design-qa.txt"
PR = "kg-jersuu-progress-report-2025-h1.txt"
ME = "kg-jersuu-midterm-evaluation.txt"
PROJECT3 = (PD, QA, PR, ME)


def project3_documents(here=HERE):
    return {n: open(os.path.join(here, "project3", "txt", n), encoding="utf-8").read() for n in PROJECT3}


DOCS = project3_documents()


def line(doc, needle):
    """The one full line of `doc` that contains `needle` (used as evidence for table rows)."""
    hits = [ln for ln in DOCS[doc].split("\n") if needle in ln]
    if len(hits) != 1:
        raise SystemExit(f"line({doc!r}, {needle!r}): {len(hits)} matches")
    return hits[0]


def Q(type_, phrasing, question, answer, must_contain, source, evidence, table=None, history=None, sources=None,
      refuse=None):
    it = dict(type=type_, phrasing=phrasing, question=question, answer=answer, must_contain=must_contain,
              source=source, evidence=evidence, history=history or [])
    if table:
        it["table"] = table
    if sources:
        it["sources"] = sources
    if refuse is not None:
        it["refuse"] = refuse
    elif type_ in ("unanswerable", "false_premise"):
        it["refuse"] = True
    return it


ITEMS = [
    # ------------------------------------------------------------------ table_rf (18)
    Q("table_rf", "name", "How many farmers were we supposed to have trained in farmer field schools by year 3?",
      "The Year 3 target for OI 3.1 (smallholder farmers trained through farmer field schools) is 9,000; the Year 4 "
      "(end) target is 12,000, at least 40% women.",
      ["9,000"], PD, line(PD, "OI 3.1 Number of smallholder farmers"), table="results_framework"),
    Q("table_rf", "number", "OI 2.4 end-of-project target?",
      "25% by Year 4 (OI 2.4), up from a baseline of 7% in 2023.",
      ["25%"], PD, line(PD, "OI 2.4 Share of women"), table="results_framework"),
    Q("table_rf", "typo", "what was the basline for the agro-met stations",
      "The baseline for OI 1.1 is 14 automated agro-meteorological stations transmitting data in the three oblasts "
      "(2023).",
      ["14"], PD, line(PD, "OI 1.1 Number of automated"), table="results_framework"),
    Q("table_rf", "number", "OI 2.2 Year 2 target?",
      "4,500 hectares of farmland with improved irrigation water supply (Year 2); 9,600 ha by Year 4.",
      ["4,500"], PD, line(PD, "OI 2.2 Area of farmland"), table="results_framework"),
    Q("table_rf", "telegraphic", "insurance indicator target year 4",
      "OI 3.4: 4,000 farmers covered by index-based crop or livestock insurance by Year 4.",
      ["4,000"], PD, line(PD, "OI 3.4 Number of farmers covered"), table="results_framework"),
    Q("table_rf", "russian",
      "Какой целевой показатель по числу фермеров, получающих агрометеорологические советы по SMS, на конец проекта?",
      "По индикатору OI 1.2 цель на Year 4 — 35,000 фермеров, из них 30% женщин (базовое значение 0 в 2023 году).",
      ["35,000"], PD, line(PD, "OI 1.2 Number of farmers receiving"), table="results_framework"),
    Q("table_rf", "name", "What is the means of verification for the canal rehabilitation indicator?",
      "Acceptance certificates of civil works, checked through joint site inspection with the Water Resources Service "
      "(construction season only).",
      ["Acceptance certificates of civil works"], PD, line(PD, "OI 2.1 Length of"), table="results_framework"),
    Q("table_rf", "name", "In which project year should all three oblasts have an approved early warning protocol?",
      "Year 3: the OI 1.3 targets are 0 (Year 1), 1 (Year 2), 3 (Year 3) and 3 (Year 4).",
      ["Year 3"], PD, line(PD, "OI 1.3 Number of oblasts"), table="results_framework"),
    Q("table_rf", "number", "What is the Year 2 target for OI 3.3?",
      "40 agribusinesses led by women or youth receiving matching grants (Year 1 target 0, end target 120).",
      ["40"], PD, line(PD, "OI 3.3 Number of agribusinesses"), table="results_framework"),
    Q("table_rf", "typo", "basline and final target for WUAs with aproved water managment plans?",
      "OI 2.3: baseline 6 WUAs (2023), final (Year 4) target 36.",
      ["6", "36"], PD, line(PD, "OI 2.3 Number of water user"), table="results_framework"),
    Q("table_rf", "name", "Which risk has the highest score in the risk log?",
      "Risk 1, the short construction season in the high-altitude districts (April to October), with probability 4, "
      "impact 4 and a score of 16.",
      ["16", "construction season"], PD, line(PD, "The construction season in the high-altitude"), table="risk_log"),
    Q("table_rf", "telegraphic", "risk owner insurance risk",
      "The Project Manager owns risk 7 (no insurer willing to offer index-based products at an affordable premium).",
      ["Project Manager"], PD, line(PD, "No insurer is willing"), table="risk_log"),
    Q("table_rf", "russian", "Какая оценка у риска, связанного с селями и наводнениями?",
      "Риск 6 (сели, наводнения или сильная засуха): вероятность 3, влияние 5, оценка 15; владелец — Water Resources "
      "Service.",
      ["15"], PD, line(PD, "Mudflows, floods or severe drought"), table="risk_log"),
    Q("table_rf", "name", "How much is budgeted for the farmer outcome survey and when is it done?",
      "USD 15,000; it is carried out in 2024 (baseline), 2025 (mid-line) and 2027 (end-line) by the M&E and Gender "
      "Officer with a contracted survey company.",
      ["15,000"], PD, line(PD, "Farmer outcome survey"), table="monitoring_plan"),
    Q("table_rf", "name", "When is the final evaluation due and how much will it cost?",
      "October 2027, USD 60,000 from UNDP TRAC.",
      ["October 2027", "60,000"], PD, line(PD, "Final evaluation\t"), table="evaluation_plan"),
    Q("table_rf", "name", "How many farmers had been trained in field schools by the end of June 2025?",
      "4,380 farmers (43% women) against the Year 2 target of 5,000; status On track.",
      ["4,380"], PR, line(PR, "OI 3.1\t"), table="progress_report"),
    Q("table_rf", "telegraphic", "status OI 3.4 june 2025",
      "Off track: 0 farmers insured against a Year 2 target of 1,000.",
      ["Off track"], PR, line(PR, "OI 3.4\t"), table="progress_report"),
    Q("table_rf", "name", "How many km of canals are to be rehabilitated in Jalal-Abad?",
      "60 km in Jalal-Abad Oblast (Aksy, Ala-Buka, Toktogul), out of 140 km in total.",
      ["60"], PD, line(PD, "Jalal-Abad\tAksy"), table="target_areas"),

    # ------------------------------------------------------------------ table_budget (14)
    Q("table_budget", "telegraphic", "budget output 3 2026",
      "Output 3 subtotal for 2026: USD 570 000.",
      ["570 000"], PD, line(PD, "Output 3 subtotal"), table="work_plan"),
    Q("table_budget", "name", "How much is budgeted in total for the farmer field schools?",
      "USD 450 000 for Activity 3.1 (RAS, funded by SDC): 60 000 in 2024, 140 000 in 2025, 150 000 in 2026 and "
      "100 000 in 2027.",
      ["450 000"], PD, line(PD, "3.1 Farmer field schools"), table="work_plan"),
    Q("table_budget", "number", "Who funds activity 3.2, and how much is it?",
      "The EU funds Activity 3.2 (matching grants for 120 agribusinesses led by women or youth): USD 700 000 in total.",
      ["EU", "700 000"], PD, line(PD, "3.2 Matching grants"), table="work_plan"),
    Q("table_budget", "number", "Activity 2.2 budget for 2025?",
      "USD 1 100 000 for rehabilitation of canals and hydraulic structures in 2025 (EU-funded, civil works).",
      ["1 100 000"], PD, line(PD, "2.2 Rehabilitation of 140 km"), table="work_plan"),
    Q("table_budget", "typo", "whats the GMS amout for 2025",
      "GMS (8%) on the EU and SDC contributions for 2025 is USD 172 800.",
      ["172 800"], PD, line(PD, "GMS (8%) on EU and SDC"), table="work_plan"),
    Q("table_budget", "name", "What is the grand total of the work plan for 2027?",
      "USD 1 305 000 for 2027 (1 225 000 programmable budget plus 80 000 GMS).",
      ["1 305 000"], PD, line(PD, "Grand total\t"), table="work_plan"),
    Q("table_budget", "russian", "Какой общий бюджет Output 2 по плану работ?",
      "Итого по Output 2 (ирригационная инфраструктура и АВП) — USD 3 550 000 за 2024–2027 годы.",
      ["3 550 000"], PD, line(PD, "Output 2 subtotal"), table="work_plan"),
    Q("table_budget", "name", "What's the total for project management and M&E?",
      "USD 860 000 over 2024-2027 (PM.1 590 000, PM.2 180 000, PM.3 90 000).",
      ["860 000"], PD, line(PD, "Project management and M&E subtotal"), table="work_plan"),
    Q("table_budget", "telegraphic", "PM.2 2027",
      "USD 75 000 for monitoring, evaluation and audits in 2027 (UNDP TRAC).",
      ["75 000"], PD, line(PD, "PM.2 Monitoring"), table="work_plan"),
    Q("table_budget", "name", "Who is responsible for the early warning protocols activity and what money pays for it?",
      "Activity 1.3 is implemented by Kyrgyzhydromet / Ministry of Emergency Situations, funded from UNDP TRAC "
      "(local consultants; workshops), USD 90 000 in total.",
      ["Ministry of Emergency Situations", "UNDP TRAC"], PD, line(PD, "1.3 Drought and frost"), table="work_plan"),
    Q("table_budget", "name", "What was the delivery rate for Output 3 in the first half of 2025?",
      "26.0%: USD 124,800 spent against an annual 2025 budget of 480,000, mainly because the grants are paid only "
      "from September 2025.",
      ["26.0%"], PR, line(PR, "Output 3 – Climate-resilient practices, finance and markets\t"), table="delivery"),
    Q("table_budget", "telegraphic", "total expenditure jan-jun 2025",
      "USD 858,450, i.e. 38.2% of the 2025 budget of 2,250,000 shown in the report (excluding GMS).",
      ["858,450"], PR, line(PR, "Total (excluding GMS)"), table="delivery"),
    Q("table_budget", "russian", "Сколько потратили на управление проектом за первое полугодие 2025 года?",
      "По строке Project management and M&E расходы за январь–июнь 2025 — USD 94,300 из годового бюджета 205,000 "
      "(46.0%).",
      ["94,300"], PR, line(PR, "Project management and M&E\t"), table="delivery"),
    Q("table_budget", "typo", "how much of the 2024 budjet did we actualy spend",
      "USD 861,300 of the 2024 budget of USD 920,000, i.e. 93.6 percent.",
      ["861,300", "93.6"], PR, "In 2024 the project spent USD 861,300 of its budget of USD 920,000 (93.6 percent).",
      table="delivery"),

    # ------------------------------------------------------------------ table_qa (8)
    Q("table_qa", "name", "What rating did the design QA give the management and monitoring criterion?",
      "Needs Improvement (question ratings 1, 2, 2 for questions 10-12).",
      ["Needs Improvement"], QA, line(QA, "Management and Monitoring\t10-12"), table="qa_ratings"),
    Q("table_qa", "number", "Why did question 10 of the design QA only get a 1?",
      "Question 10 (strong results framework) was rated 1 because the 350-hectare baseline for OI 3.2 is an "
      "unverified estimate from RAS records, the Year 1 targets for OI 3.3 and OI 3.4 are zero, and there is no "
      "indicator on farm income, which is central to the theory of change.",
      ["farm income"], QA, line(QA, "Does the project have a strong results framework?"), table="qa_ratings"),
    Q("table_qa", "telegraphic", "relevant criterion rating design QA",
      "Highly Satisfactory (questions 4-6 rated 3, 2, 3).",
      ["Highly Satisfactory"], QA, line(QA, "Relevant\t4-6"), table="qa_ratings"),
    Q("table_qa", "russian", "Какую оценку получил критерий Sustainability and National Ownership в QA на этапе разработки?",
      "Satisfactory — вопросы 20–22 получили оценки 3, 2, 2.",
      ["Satisfactory"], QA, line(QA, "Sustainability and National Ownership\t20-22"), table="qa_ratings"),
    Q("table_qa", "name", "Which question in the design QA was answered Yes instead of getting a number?",
      "Question 16 (is the Country Office fully recovering its costs - GMS and direct project costs), answered Yes: "
      "8% GMS on EU and SDC contributions (USD 480,000) and USD 90,000 direct project costs.",
      ["16"], QA, line(QA, "Is the Country Office fully recovering"), table="qa_ratings"),
    Q("table_qa", "name", "What rating did the mid-term evaluation give effectiveness?",
      "4 – Moderately satisfactory: Year 2 targets were met for stations, canals and WUA plans but not for irrigated "
      "area, women on WUA councils or matching grants, and the insurance pilot had not started.",
      ["Moderately satisfactory"], ME, line(ME, "Effectiveness\t"), table="mte_ratings"),
    Q("table_qa", "typo", "sustainibility rating in the midterm evalution?",
      "3 – Moderately likely (on the 4-point sustainability scale).",
      ["Moderately likely"], ME, line(ME, "Sustainability\t3"), table="mte_ratings"),
    Q("table_qa", "name", "What overall rating did the MTE give the project?",
      "5 – Satisfactory: the project is likely to achieve most end-of-project targets by December 2027 if the "
      "recommendations are implemented.",
      ["Satisfactory"], ME, line(ME, "Overall project rating\t"), table="mte_ratings"),

    # ------------------------------------------------------------------ narrative (14)
    Q("narrative", "name", "Why was direct implementation chosen instead of national implementation?",
      "Because the project combines large civil works contracts, grants to private agribusinesses and an insurance "
      "pilot, and because the 2023 HACT micro-assessment rated MWRAPI's financial management risk as significant.",
      ["HACT", "significant"], PD,
      "DIM was agreed with MWRAPI because the project combines large civil works contracts, grants to private "
      "agribusinesses and an insurance pilot, and because the 2023 HACT micro-assessment rated the financial "
      "management risk of MWRAPI as significant."),
    Q("narrative", "name", "How many people took part in the consultations during formulation, and how many were women?",
      "640 participants in all nine districts (August-September 2023), 46 percent of them women.",
      ["640", "46"], PD,
      "consultations were held in August and September 2023 in all nine districts with 640 participants, of whom "
      "46 percent were women"),
    Q("narrative", "name", "What do farmers have to contribute to get a drip or sprinkler demonstration plot?",
      "At least 30 percent of the equipment cost.",
      ["30"], PD,
      "Farmers who set up drip or sprinkler demonstration plots contribute at least 30 percent of the equipment cost."),
    Q("narrative", "typo", "how big are the grants for agribusineses supposed to be",
      "Between USD 3,000 and USD 8,000 per agribusiness, with a minimum own contribution of 25 percent; 120 "
      "agribusinesses led by women or youth, at least 60 of them led by women.",
      ["3,000", "8,000"], PD,
      "matching grants of between USD 3,000 and USD 8,000 to 120 agribusinesses"),
    Q("narrative", "name", "What did the Government commit to in its letter of 20 October 2023?",
      "To include the operation of the new agro-meteorological stations in the budget of Kyrgyzhydromet from 2027.",
      ["2027"], PD,
      "In a letter of 20 October 2023 the Government committed to include the operation of the new "
      "agro-meteorological stations in the budget of Kyrgyzhydromet from 2027."),
    Q("narrative", "russian", "Какие районы Нарынской области охватывает проект?",
      "В Нарынской области — At-Bashy, Kochkor и Jumgal (всего проект работает в девяти районах трёх областей).",
      ["At-Bashy", "Kochkor", "Jumgal"], PD, "At-Bashy, Kochkor and Jumgal (Naryn Oblast)"),
    Q("narrative", "name", "What did the 2022 canal inventory find?",
      "About 60 percent of on-farm and inter-farm canals in the three oblasts were in poor or very poor condition, "
      "with conveyance losses of 40 to 50 percent.",
      ["60"], PD,
      "found that about 60 percent of on-farm and inter-farm canals in the three oblasts are in poor or very poor "
      "condition, with conveyance losses of 40 to 50 percent"),
    Q("narrative", "conversation", "I'm new on the team, can you explain the theory of change in plain words?",
      "If farmers get reliable local climate information and advice (Output 1), irrigation systems are rehabilitated "
      "and run by accountable WUAs (Output 2), and smallholders - especially women and youth - have the skills, "
      "finance and risk-transfer tools to change practices (Output 3), then farm households will lose fewer harvests "
      "to climate shocks, use water more efficiently and earn higher and more stable incomes.",
      ["incomes"], PD, "The theory of change of Jer-Suu is that if farmers receive reliable, localized climate "
                        "information and advice (Output 1)"),
    Q("narrative", "name", "What risk category did the social and environmental screening give the project?",
      "Moderate risk under the SESP; site-specific ESMPs are to be prepared for every irrigation scheme before "
      "tendering.",
      ["Moderate"], PD,
      "The Social and Environmental Screening Procedure (SESP) classified the project as Moderate risk."),
    Q("narrative", "name", "Why hadn't the Naryn early warning protocol been approved by mid-2025?",
      "It was submitted in May 2025, but approval was postponed after the reorganization of the Ministry of Emergency "
      "Situations in February 2025; approval was expected in the third quarter of 2025.",
      ["Ministry of Emergency Situations"], PR,
      "but its approval was postponed after the reorganization of the Ministry of Emergency Situations in February "
      "2025"),
    Q("narrative", "name", "Why is there still no insurance product for the farmers?",
      "The two insurers approached declined because historical yield data are not available at aiyl aimak level; "
      "the project is assessing a weather-index product based on data from the new stations.",
      ["yield data"], PR,
      "neither has agreed to offer a product because historical yield data are not available at aiyl aimak level"),
    Q("narrative", "typo", "what did we lern about women on WUA councils and fee colection",
      "WUAs whose councils include at least two women collected 74 percent of fees, against 63 percent in other "
      "WUAs; the project will use this before the 2026 council elections.",
      ["74", "63"], PR,
      "WUAs whose councils include at least two women collected 74 percent of fees, against 63 percent in other WUAs"),
    Q("narrative", "russian", "Что среднесрочная оценка говорит о службе агроконсультаций?",
      "Это самый заметный для фермеров результат: 71 процент опрошенных подписчиков хотя бы раз изменили сроки сева "
      "или полива после предупреждения о заморозках или жаре.",
      ["71"], ME,
      "71 percent of surveyed subscribers changed the timing of sowing or irrigation at least once after a frost or "
      "heat warning"),
    Q("narrative", "name", "What did the baseline farmer survey find about the area under climate-resilient practices?",
      "The 2024 baseline survey estimated 410 hectares, against 350 hectares in the results framework; on 3 April 2025 "
      "the Project Board decided to keep the original baseline until the mid-line survey.",
      ["410"], PR,
      "The 2024 baseline farmer survey estimated the area under climate-resilient practices at 410 hectares, against "
      "350 hectares in the results framework"),

    # ------------------------------------------------------------------ qa_report (10)
    Q("qa_report", "name", "What was the overall rating in the design QA?",
      "Satisfactory (decision: approve with qualifications).",
      ["Satisfactory"], QA, line(QA, "Overall project rating\tSatisfactory")),
    Q("qa_report", "name", "What decision came out of the design and appraisal QA?",
      "Approve with qualifications - the project is rated Satisfactory but question 10 was rated 1.",
      ["Approve with qualifications"], QA, line(QA, "Decision\t")),
    Q("qa_report", "name", "Who approved the design QA?",
      "The Deputy Resident Representative (the QA assessor was the Programme Analyst, Environment, Climate and "
      "Disaster Resilience).",
      ["Deputy Resident Representative"], QA, line(QA, "QA approver\t")),
    Q("qa_report", "telegraphic", "design QA assessment date",
      "21 November 2023 (the PAC met on 5 December 2023).",
      ["21 November 2023"], QA, line(QA, "Date of assessment")),
    Q("qa_report", "name", "What qualifications does the project have to address after the appraisal?",
      "Four: (1) verify the OI 3.2 baseline through the 2024 baseline survey and add a farm household income "
      "indicator (30 June 2024); (2) prepare and disclose ESMPs for the first lot of irrigation schemes before "
      "tendering (31 March 2024); (3) add a budget line for the gender action plan in the first budget revision "
      "(first Board meeting); (4) develop a cost-recovery model for the SMS advisory service with RAS "
      "(31 December 2025).",
      ["ESMPs", "gender action plan"], QA, line(QA, "Prepare and disclose ESMPs")),
    Q("qa_report", "number", "What's the deadline for qualification 2 in the design QA?",
      "31 March 2024: qualification 2 (prepare and disclose ESMPs for the first lot of irrigation schemes before "
      "tendering) is the responsibility of the Irrigation Engineer.",
      ["31 March 2024"], QA, line(QA, "Prepare and disclose ESMPs")),
    Q("qa_report", "russian", "Что попросила делегация ЕС на заседании PAC?",
      "Делегация ЕС попросила отчитываться о ходе восстановления каналов (OI 2.1) каждые шесть месяцев.",
      ["OI 2.1"], QA,
      "The EU Delegation asked that progress on canal rehabilitation (OI 2.1) be reported every six months."),
    Q("qa_report", "number", "What did QA question 5 say about lessons learned?",
      "Question 5 was rated 2: lessons from RAS farmer field schools and UNDP climate risk management work were used, "
      "but no evidence from earlier agricultural insurance pilots in Central Asia supports the target of 4,000 "
      "insured farmers.",
      ["insurance"], QA, line(QA, "Have knowledge, good practices and past lessons")),
    Q("qa_report", "typo", "what does the QA say about the budjet estimates for civil works",
      "Question 15 (rated 2): civil works of USD 2,800,000 are costed from the 2022 canal inventory at about "
      "USD 20,000 per km; other lines come from previous UNDP projects; the 8 percent price contingency is not shown "
      "as a separate line.",
      ["20,000"], QA, line(QA, "Is the budget justified")),
    Q("qa_report", "conversation", "quick one - when did the approver actually sign off on the QA rating?",
      "On 8 December 2023 the QA approver confirmed the Satisfactory rating and the decision to approve with "
      "qualifications.",
      ["8 December 2023"], QA,
      "The QA approver confirmed the overall rating of Satisfactory and the decision to approve with qualifications "
      "on 8 December 2023."),

    # ------------------------------------------------------------------ multi_hop (10)
    Q("multi_hop", "name", "Does the 2025 budget for Output 2 in the semi-annual report match the work plan?",
      "No. The semi-annual report gives an annual 2025 budget of 1,230,000 for Output 2, while the multi-year work plan "
      "has 1 320 000 for Output 2 in 2025 - a difference of 90,000 (the digits look transposed). The report's 2025 "
      "total of 2,250,000 is correspondingly 90,000 below the work plan's 2 340 000.",
      ["1,230,000", "1 320 000"], PR, line(PR, "Output 2 – Irrigation infrastructure and WUAs\t"),
      sources=[PR, PD], table="delivery"),
    Q("multi_hop", "telegraphic", "2025 budget excl GMS: progress report vs work plan",
      "The semi-annual report shows 2,250,000 for 2025 (excluding GMS); the work plan's total programmable budget for "
      "2025 is 2 340 000. The 90,000 gap comes from Output 2 (1,230,000 in the report vs 1 320 000 in the work plan).",
      ["2,250,000", "2 340 000"], PR, line(PR, "Total (excluding GMS)"), sources=[PR, PD], table="delivery"),
    Q("multi_hop", "number", "How far was OI 2.1 from its Year 2 target at 30 June 2025?",
      "38 km rehabilitated against a Year 2 target of 60 km, i.e. 22 km still to do in the second half of 2025.",
      ["38", "60"], PR, line(PR, "OI 2.1\t"), table="progress_report"),
    Q("multi_hop", "name", "What is the combined grand total for 2024 and 2025 in the work plan?",
      "988 000 (2024) + 2 512 800 (2025) = USD 3 500 800 including GMS.",
      ["988 000", "2 512 800"], PD, line(PD, "Grand total\t"), table="work_plan"),
    Q("multi_hop", "name", "How many km of canals were added between the end of June 2025 and the end of 2025?",
      "26 km: 38 km at 30 June 2025 (semi-annual report) and 64 km at 31 December 2025 (mid-term evaluation).",
      ["38", "64"], PR, line(PR, "OI 2.1\t"), sources=[PR, ME]),
    Q("multi_hop", "russian", "Насколько доля женщин в советах АВП отставала от цели второго года на июнь 2025?",
      "На 30 июня 2025 — 11% при цели Year 2 в 15%, то есть отставание на 4 процентных пункта (статус Behind schedule).",
      ["11%", "15%"], PR, line(PR, "OI 2.4\t"), table="progress_report"),
    Q("multi_hop", "name", "The QA says civil works are costed at about USD 20,000 per km - is that consistent with the "
                           "project document?",
      "Yes: Activity 2.2 budgets 2 800 000 for 140 km of canals, which is USD 20,000 per km.",
      ["2 800 000", "140"], PD, line(PD, "2.2 Rehabilitation of 140 km"), sources=[PD, QA], table="work_plan"),
    Q("multi_hop", "name", "How did the number of matching grants awarded by the end of 2025 compare with the Year 2 "
                           "target?",
      "37 agribusinesses received grants by end-2025 against a Year 2 target of 40 - three short.",
      ["37", "40"], ME, "Matching grants were awarded to 37 agribusinesses between September and November 2025",
      sources=[ME, PD]),
    Q("multi_hop", "typo", "whats the total monitoring and evalution budget and how is it split",
      "USD 180,000 (Activity PM.2): 45,000 for monitoring activities, 105,000 for the two evaluations (mid-term "
      "45,000 and final 60,000) and 30,000 for audits.",
      ["180,000", "105,000"], PD,
      "Monitoring, evaluation and audit costs of USD 180,000 (Activity PM.2 of the work plan) comprise USD 45,000 for "
      "the monitoring activities above, USD 105,000 for the two evaluations below and USD 30,000 for audits."),
    Q("multi_hop", "telegraphic", "new stations installed by june 2025 vs planned",
      "13 of the 26 planned new stations (half) had been installed by 30 June 2025, giving 27 stations transmitting "
      "data.",
      ["13", "26"], PR, "27 agro-meteorological stations were transmitting data (13 of them installed by the project)",
      sources=[PR, PD]),

    # ------------------------------------------------------------------ followup (8)
    Q("followup", "conversation", "and how much had actually been done by end of June 2025?",
      "38 km of canals had been rehabilitated by 30 June 2025 (15 km in 2024 and 23 km in April-June 2025).",
      ["38"], PR, line(PR, "OI 2.1\t"), history=["What is the Year 2 target for canals rehabilitated?"],
      table="progress_report"),
    Q("followup", "conversation", "what about 2026 alone?",
      "USD 150 000 for the farmer field schools (Activity 3.1) in 2026.",
      ["150 000"], PD, line(PD, "3.1 Farmer field schools"),
      history=["Who funds the farmer field schools?", "How much is budgeted for them in total?"], table="work_plan"),
    Q("followup", "conversation", "which questions fall under it and what did each get?",
      "Questions 7 (human rights-based approach), 8 (gender analysis) and 9 (social and environmental risks/SESP), "
      "each rated 2.",
      ["human rights"], QA, line(QA, "Does the project apply a human rights-based approach?"),
      history=["What rating did the design QA give the Principled criterion?"], table="qa_ratings"),
    Q("followup", "conversation", "how many had received one by the end of 2025?",
      "37 agribusinesses received matching grants between September and November 2025.",
      ["37"], ME, "Matching grants were awarded to 37 agribusinesses between September and November 2025",
      history=["Tell me about the matching grants for agribusinesses."]),
    Q("followup", "conversation", "Who chairs the Project Board?",
      "It is co-chaired by the Deputy Minister of Water Resources, Agriculture and Processing Industry and the UNDP "
      "Resident Representative. (A complete new question, not about SDC.)",
      ["Deputy Minister", "Resident Representative"], PD,
      "It is co-chaired by the Deputy Minister of Water Resources, Agriculture and Processing Industry and the UNDP "
      "Resident Representative",
      history=["What is the total budget of Jer-Suu?", "And how much of it comes from SDC?"], table="board"),
    Q("followup", "conversation", "and what did management say?",
      "Not accepted: the EU Contribution Agreement ends on 31 December 2027 and cannot be extended, so the remaining "
      "works will be completed within the current end date.",
      ["Not accepted", "31 December 2027"], ME, line(ME, "Extend the project by 12 months"),
      history=["What did the mid-term evaluation recommend about extending the project?"]),
    Q("followup", "russian", "А сколько из этого приходится на 2025 год?",
      "На 2025 год по Output 1 запланировано USD 335 000 (из общих 800 000).",
      ["335 000"], PD, line(PD, "Output 1 subtotal"), history=["Какой бюджет у Output 1 на весь проект?"],
      table="work_plan"),
    Q("followup", "conversation", "who owns that risk?",
      "The Water Resources Service owns risk 6 (mudflows, floods or severe drought).",
      ["Water Resources Service"], PD, line(PD, "Mudflows, floods or severe drought"),
      history=["Which risk in the risk log has an impact of 5?", "What mitigation is planned for it?"],
      table="risk_log"),

    # ------------------------------------------------------------------ overview (8)
    Q("overview", "name", "What is the Jer-Suu project about?",
      "A UNDP Kyrgyzstan project (2024-2027) on climate-resilient agriculture and irrigation for smallholder farmers "
      "in Naryn, Talas and Jalal-Abad oblasts: climate information and agro-advisories, rehabilitation of irrigation "
      "canals with water user associations, and support for farmers - especially women and youth - to adopt "
      "climate-resilient practices and access finance, insurance and markets.",
      ["irrigation"], PD, "Jer-Suu – Climate-Resilient Agriculture and Irrigation for Smallholder Farmers in Naryn, "
                          "Talas and Jalal-Abad Oblasts"),
    Q("overview", "name", "Who funds the project?",
      "The European Union (USD 5,400,000), the Swiss Agency for Development and Cooperation (SDC, USD 1,080,000), both "
      "including 8% GMS, and UNDP TRAC (USD 710,000); the Government adds a parallel in-kind contribution of "
      "USD 350,000 outside the total.",
      ["European Union", "Swiss"], PD, line(PD, "European Union (Contribution Agreement")),
    Q("overview", "name", "How long does the project run?",
      "Four years, from 1 January 2024 to 31 December 2027.",
      ["1 January 2024", "31 December 2027"], PD, "Start date: 1 January 2024"),
    Q("overview", "telegraphic", "implementing partner",
      "UNDP, under the Direct Implementation Modality (DIM); MWRAPI is the national counterpart.",
      ["UNDP", "Direct Implementation"], PD,
      "Implementing partner: United Nations Development Programme (UNDP), Direct Implementation Modality (DIM)"),
    Q("overview", "name", "What are the project's outputs?",
      "Output 1: Climate information and agro-advisory services for farmers strengthened; Output 2: Irrigation "
      "infrastructure rehabilitated and managed by water user associations; Output 3: Smallholder farmers, especially "
      "women and youth, adopt climate-resilient practices and access finance and markets (plus project management "
      "and M&E).",
      ["Climate information", "Irrigation infrastructure", "climate-resilient practices"], PD,
      "Output 1 – Climate information and agro-advisory services for farmers strengthened."),
    Q("overview", "russian", "Какой общий бюджет проекта?",
      "Общий бюджет — USD 7,190,000 (EU 5,400,000, SDC 1,080,000, UNDP TRAC 710,000); плюс параллельный вклад "
      "правительства в натуральной форме 350,000 вне этой суммы.",
      ["7,190,000"], PD, "Total resources required: USD 7,190,000"),
    Q("overview", "name", "Who sits on the Project Board?",
      "UNDP Resident Representative (Executive and Co-chair), the MWRAPI Deputy Minister (Co-chair), the EU Delegation "
      "and SDC (Senior Suppliers), Kyrgyzhydromet, the Water Resources Service, the three oblast administrations, the "
      "Union of Water User Associations and a women farmers' representative (Senior Beneficiaries); the UNDP "
      "Programme Analyst provides Project Assurance and the Project Manager is non-voting secretary.",
      ["European Union", "Kyrgyzhydromet"], PD, line(PD, "Senior Supplier\tDelegation of the European Union"),
      table="board"),
    Q("overview", "typo", "wich oblasts does the projct cover",
      "Three oblasts - Naryn, Talas and Jalal-Abad - with nine target districts.",
      ["Naryn", "Talas", "Jalal-Abad"], PD,
      "The project works in nine districts: At-Bashy, Kochkor and Jumgal (Naryn Oblast); Talas, Bakai-Ata and "
      "Kara-Buura (Talas Oblast); and Aksy, Ala-Buka and Toktogul (Jalal-Abad Oblast)."),

    # ------------------------------------------------------------------ unanswerable (5)
    Q("unanswerable", "name", "What is the name of the Project Manager?",
      "The documents give the position (Project Manager, Board Secretary) but not the person's name.",
      [], PD, line(PD, "Board Secretary (non-voting)")),
    Q("unanswerable", "telegraphic", "exchange rate KGS used in budget",
      "The documents do not state any exchange rate; all amounts are in US dollars.",
      [], PD, "Amounts in US dollars."),
    Q("unanswerable", "name", "How much did the project spend in 2026?",
      "Not available: the latest reports cover expenditure up to 31 December 2025 (mid-term evaluation); only the "
      "2026 plan (2 384 200 including GMS) is known.",
      [], ME, "The project spent USD 3,064,400 of the USD 3,260,000 planned for 2024 and 2025."),
    Q("unanswerable", "russian", "Сколько стоит капельное орошение на один гектар?",
      "В документах нет стоимости капельного орошения на гектар; указан только бюджет демонстрационных участков "
      "(Activity 2.3, 300 000) и доля софинансирования фермеров (не менее 30 процентов).",
      [], PD, line(PD, "2.3 Drip and sprinkler")),
    Q("unanswerable", "name", "What rating did the final evaluation give the project?",
      "The final evaluation is only planned for October 2027; no final evaluation rating is available in the "
      "documents.",
      [], PD, line(PD, "Final evaluation\t")),

    # ------------------------------------------------------------------ false_premise (5)
    Q("false_premise", "name", "Why is MWRAPI the implementing partner of Jer-Suu?",
      "It is not: UNDP is the implementing partner under the Direct Implementation Modality; MWRAPI is the national "
      "counterpart and co-chairs the Project Board.",
      ["UNDP"], PD,
      "Implementing partner: United Nations Development Programme (UNDP), Direct Implementation Modality (DIM)"),
    Q("false_premise", "name", "How much is the Government of Finland contributing to the project?",
      "Finland is not a contributor. The funders are the European Union (5,400,000), SDC (1,080,000) and UNDP TRAC "
      "(710,000), with a parallel in-kind Government contribution of 350,000.",
      ["European Union"], PD, line(PD, "European Union (Contribution Agreement")),
    Q("false_premise", "typo", "why did the desing QA rate the project as inadequate",
      "It did not: the design QA's overall rating is Satisfactory, with the decision to approve with qualifications.",
      ["Satisfactory"], QA, line(QA, "Overall project rating\tSatisfactory")),
    Q("false_premise", "russian", "Сколько из 200 км каналов было восстановлено к июню 2025 года?",
      "Проект не предусматривает 200 км: целевой показатель — 140 км; к 30 июня 2025 года восстановлено 38 км.",
      ["140", "38"], PR, line(PR, "OI 2.1\t"), sources=[PR, PD]),
    Q("false_premise", "name", "The no-cost extension to 2028 was accepted after the MTE, so what's the new end date?",
      "The extension was not accepted: the EU Contribution Agreement ends on 31 December 2027 and cannot be extended, "
      "so the project still ends on 31 December 2027.",
      ["31 December 2027"], ME, line(ME, "Extend the project by 12 months")),
]

# evidence_2 spans for cross-document items (second source), keyed by question text
EVIDENCE_2 = {
    "Does the 2025 budget for Output 2 in the semi-annual report match the work plan?": line(PD, "Output 2 subtotal"),
    "2025 budget excl GMS: progress report vs work plan": line(PD, "Total programmable budget (excluding GMS)"),
    "How many km of canals were added between the end of June 2025 and the end of 2025?":
        "64 km of canals rehabilitated serving 4,100 hectares",
    "The QA says civil works are costed at about USD 20,000 per km - is that consistent with the project document?":
        line(QA, "Is the budget justified"),
    "How did the number of matching grants awarded by the end of 2025 compare with the Year 2 target?":
        line(PD, "OI 3.3 Number of agribusinesses"),
    "new stations installed by june 2025 vs planned":
        "Kyrgyzhydromet will install and operate 26 new automated agro-meteorological stations",
    "Сколько из 200 км каналов было восстановлено к июню 2025 года?": line(PD, "OI 2.1 Length of"),
}


def main():
    items = []
    for it in ITEMS:
        it = dict(it)
        if it.get("sources"):
            it["evidence"] = [it["evidence"], EVIDENCE_2[it["question"]]]
        items.append(it)
    out = os.path.join(HERE, "project3_questions.jsonl")
    rows = qlib.build(items, DOCS, "p3", out)
    qlib.validate(out, DOCS)
    s = qlib.summary(rows)
    from collections import Counter
    s["table"] = dict(sorted(Counter(r.get("table") for r in rows if r.get("table")).items()))
    s["refuse"] = sum(r["refuse"] for r in rows)
    s["with_history"] = sum(bool(r["history"]) for r in rows)
    s["cross_document"] = sum(bool(r.get("sources")) for r in rows)
    print(json.dumps(s, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
