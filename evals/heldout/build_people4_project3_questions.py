#!/usr/bin/env python3
"""Gold questions over project 3 (fictional UNDP Kyrgyzstan project "Jer-Suu") in people's own words (ids w3-NNN).

Written blind from the four project-3 documents (evals/heldout/project3/txt/*.txt), project3/NOTES.md, this
folder's README.md and qlib.py only. From build_project3_questions.py only the document loading (DOCS, PD/QA/PR/ME)
and the line() helper were used; from build_people_project3_questions.py only the file layout (Q(), block(), the
qlib.build call). No questions of any other question file were read or reused, and no project code was opened.
Questions are phrased the way project staff, QA assessors and newcomers ask: mostly by the name of the thing,
some telegraphic, with realistic typos, conversational, in Russian, as follow-ups, multi-hop (with the computed
result in the answer), unanswerable and with false premises. Every must_contain and evidence string is checked
verbatim by qlib.build; Russian questions keep the document's English figures/phrases in must_contain, and
work-plan amounts keep the document's space-separated form ("1 050 000").

Usage (from the repo root):  python3 evals/heldout/build_people4_project3_questions.py
Writes evals/heldout/people4_project3_questions.jsonl and prints a summary.
"""

import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import qlib  # noqa: E402

# the documents and the evidence-line helper are the project3 builder's own
from build_project3_questions import DOCS, ME, PD, PR, QA, line  # noqa: E402


# the question and evidence-block helpers are the earlier people-project3 builder's own
from build_people_project3_questions import Q, block  # noqa: E402


