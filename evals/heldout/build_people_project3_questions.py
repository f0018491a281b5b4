#!/usr/bin/env python3
"""Gold questions over project 3 (fictional UNDP Kyrgyzstan project "Jer-Suu") in people's own words (ids q3-NNN).

Written blind from the four project-3 documents only (evals/heldout/project3/txt/), this folder's README.md and
qlib.py; the file layout (DOCS, line(), Q(), qlib.build) follows build_project3_questions.py, whose questions were
not reused. Questions are asked the way staff ask: mostly by name, some telegraphic, with typos, conversational,
in Russian, as follow-ups, multi-hop, unanswerable and with false premises. Every must_contain and evidence string
is checked verbatim by qlib.build.

Usage (from the repo root):  python3 evals/heldout/build_people_project3_questions.py
Writes evals/heldout/people_project3_questions.jsonl and prints a summary.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import qlib  # noqa: E402

# the documents and the evidence-line helper are the project3 builder's own
from build_project3_questions import DOCS, ME, PD, PR, QA, line  # noqa: E402


def block(doc, first, last):
    """Consecutive full lines of `doc` from the line containing `first` to the line containing `last`."""
    lines = DOCS[doc].split("\n")
    i = [n for n, ln in enumerate(lines) if first in ln]
    j = [n for n, ln in enumerate(lines) if last in ln]
    if len(i) != 1 or len(j) != 1 or j[0] < i[0]:
        raise SystemExit(f"block({doc!r}, {first!r}, {last!r}): bad anchors")
    return "\n".join(lines[i[0]:j[0] + 1])


def Q(type_, phrasing, question, answer, must_contain, source, evidence, table=None, history=None, sources=None,
      refuse=None, split=None):
    it = dict(type=type_, phrasing=phrasing, question=question, answer=answer, must_contain=must_contain,
              source=source, evidence=evidence, history=history or [])
    if table:
        it["table"] = table
    if sources:
        it["sources"] = sources
    if split:
        it["split"] = split
    if refuse is not None:
        it["refuse"] = refuse
    elif type_ in ("unanswerable", "false_premise"):
        it["refuse"] = True
    return it


ITEMS = [
    # ------------------------------------------------------------------ table_rf (9)
    Q("table_rf", "name", "How many hectares should be under climate-resilient practices by year 3?",
      "The Year 3 target for the area under climate-resilient practices (drought-tolerant varieties, conservation "
      "agriculture, drip irrigation) is 4,800 ha, rising to 6,000 ha in Year 4, from a baseline of 350 ha (2023).",
      ["4,800"], PD, line(PD, "OI 3.2 Area under climate-resilient"), table="results_framework"),
    Q("table_rf", "telegraphic", "irrigated ha target yr 3",
      "8,000 hectares of farmland with improved irrigation water supply by Year 3 (9,600 ha by Year 4).",
      ["8,000"], PD, line(PD, "OI 2.2 Area of farmland"), table="results_framework"),
    Q("table_rf", "typo", "how many hecatres got improved irigation water by end of june 2025?",
      "By 30 June 2025, 2,950 ha had improved irrigation water supply, against a Year 2 target of 4,500 ha; the "
      "progress report rates this On track.",
      ["2,950"], PR, line(PR, "OI 2.2\t"), table="progress_report"),
    Q("table_rf", "russian",
      "Сколько ассоциаций водопользователей должны иметь утверждённый план водопользования и тариф к третьему году?",
      "Цель третьего года (Year 3) — 30 АВП с утверждённым планом водопользования и тарифом; к концу проекта (Year 4) — "
      "36, при базовом значении 6 (2023).",
      ["30"], PD, line(PD, "OI 2.3 Number of water user associations"), table="results_framework"),
    Q("table_rf", "name", "What are we doing about the risk that cement and steel get more expensive, and who owns it?",
      "Risk 2 (prices of cement, steel and fuel rise above the budget estimates; P 3 x I 4 = 12) is mitigated by a "
      "price contingency of 8 percent within Activity 2.2, fixed-price contracts and prioritising schemes by cost per "
      "hectare. The risk owner is the UNDP Operations Manager.",
      ["Price contingency of 8 percent", "UNDP Operations Manager"], PD, line(PD, "Prices of cement, steel and fuel"),
      table="risk_log"),
    Q("table_rf", "name", "Which risk in the risk log has the lowest score?",
      "Risk 8, poor mobile coverage and power supply interrupting station data and SMS delivery: probability 2, "
      "impact 3, score 6 (owner Kyrgyzhydromet).",
      ["Poor mobile coverage", "6"], PD, line(PD, "Poor mobile coverage and power supply"), table="risk_log"),
    Q("table_rf", "number", "OI 2.3 status at 30 June 2025?",
      "17 WUAs had an approved water management plan and tariff at 30 June 2025, against a Year 2 target of 20 "
      "(baseline 6); status On track.",
      ["17", "On track"], PR, line(PR, "OI 2.3\t"), table="progress_report"),
    Q("table_rf", "name", "How often are the civil works checked in the field, and who does it?",
      "Field verification of civil works is done monthly from April to October by the Irrigation Engineer and the "
      "oblast coordinators with the Water Resources Service (USD 10,000), before acceptance certificates are signed.",
      ["Monthly from April to October"], PD, line(PD, "Field verification of civil works"), table="monitoring_plan"),
    Q("table_rf", "telegraphic", "improved irrigation ha Naryn",
      "Naryn Oblast (At-Bashy, Kochkor, Jumgal): 2,100 ha with improved irrigation (out of 9,600 ha in total).",
      ["2,100"], PD, line(PD, "Naryn\tAt-Bashy, Kochkor, Jumgal"), table="target_areas"),
    # ------------------------------------------------------------------ table_budget (7)
    Q("table_budget", "name", "How much is planned for the drip and sprinkler demonstration plots, and which donor pays?",
      "Activity 2.3 (drip and sprinkler irrigation demonstration plots cost-shared with farmers, implemented by RAS) "
      "has USD 300 000 in total, funded by SDC (30 000 in 2024, 90 000 in 2025, 110 000 in 2026, 70 000 in 2027).",
      ["300 000", "SDC"], PD, line(PD, "2.3 Drip and sprinkler"), table="work_plan"),
    Q("table_budget", "telegraphic", "weather stations activity budget 2025",
      "Activity 1.1 (install and commission 26 automated agro-meteorological stations): USD 220 000 in 2025, EU-funded "
      "(480 000 in total).",
      ["220 000"], PD, line(PD, "1.1 Install and commission"), table="work_plan"),
    Q("table_budget", "typo", "how much is the WUA capcity building budgetd overall",
      "Activity 2.4, WUA capacity development (water management plans, tariffs, women's participation in councils), "
      "is budgeted at USD 250 000 over 2024-2027, funded by SDC and implemented by UWUA / UNDP.",
      ["250 000"], PD, line(PD, "2.4 WUA capacity development"), table="work_plan"),
    Q("table_budget", "russian", "Сколько заложено на прямые проектные расходы в 2026 году?",
      "На прямые проектные расходы (PM.3 Direct project costs, UNDP TRAC) в 2026 году заложено 25 000 долларов; "
      "всего за проект — 90 000.",
      ["25 000"], PD, line(PD, "PM.3 Direct project costs"), table="work_plan"),
    Q("table_budget", "name", "What's the total programmable budget for 2026 before GMS?",
      "The total programmable budget (excluding GMS) for 2026 is USD 2 225 000; with GMS of 159 200 the 2026 grand "
      "total is 2 384 200.",
      ["2 225 000"], PD, line(PD, "Total programmable budget (excluding GMS)"), table="work_plan"),
    Q("table_budget", "name", "How much did the climate information output spend in the first half of 2025?",
      "Output 1 (climate information and agro-advisory services) spent USD 184,250 from 1 January to 30 June 2025, "
      "55.0% of its annual 2025 budget of 335,000.",
      ["184,250"], PR, line(PR, "Output 1 – Climate information and agro-advisory services\t"), table="delivery"),
    Q("table_budget", "number", "Activity 3.3 budget for 2026?",
      "Activity 3.3 (index-based crop and livestock insurance pilot with partner insurers, UNDP TRAC) has USD 90 000 "
      "for 2026 (220 000 in total).",
      ["90 000"], PD, line(PD, "3.3 Index-based crop and livestock"), table="work_plan"),
    # ------------------------------------------------------------------ table_qa (5)
    Q("table_qa", "name", "Which criteria got Highly Satisfactory in the design QA?",
      "Three criteria were rated Highly Satisfactory: Strategic (questions 1-3: 3, 3, 2), Relevant (4-6: 3, 2, 3) and "
      "Effective (17-19: 3, 3, 2).",
      ["Strategic", "Relevant", "Effective"], QA, block(QA, "Strategic\t1-3", "Effective\t17-19"), table="qa_ratings"),
    Q("table_qa", "telegraphic", "QA q19 rating - work plan realistic?",
      "Question 19 (are the work plan and budget realistic and properly sequenced?) was rated 2: designs come before "
      "civil works, but USD 1,100,000 of civil works in 2025, the first full construction season, is ambitious given "
      "risk 1.",
      ["2", "1,100,000"], QA, line(QA, "Are the work plan and budget realistic"), table="qa_ratings"),
    Q("table_qa", "typo", "what did the desgin QA give for the gender anaylsis question",
      "Question 8 (gender analysis, addressing gender inequalities) was rated 2: a gender analysis was completed in "
      "September 2023 and gender targets are set, but the gender action plan has no dedicated budget line in the "
      "multi-year work plan.",
      ["2", "no dedicated budget line"], QA, line(QA, "Is the design based on a gender analysis"), table="qa_ratings"),
    Q("table_qa", "russian", "Какую оценку получил критерий Efficiency в среднесрочной оценке и почему?",
      "Efficiency — «5 – Satisfactory»: израсходовано 94.0 percent бюджета 2024–2025 годов, а средняя стоимость "
      "реабилитации USD 18,700 за км ниже проектной оценки USD 20,000 за км.",
      ["5 – Satisfactory", "18,700"], ME, line(ME, "Efficiency\t5"), table="mte_ratings"),
    Q("table_qa", "name", "How did the mid-term evaluation rate gender equality and human rights?",
      "4 – Moderately satisfactory: women are 42 percent of farmer field school graduates but only 13 percent of WUA "
      "council members.",
      ["4 – Moderately satisfactory", "13 percent"], ME, line(ME, "Gender equality and human rights\t4"),
      table="mte_ratings"),
    # ------------------------------------------------------------------ narrative (7)
    Q("narrative", "name", "How badly did the recent droughts hit wheat and potato yields?",
      "The droughts of 2021 and 2023 reduced wheat and potato yields by up to 40 percent in the most affected aiyl "
      "aimaks.",
      ["40 percent"], PD,
      "the droughts of 2021 and 2023 reduced wheat and potato yields by up to 40 percent in the most affected aiyl "
      "aimaks"),
    Q("narrative", "name", "What share of irrigation service fees were the WUAs collecting before the project?",
      "The 48 WUAs in the nine target districts collected on average only 55 percent of irrigation service fees "
      "(the progress report later notes a rise from 55 to 68 percent in the 17 WUAs with approved plans).",
      ["55 percent"], PD,
      "The 48 water user associations in the nine target districts collect on average only 55 percent of irrigation "
      "service fees"),
    Q("narrative", "typo", "how much have temps gone up in the projet area since the 60s",
      "Mean annual temperature in the project area has risen by about 1.2 degrees Celsius since the 1960s.",
      ["1.2 degrees Celsius"], PD,
      "Mean annual temperature in the project area has risen by about 1.2 degrees Celsius since the 1960s"),
    Q("narrative", "russian", "Почему в 2025 году стройработы в Нарынской области начались позже?",
      "Из-за позднего снеготаяния (Late snowmelt) в Ат-Башы и Кочкоре начало работ в Нарынской области сдвинулось с "
      "апреля на late May 2025.",
      ["Late snowmelt", "late May 2025"], PR,
      "Late snowmelt in At-Bashy and Kochkor moved the start of civil works in Naryn Oblast from April to late May 2025."),
    Q("narrative", "name", "Which countries are the South-South exchanges planned with?",
      "Exchanges with water user associations and extension services in Uzbekistan and Tajikistan, drawing also on "
      "Turkey's experience with drip irrigation for smallholders.",
      ["Uzbekistan", "Tajikistan"], PD,
      "The project will organize exchanges with water user associations and extension services in Uzbekistan and "
      "Tajikistan, and will draw on the experience of Turkey with drip irrigation for smallholders."),
    Q("narrative", "conversation",
      "I'm putting together a short gender brief - did the progress report find anything about women preferring voice "
      "messages over SMS?",
      "Yes: many farmers prefer voice messages to SMS text, and 38 percent of women subscribers chose voice messages "
      "(lessons learned, H1 2025).",
      ["38 percent"], PR, "38 percent of women subscribers chose voice messages"),
    Q("narrative", "name", "Did the advisories actually change what farmers do, according to the MTE?",
      "Yes. Finding 1: 71 percent of surveyed subscribers changed the timing of sowing or irrigation at least once "
      "after a frost or heat warning.",
      ["71 percent"], ME,
      "71 percent of surveyed subscribers changed the timing of sowing or irrigation at least once after a frost or "
      "heat warning"),
    # ------------------------------------------------------------------ qa_report (5)
    Q("qa_report", "name", "Who carried out the design QA assessment?",
      "The QA assessor was the Programme Analyst, Environment, Climate and Disaster Resilience (the approver was the "
      "Deputy Resident Representative).",
      ["Programme Analyst, Environment, Climate and Disaster Resilience"], QA,
      "QA assessor\tProgramme Analyst, Environment, Climate and Disaster Resilience"),
    Q("qa_report", "number", "What is qualification 4 of the design QA and by when?",
      "Qualification 4: develop a cost-recovery model for the SMS advisory service with RAS; responsible RAS and the "
      "Project Manager; deadline 31 December 2025.",
      ["cost-recovery model", "31 December 2025"], QA, line(QA, "Develop a cost-recovery model for the SMS")),
    Q("qa_report", "telegraphic", "SDC request at PAC",
      "SDC asked that the gender action plan be costed before the first Project Board meeting.",
      ["gender action plan be costed"], QA,
      "SDC asked that the gender action plan be costed before the first Project Board meeting."),
    Q("qa_report", "russian", "При каком условии проект по шкале QA утверждается с оговорками?",
      "Проект с общей оценкой Satisfactory или выше, у которого хотя бы один вопрос оценён на 1 (any question rated 1), "
      "утверждается с оговорками (approved with qualifications); при Needs Improvement или Inadequate его утвердить "
      "нельзя.",
      ["any question rated 1"], QA,
      "a project rated Satisfactory or better with any question rated 1 is approved with qualifications"),
    Q("qa_report", "conversation",
      "someone told me the QA flagged missing ToR for the irrigation working group - which question was that?",
      "Question 11 (Is the governance mechanism clearly defined, including the composition of the Project Board?), "
      "rated 2: the Board composition is specified, but the terms of reference of the Technical Working Group for "
      "irrigation are not attached.",
      ["Is the governance mechanism clearly defined"], QA, line(QA, "Is the governance mechanism clearly defined")),
    # ------------------------------------------------------------------ overview (4)
    Q("overview", "name", "Which SDGs does Jer-Suu contribute to?",
      "SDG 2 (zero hunger), SDG 5 (gender equality), SDG 6 (clean water and sanitation) and SDG 13 (climate action).",
      ["SDG 2", "SDG 6", "SDG 13"], PD,
      "The project contributes to SDG 2 (zero hunger), SDG 5 (gender equality), SDG 6 (clean water and sanitation) "
      "and SDG 13 (climate action)"),
    Q("overview", "telegraphic", "quantum project number jer-suu",
      "01004517.",
      ["01004517"], PD, "Project number: 01004517"),
    Q("overview", "typo", "what does jer suu acutally mean",
      "\"Jer-Suu\" means \"land and water\" in Kyrgyz.",
      ["land and water"], PD, "The Jer-Suu project (\"land and water\" in Kyrgyz)"),
    Q("overview", "russian", "Какие ответственные партнёры (responsible parties) указаны в проектном документе?",
      "Кыргызгидромет (Kyrgyzhydromet), Служба водных ресурсов МВРСХПП (Water Resources Service of MWRAPI), Служба "
      "агроконсультирования (Rural Advisory Service, RAS) и Союз АВП Кыргызстана (UWUA).",
      ["Kyrgyzhydromet", "Rural Advisory Service", "UWUA"], PD, line(PD, "Responsible parties:")),
    # ------------------------------------------------------------------ multi_hop (8)
    Q("multi_hop", "name",
      "How many of the 26 planned new weather stations had been installed by the end of 2025, and how many are left?",
      "The network grew from 14 stations to 33 stations transmitting data by 31 December 2025 (MTE), so 19 of the 26 "
      "planned new stations were installed and 7 remain to reach 40.",
      ["33 stations", "26"], ME,
      ["By 31 December 2025 the project had 33 stations transmitting data",
       "Kyrgyzhydromet will install and operate 26 new automated agro-meteorological stations, bringing the network in "
       "the three oblasts from 14 to 40 stations."],
      sources=[ME, PD]),
    Q("multi_hop", "telegraphic", "2025 spend = MTE 2024-25 total minus 2024",
      "The MTE reports USD 3,064,400 spent in 2024 and 2025; the progress report gives USD 861,300 spent in 2024. "
      "2025 expenditure is therefore 3,064,400 - 861,300 = USD 2,203,100.",
      ["3,064,400", "861,300"], ME,
      ["The project spent USD 3,064,400 of the USD 3,260,000 planned for 2024 and 2025.",
       "In 2024 the project spent USD 861,300 of its budget of USD 920,000 (93.6 percent)."],
      sources=[ME, PR]),
    Q("multi_hop", "russian", "На сколько км каналов в Джалал-Абадской области больше, чем в Нарынской?",
      "По Annex 2 в Джалал-Абадской области планируется восстановить 60 км, в Нарынской — 35 км; разница 25 км.",
      ["60", "35"], PD,
      block(PD, "Naryn\tAt-Bashy, Kochkor, Jumgal", "Jalal-Abad\tAksy, Ala-Buka, Toktogul"), table="target_areas"),
    Q("multi_hop", "name", "Did we hit the Year 2 target for farmers trained in field schools?",
      "Yes. The Year 2 target was 5,000 farmers; by 31 December 2025 the MTE counts 5,650 trained (42 percent women), "
      "650 above target.",
      ["5,000", "5,650"], PD,
      [line(PD, "OI 3.1 Number of smallholder farmers"),
       "5,650 farmers trained in farmer field schools (42 percent women)"],
      sources=[PD, ME], table="results_framework"),
    Q("multi_hop", "typo", "how much SDC money goes to activites before gms? add it up",
      "SDC funds Activity 2.3 (300 000), Activity 2.4 (250 000) and Activity 3.1 (450 000): USD 1 000 000 before GMS; "
      "with 8% GMS this gives SDC's 1,080,000.",
      ["300 000", "250 000", "450 000"], PD,
      block(PD, "2.3 Drip and sprinkler", "3.1 Farmer field schools on climate-resilient"), table="work_plan"),
    Q("multi_hop", "number", "OI 2.2: how many ha short of the Year 2 target at end-2025?",
      "The Year 2 target for OI 2.2 is 4,500 ha; by 31 December 2025 4,100 ha were served, so the project was 400 ha "
      "short (several tertiary canals in Talas not yet connected).",
      ["4,500", "4,100"], PD,
      [line(PD, "OI 2.2 Area of farmland"),
       "the irrigated area lags (4,100 hectares against 4,500)"],
      sources=[PD, ME], table="results_framework"),
    Q("multi_hop", "conversation",
      "the report says Output 2 spent 37% in H1 2025, but if you use the 2025 figure from the work plan instead, "
      "what's the real rate?",
      "Output 2 spent USD 455,100 in January-June 2025. The progress report divides by 1,230,000, but the work plan "
      "gives 1 320 000 for Output 2 in 2025, so delivery is about 34.5%, not 37.0%.",
      ["455,100", "1 320 000"], PR,
      [line(PR, "Output 2 – Irrigation infrastructure and WUAs\t"), line(PD, "Output 2 subtotal")],
      sources=[PR, PD], table="delivery"),
    Q("multi_hop", "name",
      "After the grants awarded in autumn 2025, how many more agribusinesses need a grant to meet the Year 3 target?",
      "The Year 3 target for agribusinesses led by women or youth with matching grants is 90; 37 agribusinesses had "
      "been awarded grants by November 2025, so 53 more are needed (120 by Year 4).",
      ["90", "37 agribusinesses"], PD,
      [line(PD, "OI 3.3 Number of agribusinesses"),
       "Matching grants were awarded to 37 agribusinesses between September and November 2025"],
      sources=[PD, ME], table="results_framework"),
    # ------------------------------------------------------------------ followup (8)
    Q("followup", "conversation", "and for Talas specifically?",
      "Talas Oblast (Talas, Bakai-Ata, Kara-Buura) should have 12 WUAs with approved plans by Year 4 (of 36 in total).",
      ["12"], PD, line(PD, "Talas\tTalas, Bakai-Ata, Kara-Buura"), table="target_areas",
      history=["What's the end target for WUAs with approved water management plans?"]),
    Q("followup", "conversation", "was that accepted?",
      "Yes. Management accepted recommendation 1 (replace the 4,000-farmer OI 3.4 target with a weather-index pilot "
      "for 1,500 farmers); the revised results framework is to be approved at the Project Board meeting of April 2026.",
      ["Accepted", "April 2026"], ME, line(ME, "Replace the OI 3.4 target"), table="mte_ratings",
      history=["What did the MTE recommend about the insurance pilot?"]),
    Q("followup", "telegraphic", "2024?",
      "PM.1 (Project Management Unit, EU-funded) has USD 140 000 in 2024.",
      ["140 000"], PD, line(PD, "PM.1 Project Management Unit"), table="work_plan",
      history=["how much is the PMU budget overall", "who funds it"]),
    Q("followup", "conversation", "ok and what's the plan to manage it?",
      "For risk 1 (short construction season in high-altitude districts, score 16): complete designs and tenders by "
      "February each year, split works into lots and start works at lower elevations first.",
      ["Complete designs and tenders by February each year"], PD, line(PD, "The construction season in the high-altitude"),
      table="risk_log", history=["Which risk in the log has the highest score?"]),
    Q("followup", "russian", "А к концу 2025 года?",
      "К 31 декабря 2025 года агроконсультации получали 16,800 фермеров (по данным среднесрочной оценки).",
      ["16,800"], ME, "16,800 farmers receiving advisories",
      history=["Сколько фермеров получали агроконсультации по SMS на июнь 2025?"]),
    Q("followup", "name", "When was the SBAA between the Kyrgyz Republic and UNDP signed?",
      "The Standard Basic Assistance Agreement between the Government of the Kyrgyz Republic and UNDP was signed on "
      "14 January 1993. (A complete new question: it must not be read as a follow-up of the canal turns.)",
      ["14 January 1993"], PD, "signed on 14 January 1993",
      history=["What's the Year 2 target for canals?", "And how many km were done by June 2025?"]),
    Q("followup", "conversation", "why that rating?",
      "Sustainability was rated 3 – Moderately likely: Kyrgyzhydromet has included station operation in its 2027 "
      "budget request and WUA fee collection is rising, but the advisory service still has no cost-recovery model.",
      ["cost-recovery model"], ME, line(ME, "Sustainability\t3"), table="mte_ratings",
      history=["What rating did the MTE give sustainability?"]),
    Q("followup", "conversation", "and how much of it is planned for 2026?",
      "Activity 3.2 (matching grants, EU, 700 000 in total) has USD 300 000 planned for 2026.",
      ["300 000"], PD, line(PD, "3.2 Matching grants for 120"), table="work_plan",
      history=["What's the total budget for the grants to agribusinesses?", "how many businesses is that for?",
               "what's the grant size range?"]),
    # ------------------------------------------------------------------ unanswerable (4)
    Q("unanswerable", "name", "By how many tonnes per hectare is the project supposed to raise yields?",
      "The documents set no yield target; the farmer outcome survey measures yields and income, but no figure is "
      "given as a target.",
      [], PD, "Measures adoption of practices, yields and income of participating farmers, disaggregated by sex and age."),
    Q("unanswerable", "telegraphic", "audit firm name",
      "Not stated: the documents only budget USD 30,000 for audits within PM.2 and do not name an audit firm.",
      [], PD, "USD 30,000 for audits"),
    Q("unanswerable", "russian", "Какой размер страховой премии на одного фермера в пилоте?",
      "В документах это не указано: в плане работ есть только статья «premium subsidies» по Activity 3.3, без суммы "
      "премии на фермера.",
      [], PD, line(PD, "3.3 Index-based crop and livestock")),
    Q("unanswerable", "typo", "whats the montly salary of the irrigation enginer",
      "Not in the documents: the Irrigation Engineer is part of the PMU paid under PM.1 (590 000 in total for the "
      "whole unit), but no individual salary is given.",
      [], PD, line(PD, "PM.1 Project Management Unit")),
    # ------------------------------------------------------------------ false_premise (3)
    Q("false_premise", "name", "Since the MTE rated Jer-Suu Highly Satisfactory overall, what is there left to fix?",
      "The premise is wrong: the MTE's overall rating is 5 – Satisfactory (only Relevance got 6 – Highly "
      "satisfactory). It still made six recommendations, e.g. on insurance, women on WUA councils and the advisory "
      "cost-recovery model.",
      ["5 – Satisfactory"], ME, line(ME, "Overall project rating\t5")),
    Q("false_premise", "russian", "Почему Токтогульский район не вошёл в число целевых районов проекта?",
      "Это неверно: Toktogul входит в число девяти целевых районов (Jalal-Abad Oblast, вместе с Aksy и Ala-Buka).",
      ["Toktogul"], PD, line(PD, "Jalal-Abad\tAksy, Ala-Buka, Toktogul")),
    Q("false_premise", "typo", "why is the world bank a senior suplier on the jer-suu board",
      "It isn't: the Senior Suppliers are the Delegation of the European Union to the Kyrgyz Republic and SDC; "
      "international financial institutions are only mentioned as partners to coordinate with.",
      ["Delegation of the European Union to the Kyrgyz Republic"], PD,
      line(PD, "Senior Supplier\tDelegation of the European Union"), table="board"),
]


# Explicit splits for single-item (type, phrasing) cells, so that every phrasing (not only every type) is about
# half dev and half test; all other items follow qlib's alternation.
SPLIT = {
    "weather stations activity budget 2025": "test",
    "How much did the climate information output spend in the first half of 2025?": "dev",
    "quantum project number jer-suu": "test",
    "Which SDGs does Jer-Suu contribute to?": "dev",
    "OI 2.2: how many ha short of the Year 2 target at end-2025?": "dev",
    "Did we hit the Year 2 target for farmers trained in field schools?": "test",
    "А к концу 2025 года?": "dev",
    "2024?": "test",
    "What share of irrigation service fees were the WUAs collecting before the project?": "dev",
}


def main():
    assert len({it["question"] for it in ITEMS}) == len(ITEMS) == 60
    qlib.build_with_splits(ITEMS, SPLIT, DOCS, "q3", os.path.join(HERE, "people_project3_questions.jsonl"))


if __name__ == "__main__":
    main()