ITEMS = [
    # ------------------------------------------------------------------ table_rf (11)
    Q("table_rf", "name",
      "By the end of the project, how many hectares should be under climate-resilient practices like drought-tolerant "
      "varieties or drip?",
      "6,000 ha by Year 4 (OI 3.2, area under climate-resilient practices), from a baseline of 350 ha (2023); the "
      "intermediate targets are 800, 2,500 and 4,800 ha.",
      ["6,000"], PD, line(PD, "OI 3.2 Area under climate-resilient"), table="results_framework"),
    Q("table_rf", "number", "OI 3.3 — what's the means of verification?",
      "The grant database, with grant agreements and monitoring visits checked semi-annually.",
      ["Grant database"], PD, line(PD, "OI 3.3 Number of agribusinesses"), table="results_framework"),
    Q("table_rf", "name", "Which risk scores highest in the risk log, and who owns it?",
      "Risk 1, the short construction season in the high-altitude districts (At-Bashy, Kochkor, Jumgal, Toktogul), "
      "with probability 4 x impact 4 = 16; its owner is the Irrigation Engineer.",
      ["16", "Irrigation Engineer"], PD, line(PD, "The construction season in the high-altitude"), table="risk_log"),
    Q("table_rf", "typo", "who is the risk ownr if no insurer wants to offer the index products?",
      "The Project Manager owns risk 7 (no insurer willing to offer index-based products at an affordable premium; "
      "P 3 x I 3 = 9).",
      ["Project Manager"], PD, line(PD, "No insurer is willing"), table="risk_log"),
    Q("table_rf", "russian", "Какие меры предусмотрены на случай, если цены на цемент, сталь и топливо вырастут?",
      "Риск 2 (финансовый, 3 x 4 = 12): ценовой резерв 8 процентов в рамках Activity 2.2 (Price contingency of "
      "8 percent), контракты с фиксированной ценой и приоритизация схем по стоимости на гектар; владелец — UNDP "
      "Operations Manager.",
      ["Price contingency of 8 percent"], PD, line(PD, "Prices of cement, steel and fuel"), table="risk_log"),
    Q("table_rf", "name", "How often do we do field verification of the canal works, and who does it?",
      "Monthly from April to October, by the Irrigation Engineer and the oblast coordinators together with the Water "
      "Resources Service (USD 10,000), before acceptance certificates are signed.",
      ["Monthly from April to October"], PD, line(PD, "Field verification of civil works"),
      table="monitoring_plan"),
    Q("table_rf", "telegraphic", "farmer outcome survey – cost, which years",
      "USD 15,000; baseline in 2024, mid-line in 2025 and end-line in 2027, by the M&E and Gender Officer with a "
      "contracted survey company.",
      ["15,000", "2027 (end-line)"], PD, line(PD, "Farmer outcome survey\t2024"), table="monitoring_plan"),
    Q("table_rf", "name", "Which indicators were flagged as behind schedule in the mid-2025 progress report?",
      "Two: women on WUA councils (11% against a Year 2 target of 15%) and agribusinesses led by women or youth with "
      "matching grants (0 against 40). Insurance was rated Off track and the early warning protocol At risk.",
      ["Women on WUA councils (%)", "Agribusinesses led by women or youth with matching grants"], PR,
      block(PR, "OI 2.4\tWomen on WUA councils", "OI 3.3\tAgribusinesses led"), table="progress_report"),
    Q("table_rf", "typo", "how much irigated area had better water supply by end of june 2025?",
      "2,950 ha at 30 June 2025 against the Year 2 target of 4,500 ha; status On track.",
      ["2,950"], PR, line(PR, "OI 2.2\tArea with improved"), table="progress_report"),
    Q("table_rf", "russian",
      "Сколько ассоциаций водопользователей имели утверждённый план управления водой и тариф на 30 июня 2025 года?",
      "17 ассоциаций (WUAs) при цели второго года 20 и базовом значении 6; статус On track.",
      ["17"], PR, line(PR, "OI 2.3\tWUAs with an approved"), table="progress_report"),
    Q("table_rf", "name", "How many km of canals are planned for Talas oblast?",
      "45 km in Talas Oblast (districts Talas, Bakai-Ata and Kara-Buura), out of 140 km in total.",
      ["45"], PD, line(PD, "Talas\tTalas, Bakai-Ata"), table="target_areas"),

    # ------------------------------------------------------------------ table_budget (8)
    Q("table_budget", "name", "How much money is there for the WUA capacity development work over the four years?",
      "USD 250 000 in total (Activity 2.4, UWUA / UNDP, SDC-funded): 40 000, 70 000, 80 000 and 60 000 for "
      "2024–2027.",
      ["250 000"], PD, line(PD, "2.4 WUA capacity development"), table="work_plan"),
    Q("table_budget", "telegraphic", "insurance pilot budget 2026",
      "90 000 (Activity 3.3, index-based crop and livestock insurance pilot, UNDP TRAC); 220 000 over the project.",
      ["90 000"], PD, line(PD, "3.3 Index-based crop"), table="work_plan"),
    Q("table_budget", "name", "Who funds the drip and sprinkler demonstration plots, and how much is set aside?",
      "SDC funds Activity 2.3 (implemented by RAS, budget line Equipment; grants): 300 000 in total.",
      ["SDC", "300 000"], PD, line(PD, "2.3 Drip and sprinkler"), table="work_plan"),
    Q("table_budget", "russian", "Сколько заложено на управление проектом и мониторинг в 2027 году?",
      "245 000 долларов (Project management and M&E subtotal за 2027 год); всего за проект 860 000.",
      ["245 000"], PD, line(PD, "Project management and M&E subtotal"), table="work_plan"),
    Q("table_budget", "name", "What did project management actually spend between January and June 2025?",
      "USD 94,300 of its 2025 budget of 205,000, i.e. 46.0% delivery.",
      ["94,300"], PR, line(PR, "Project management and M&E\t205,000"), table="delivery"),
    Q("table_budget", "typo", "delivry rate for ouput 3 in the frist half of 2025? why so low",
      "26.0% (124,800 spent of 480,000). It is low because the matching grants (Activity 3.2) will only be paid from "
      "September 2025.",
      ["26.0%"], PR, line(PR, "Output 3 – Climate-resilient practices, finance and markets\t480,000"),
      table="delivery"),
    Q("table_budget", "number", "PM.3 total?",
      "90 000 over 2024–2027 for direct project costs (UNDP TRAC): 20 000, 25 000, 25 000 and 20 000.",
      ["90 000"], PD, line(PD, "PM.3 Direct project costs"), table="work_plan"),
    Q("table_budget", "name", "How much GMS gets charged in 2025?",
      "172 800 in 2025 (8% GMS on the EU and SDC contributions); 480 000 over the whole project.",
      ["172 800"], PD, line(PD, "GMS (8%) on EU and SDC contributions"), table="work_plan"),

    # ------------------------------------------------------------------ table_qa (5)
    Q("table_qa", "name", "Which criterion came out weakest in the design QA?",
      "Management and Monitoring (questions 10–12, rated 1, 2, 2) was rated Needs Improvement; all others were "
      "Satisfactory or Highly Satisfactory.",
      ["Management and Monitoring", "Needs Improvement"], QA, line(QA, "Management and Monitoring\t10-12"),
      table="qa_ratings"),
    Q("table_qa", "typo", "what rating did efficency get in the mid term evaluation?",
      "5 – Satisfactory: 94.0 percent of the 2024–2025 budget was spent, and rehabilitation cost USD 18,700 per km, "
      "below the design estimate of USD 20,000.",
      ["5 – Satisfactory", "18,700"], ME, line(ME, "Efficiency\t5"), table="mte_ratings"),
    Q("table_qa", "russian", "Какую оценку получила устойчивость (sustainability) в среднесрочной оценке?",
      "3 – Moderately likely по четырёхбалльной шкале: Kyrgyzhydromet включил эксплуатацию станций в бюджетную "
      "заявку на 2027 год, сбор платы ВУА растёт, но у консультационной службы нет модели возмещения затрат.",
      ["3 – Moderately likely"], ME, line(ME, "Sustainability\t3"), table="mte_ratings"),
    Q("table_qa", "name", "Under the Relevant criterion, which question only got a 2 in the design QA, and why?",
      "Question 5, on knowledge and lessons learned: the design uses RAS and UNDP climate risk lessons, but cites no "
      "evidence from earlier agricultural insurance pilots in Central Asia to back the target of 4,000 insured "
      "farmers.",
      ["Central Asia"], QA, line(QA, "Have knowledge, good practices"), table="qa_ratings"),
    Q("table_qa", "telegraphic", "MTE gender rating",
      "4 – Moderately satisfactory: women are 42 percent of farmer field school graduates but only 13 percent of WUA "
      "council members.",
      ["4 – Moderately satisfactory", "13 percent"], ME, line(ME, "Gender equality and human rights\t4"),
      table="mte_ratings"),

    # ------------------------------------------------------------------ narrative (11)
    Q("narrative", "name", "Where is the project office based?",
      "The PMU is located at MWRAPI in Bishkek, with oblast offices in Naryn, Talas and Jalal-Abad.",
      ["Bishkek"], PD,
      "The Project Management Unit (PMU) will be located at MWRAPI in Bishkek, with oblast offices in Naryn, Talas "
      "and Jalal-Abad."),
    Q("narrative", "name", "Why was direct implementation chosen instead of having the ministry implement?",
      "Because the project combines large civil works contracts, grants to private agribusinesses and an insurance "
      "pilot, and because the 2023 HACT micro-assessment rated MWRAPI's financial management risk as significant.",
      ["HACT micro-assessment", "significant"], PD,
      "DIM was agreed with MWRAPI because the project combines large civil works contracts, grants to private "
      "agribusinesses and an insurance pilot, and because the 2023 HACT micro-assessment rated the financial "
      "management risk of MWRAPI as significant."),
    Q("narrative", "russian", "Какого размера гранты на условиях софинансирования могут получить агробизнесы?",
      "От USD 3,000 до USD 8,000 на 120 агробизнесов под руководством женщин или молодёжи (18–35 лет), не менее 60 из "
      "них — женские; собственный вклад не менее 25 процентов.",
      ["USD 3,000", "USD 8,000"], PD,
      "The project will award matching grants of between USD 3,000 and USD 8,000 to 120 agribusinesses led by women "
      "or by young people aged 18 to 35"),
    Q("narrative", "typo", "how much do farmers have to chip in for the drip irigation demo plots",
      "Farmers who set up drip or sprinkler demonstration plots contribute at least 30 percent of the equipment cost.",
      ["30 percent"], PD,
      "Farmers who set up drip or sprinkler demonstration plots contribute at least 30 percent of the equipment cost."),
    Q("narrative", "name", "How many people were consulted when the project was being designed?",
      "640 participants (46 percent women), in consultations held in August and September 2023 in all nine districts.",
      ["640", "46 percent"], PD,
      "During formulation, consultations were held in August and September 2023 in all nine districts with 640 "
      "participants, of whom 46 percent were women."),
    Q("narrative", "name", "Why haven't the insurers come on board for the insurance pilot?",
      "The two insurers approached would not offer a product because historical yield data are not available at aiyl "
      "aimak level; the project is now assessing a weather-index product using data from the new stations.",
      ["historical yield data"], PR,
      "two insurers were approached, but neither has agreed to offer a product because historical yield data are not "
      "available at aiyl aimak level"),
    Q("narrative", "conversation",
      "I'm new on the team — which countries are we supposed to do exchanges with under South-South cooperation?",
      "Exchanges with water user associations and extension services in Uzbekistan and Tajikistan, drawing also on "
      "Turkey's experience with drip irrigation for smallholders.",
      ["Uzbekistan", "Tajikistan"], PD,
      "The project will organize exchanges with water user associations and extension services in Uzbekistan and "
      "Tajikistan, and will draw on the experience of Turkey with drip irrigation for smallholders."),
    Q("narrative", "name", "What held up the canal works in Naryn in spring 2025?",
      "Late snowmelt in At-Bashy and Kochkor moved the start of civil works in Naryn Oblast from April to late May "
      "2025.",
      ["late May 2025"], PR,
      "Late snowmelt in At-Bashy and Kochkor moved the start of civil works in Naryn Oblast from April to late May "
      "2025."),
    Q("narrative", "russian",
      "Какая доля опрошенных подписчиков изменила сроки сева или полива после предупреждения о заморозках или жаре?",
      "71 процент опрошенных подписчиков хотя бы раз изменили сроки сева или полива (Finding 1 среднесрочной оценки).",
      ["71 percent"], ME,
      "71 percent of surveyed subscribers changed the timing of sowing or irrigation at least once after a frost or "
      "heat warning"),
    Q("narrative", "name", "Who chairs the technical working group on irrigation, and what does it do?",
      "The Director of the Water Resources Service chairs it; the group reviews the designs of all irrigation schemes "
      "before tendering.",
      ["Director of the Water Resources Service"], PD,
      "A Technical Working Group for irrigation, chaired by the Director of the Water Resources Service, reviews the "
      "designs of all irrigation schemes before tendering."),
    Q("narrative", "telegraphic", "matching grants first call – no. of applications",
      "212 applications, 61 percent of them from women-led businesses (call launched 14 April 2025).",
      ["212"], PR,
      "The first call for matching grants attracted 212 applications, 61 percent of them from women-led businesses."),

    # ------------------------------------------------------------------ overview (5)
    Q("overview", "name", "Who is putting money into Jer-Suu?",
      "The European Union (5,400,000 incl. 8% GMS), SDC (1,080,000 incl. 8% GMS) and UNDP TRAC (710,000), for a "
      "total of USD 7,190,000; the Government adds a parallel in-kind contribution of 350,000 outside the total.",
      ["5,400,000", "1,080,000", "710,000"], PD,
      block(PD, "Funding source\tAmount (USD)", "Government of the Kyrgyz Republic (parallel")),
    Q("overview", "russian", "Кто является партнёром-исполнителем проекта?",
      "ПРООН (UNDP) по модальности прямого исполнения — Direct Implementation Modality (DIM); министерство водных "
      "ресурсов, сельского хозяйства и перерабатывающей промышленности (MWRAPI) — национальный партнёр, а не "
      "исполнитель.",
      ["Direct Implementation Modality (DIM)"], PD, line(PD, "Implementing partner: United Nations")),
    Q("overview", "conversation",
      "I'm joining the project next week, can you give me the gist of what it actually does on the ground?",
      "Over four years (2024–2027) in nine districts of Naryn, Talas and Jalal-Abad it installs 26 automated "
      "agro-meteorological stations, rehabilitates 140 km of irrigation canals serving 9,600 hectares with water user "
      "associations, and trains 12,000 smallholder farmers through farmer field schools, plus SMS advisories, "
      "matching grants and index insurance.",
      ["26", "140 km", "12,000"], PD,
      "Over four years the project will install 26 automated agro-meteorological stations, rehabilitate 140 km of "
      "irrigation canals serving 9,600 hectares, and train 12,000 smallholder farmers through farmer field schools in "
      "nine districts."),
    Q("overview", "typo", "whch SDGs does the projct contribute to",
      "SDG 2 (zero hunger), SDG 5 (gender equality), SDG 6 (clean water and sanitation) and SDG 13 (climate action).",
      ["SDG 2", "SDG 5", "SDG 6", "SDG 13"], PD,
      "The project contributes to SDG 2 (zero hunger), SDG 5 (gender equality), SDG 6 (clean water and sanitation) "
      "and SDG 13 (climate action)"),
    Q("overview", "name", "Who represents the beneficiaries on the Project Board?",
      "Five Senior Beneficiary seats: Kyrgyzhydromet (Director), the Water Resources Service of MWRAPI (Director), the "
      "oblast administrations of Naryn, Talas and Jalal-Abad (one deputy head per oblast), the Union of Water User "
      "Associations of Kyrgyzstan (Chairperson) and the women farmers' groups (one elected, rotating representative).",
      ["Kyrgyzhydromet", "Union of Water User Associations of Kyrgyzstan (UWUA)", "Women farmers' groups"], PD,
      block(PD, "Senior Beneficiary\tKyrgyzhydromet", "Senior Beneficiary\tWomen farmers"), table="board"),

    # ------------------------------------------------------------------ qa_report (5)
    Q("qa_report", "name", "What conditions were attached when the design was approved?",
      "Four qualifications: verify the OI 3.2 baseline through the 2024 baseline survey and add a farm household "
      "income indicator (30 June 2024); prepare and disclose ESMPs for the first lot of schemes before tendering "
      "(31 March 2024); add a budget line for the gender action plan (first Board meeting); develop a cost-recovery "
      "model for the SMS advisory service with RAS (31 December 2025).",
      ["ESMPs", "gender action plan", "cost-recovery model"], QA,
      block(QA, "1\tVerify the OI 3.2 baseline", "4\tDevelop a cost-recovery model")),
    Q("qa_report", "name", "What did the EU Delegation ask for at the appraisal committee?",
      "That progress on canal rehabilitation (OI 2.1) be reported every six months.",
      ["every six months"], QA,
      "The EU Delegation asked that progress on canal rehabilitation (OI 2.1) be reported every six months."),
    Q("qa_report", "russian", "Почему в QA вопрос о рамке результатов получил оценку 1?",
      "Базовое значение 350 hectares для OI 3.2 — непроверенная оценка по данным RAS, цели первого года для OI 3.3 и "
      "OI 3.4 равны нулю, и нет индикатора доходов хозяйств (farm income), хотя он центральный для теории изменений.",
      ["350 hectares", "farm income"], QA, line(QA, "Does the project have a strong results framework?")),
    Q("qa_report", "typo", "what did mangement say to the recomendation to extend the project to 2028?",
      "Not accepted: the EU Contribution Agreement ends on 31 December 2027 and cannot be extended, so the remaining "
      "works will be completed within the current end date.",
      ["Not accepted", "31 December 2027"], ME, line(ME, "Extend the project by 12 months")),
    Q("qa_report", "telegraphic", "design QA – capacity assessments done?",
      "Rated 2 (question 21): the HACT micro-assessment of MWRAPI and a capacity assessment of RAS were completed, but "
      "no capacity assessment of the WUAs has been carried out.",
      ["no capacity assessment of the WUAs"], QA, line(QA, "Have the capacities of key institutions")),

    # ------------------------------------------------------------------ multi_hop (8)
    Q("multi_hop", "name", "How many km short of the year 2 canal target were we at the end of June 2025?",
      "22 km: 38 km were rehabilitated by 30 June 2025 against the Year 2 target of 60 km (the report's priorities "
      "say to complete 22 km in July–December).",
      ["38", "60", "22 km"], PR, line(PR, "OI 2.1\tCanals rehabilitated"), table="progress_report"),
    Q("multi_hop", "telegraphic", "2024 spend vs budget – gap",
      "USD 58,700 underspent: 861,300 spent of a 920,000 budget (93.6 percent).",
      ["861,300", "920,000"], PR,
      "In 2024 the project spent USD 861,300 of its budget of USD 920,000 (93.6 percent)."),
    Q("multi_hop", "name",
      "How many new weather stations had the project added by the end of 2025, and how many more are needed for the "
      "end target?",
      "33 stations were transmitting at 31 December 2025 against a baseline of 14, so 19 new ones; the end target is "
      "40, so 7 more are needed (of the 26 planned).",
      ["33", "40"], ME,
      ["By 31 December 2025 the project had 33 stations transmitting data",
       line(PD, "OI 1.1 Number of automated")], sources=[ME, PD]),
    Q("multi_hop", "name",
      "If you take Output 2's 2025 budget from the work plan instead of the progress report, what's its H1 delivery "
      "rate?",
      "About 34.5%: 455,100 spent against 1 320 000 in the work plan, compared with the 37.0% the report computes on "
      "its own (transposed) figure of 1,230,000.",
      ["455,100", "1 320 000"], PR,
      [line(PR, "Output 2 – Irrigation infrastructure and WUAs"), line(PD, "Output 2 subtotal")],
      sources=[PR, PD]),
    Q("multi_hop", "russian", "На сколько долларов за километр реабилитация каналов оказалась дешевле проектной оценки?",
      "На 1,300 долларов за км: фактически USD 18,700 за км против проектной оценки USD 20,000 за км.",
      ["18,700", "20,000"], ME, line(ME, "Efficiency\t5")),
    Q("multi_hop", "name", "How many more WUAs still need an approved plan after 2025 to hit the end-of-project target?",
      "15 more: 21 WUAs had approved plans at 31 December 2025, against the end target of 36.",
      ["21", "36"], ME,
      ["21 WUAs with approved plans", line(PD, "OI 2.3 Number of water user associations")], sources=[ME, PD]),
    Q("multi_hop", "typo", "womens share of field school trainees in june 2025 vs what the prodoc requires?",
      "43% women at 30 June 2025 against the required at least 40% women, i.e. 3 percentage points above.",
      ["43% women", "at least 40% women"], PR,
      [line(PR, "OI 3.1\tFarmers trained"), line(PD, "OI 3.1 Number of smallholder")], sources=[PR, PD]),
    Q("multi_hop", "name", "What share of the programmable budget goes to the irrigation output?",
      "About 52.9%: Output 2 has 3 550 000 of the 6 710 000 total programmable budget (excluding GMS).",
      ["3 550 000", "6 710 000"], PD,
      block(PD, "Output 2 subtotal", "Total programmable budget (excluding GMS)"), table="work_plan"),

    # ------------------------------------------------------------------ followup (8)
    Q("followup", "conversation", "and how much of that falls in 2026?",
      "1 050 000 of the 2 800 000 for canal rehabilitation (Activity 2.2) is planned for 2026.",
      ["1 050 000"], PD, line(PD, "2.2 Rehabilitation of 140 km"), table="work_plan",
      history=["How much is the canal civil works activity in total?"]),
    Q("followup", "telegraphic", "budget yr 3?",
      "70 000 in Year 3 (2026) for the SMS and mobile agro-advisory service (Activity 1.2, RAS / UNDP).",
      ["70 000"], PD, line(PD, "1.2 Develop and operate the SMS"), table="work_plan",
      history=["Who runs the SMS advisory service?"]),
    Q("followup", "russian", "А по данным среднесрочной оценки?",
      "По данным среднесрочной оценки доля женщин в советах ВУА выросла с 7 до 13 percent (цель — 25% к Year 4).",
      ["13 percent"], ME,
      "the share of women on councils has risen only from 7 to 13 percent",
      history=["What's the end target for women on WUA councils?", "Where did it stand in June 2025?"]),
    Q("followup", "conversation", "Did it actually happen?",
      "Yes. The mid-2025 progress report says risk 3 (restructuring of agencies) has materialized: the reorganization "
      "of the Ministry of Emergency Situations in February 2025 delayed approval of the Naryn early warning protocol.",
      ["has materialized"], PR,
      "risk 3 of the risk log (restructuring of agencies) has materialized",
      history=["Which risk in the log is about ministries being restructured?"]),
    Q("followup", "conversation", "was that accepted?",
      "Yes, Accepted: the revised results framework (weather-index pilot for 1,500 farmers instead of 4,000 insured) "
      "is to be approved at the Project Board meeting of April 2026.",
      ["Accepted", "April 2026"], ME, line(ME, "Replace the OI 3.4 target"),
      history=["What did the MTE recommend on the insurance pilot?"]),
    Q("followup", "conversation", "how many of them were women?",
      "43 percent of the 4,380 farmers who completed the full season were women.",
      ["43 percent"], PR,
      "RAS ran 146 farmer field schools, and 4,380 farmers (43 percent women) completed the full season.",
      history=["How many farmer field schools did RAS run in the first half of 2025?", "And how many farmers finished?"]),
    # complete new question after an unrelated (budget) history: must NOT be rewritten as a follow-up
    Q("followup", "name", "What risk category did the social and environmental screening give the project?",
      "The Social and Environmental Screening Procedure (SESP) classified the project as Moderate risk; site-specific "
      "ESMPs are to be prepared for every irrigation scheme before tendering.",
      ["Moderate risk"], PD,
      "The Social and Environmental Screening Procedure (SESP) classified the project as Moderate risk.",
      history=["What is the Output 3 budget for 2025?", "And for 2026?"]),
    Q("followup", "conversation", "who's paying for it and how much?",
      "UNDP TRAC funds the final evaluation (due October 2027), at USD 60,000.",
      ["UNDP TRAC", "60,000"], PD, line(PD, "Final evaluation\tOctober 2027"), table="evaluation_plan",
      history=["When is the final evaluation due?"]),

    # ------------------------------------------------------------------ unanswerable (5)
    Q("unanswerable", "name", "What's the name of the Project Manager?",
      "The documents do not name the Project Manager; they only list the PMU positions.",
      [], PD,
      "The PMU comprises a Project Manager, an M&E and Gender Officer, a Finance and Administration Associate, an "
      "Irrigation Engineer and three oblast coordinators."),
    Q("unanswerable", "name", "How many hectares of pasture will the project restore?",
      "The documents set no pasture target; pasture management is mentioned only as the work of FAO and WFP in "
      "neighbouring districts.",
      [], PD,
      "The project will coordinate with FAO and the World Food Programme, which support pasture management and "
      "resilience in neighbouring districts"),
    Q("unanswerable", "russian", "Какой размер страховой премии будут платить фермеры в пилоте индексного страхования?",
      "В документах размер премии не указан: есть только цель по числу застрахованных, субсидии на премию в первые "
      "два сезона и бюджет Activity 3.3.",
      [], PD,
      "will pilot index-based crop and livestock insurance for 4,000 farmers with partner insurers"),
    Q("unanswerable", "telegraphic", "exchange rate KGS/USD used in budget",
      "The documents do not state an exchange rate; all amounts are given in US dollars.",
      [], PD, "Amounts in US dollars."),
    Q("unanswerable", "typo", "how many jobs has the projct created so far",
      "The documents do not report jobs created by the project; no such indicator or figure is given.",
      [], ME, "By 31 December 2025 the project had 33 stations transmitting data"),

    # ------------------------------------------------------------------ false_premise (4)
    Q("false_premise", "name", "Why did the Naryn oblast administration reject the early warning protocol?",
      "It was not rejected: approval was postponed after the reorganization of the Ministry of Emergency Situations "
      "in February 2025, and the Naryn protocol was approved on 16 October 2025.",
      ["16 October 2025"], PR,
      ["its approval was postponed after the reorganization of the Ministry of Emergency Situations in February 2025",
       "The Naryn early warning protocol was approved on 16 October 2025."], sources=[PR, ME]),
    Q("false_premise", "name", "Why did the World Bank pull out of co-financing Jer-Suu?",
      "The World Bank was never a funder: the project is financed by the European Union, SDC and UNDP (TRAC), with a "
      "parallel in-kind contribution from the Government.",
      ["European Union", "SDC", "UNDP"], PD,
      "The European Union contributes USD 5,400,000 and SDC USD 1,080,000"),
    Q("false_premise", "russian", "Почему проект работает именно в двенадцати районах?",
      "Проект работает не в двенадцати, а в девяти районах (nine districts): по три в Нарынской, Таласской и "
      "Джалал-Абадской областях.",
      ["nine districts"], PD, "The project works in nine districts"),
    Q("false_premise", "typo", "since the insurence pilot already coverd 1,000 farmers in 2025, whats planned for 2026?",
      "The pilot covered no farmers in 2025: 0 insured at 30 June 2025 (Off track), and the MTE reports the insurance "
      "pilot was postponed to 2026 (it recommends a weather-index pilot for 1,500 farmers).",
      ["postponed to 2026"], PR,
      [line(PR, "OI 3.4\tFarmers covered"), "the insurance pilot was postponed to 2026"], sources=[PR, ME]),
]


# Explicit splits for the odd item of some odd-sized (type, phrasing) cells, so that every type and every phrasing
# (not only every cell) is about half dev and half test; all other items follow qlib's alternation.
SPLIT = {
    "farmer outcome survey – cost, which years": "test",
    "insurance pilot budget 2026": "test",
    "PM.3 total?": "dev",
    "what rating did efficency get in the mid term evaluation?": "dev",
    "matching grants first call – no. of applications": "test",
    "I'm joining the project next week, can you give me the gist of what it actually does on the ground?": "dev",
    "whch SDGs does the projct contribute to": "test",
    "who's paying for it and how much?": "dev",
    "What risk category did the social and environmental screening give the project?": "test",
    "Какой размер страховой премии будут платить фермеры в пилоте индексного страхования?": "test",
    "exchange rate KGS/USD used in budget": "dev",
    "how many jobs has the projct created so far": "test",
}


def main():
    assert len({it["question"] for it in ITEMS}) == len(ITEMS) == 70
    qlib.build_with_splits(ITEMS, SPLIT, DOCS, "w3", os.path.join(HERE, "people4_project3_questions.jsonl"))


if __name__ == "__main__":
    main()
