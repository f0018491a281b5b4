"""Extractive answers: the documents' own sentences (or a table row's cells) that best cover
the question, each cited verbatim. Weak evidence gives a refusal, never a guess."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from assistant import profiles
from assistant.answer.as_of import point
from assistant.answer.citations import verified
from assistant.answer.grounding import is_instruction
from assistant.answer.naming import doc_named, document_type_named, documents_named
from assistant.core.text import coverage, key_terms, numbers, split_sentences, stem, stems
from assistant.core.types import Answer, Citation, Location
from assistant.core.verify import SourceTexts
from assistant.retrieval.hybrid import Hit

NOT_FOUND = "Not found in the documents."
MIN_COVERAGE = 0.6  # share of the question's key words a quoted sentence must hold
# or, a little less of them when it says what the question asks in other words (the bundled
# embedder's cosine of question and sentence): "keep running after the project ends" / "handed
# over to community energy cooperatives, which … keep an operation and maintenance reserve fund"
NEAR_COVERAGE = 0.5
MIN_MEANING = 0.45
CLOSE_MEANING = 0.6  # … and this close when a word the documents never use is left unsaid


@dataclass(frozen=True)
class Rewording:
    """What lets a sentence answer in other words: its similarity to the question, and the
    words the documents use (a question word they never use, "email", is no other word's
    rewording: the documents do not speak of it)."""

    similarity: Callable[[str], float]
    vocabulary: Collection[str]

    def knows(self, word: str) -> bool:
        if "-" in word:
            return all(self.knows(part) for part in word.split("-") if part)
        base = stem(word.rstrip("s")) if word.endswith("s") else stem(word)
        if any(w in self.vocabulary for w in (word, base, base + "s", base + "e", base + "ed", base + "ing")):
            return True
        # a word of its family: "recommend" is known from "recommendation"
        return any(base + ending in self.vocabulary for ending in _FAMILY_ENDINGS)


_FAMILY_ENDINGS = ("ation", "ations", "ion", "ions", "ment", "ments", "er", "ers", "al", "ance", "ence", "ity", "ive")


@dataclass(frozen=True)
class Candidate:
    quote: str
    location: Location
    source: str
    coverage: float
    score: float
    more: tuple[str, ...] = ()  # further verbatim pieces that complete it (a row's cells, a list)


def definition_bonus(terms: list[str], sentence: str) -> float:
    """A sentence that says what the asked thing *is* ("X is the …", "… will be the X", "the X of
    the project were …"), where X is the question's key words or any two consecutive ones ("the
    implementing partner")."""
    if not terms:
        return 0.0
    phrases = [terms] if len(terms) <= 3 else []
    phrases += [terms[i : i + 2] for i in range(len(terms) - 1)]
    for words in phrases:
        phrase = r"\W+".join(re.escape(t) for t in words)
        pattern = (
            rf"\b(?:is|are|was|were|will be)\s+(?:the\s+)?(?:\w+\s+)?{phrase}\b"
            rf"|\b{phrase}\s+(?:of\s+(?:the|this)\s+(?:project|programme)\s+)?(?:is|are|was|were|will be)\b"
        )
        if re.search(pattern, sentence, re.IGNORECASE):
            return 0.25
    return 0.0


RUBRIC_PENALTY = 0.2
ANSWER_TYPE_BONUS = 0.25  # a sentence holding the kind of phrase asked for ("once per year")


def _answer_types(question: str) -> list[profiles.AnswerType]:
    """The kinds of answer the question asks for (the ``questions`` profile's answer types)."""
    return [kind for kind in profiles.answer_types().values() if kind.asks.search(question)]


def _said_kinds(wanted: list[profiles.AnswerType], sentence: str) -> str:
    """The question's words that ``sentence`` says by holding the kind of answer asked for
    ("countries" of "… in Uzbekistan and Tajikistan"), or "" when it holds none."""
    low = sentence.lower()
    return " ".join(w for kind in wanted if kind.says.search(low) for w in kind.covers)


def asked_terms(question: str) -> list[str]:
    """The question's key words a quoted sentence is to hold: its everyday wrapping words
    ("what happens to the mini-grids once the project is over?") left out, unless they are all."""
    for phrase, word in (profiles.load("questions").get("phrases_en") or {}).items():
        question = profiles.rx(phrase).sub(word, question)  # "held up" is said "delayed"
    terms = key_terms(question)
    filler = set(profiles.load("questions").get("filler") or ())
    return [t for t in terms if t not in filler] or terms


def candidates(question: str, hits: list[Hit]) -> list[Candidate]:
    terms = asked_terms(question)
    alike = profiles.synonyms()
    wants_number = asks_for_number(question)
    wanted = _answer_types(question)
    years = set(re.findall(r"\b(?:19|20)\d\d\b", question))
    asked_at = point(question)  # "by the end of 2025": "By 30 June 2025, …" is of another time
    out: list[Candidate] = []
    # "the amount the closure report gives": in the closure report, "closure report" is said
    named = set(documents_named(question, sorted({h.chunk.location.source for h in hits})))
    question_terms = terms
    for rank, hit in enumerate(hits):
        source = hit.chunk.location.source
        terms = [t for t in question_terms if not doc_named(t, source)] if source in named else question_terms
        if hit.chunk.chunk_type == "record":
            # composed from a row ("Question?. Rating: 2. Justification: …"): its field values
            # are the document's words and may answer; what is not verbatim is dropped later
            lines = _field_values(hit.chunk.text)
        else:
            lines = [line.strip() for line in hit.chunk.text.split("\n") if line.strip()]
        if hit.chunk.chunk_type == "table_row" and _header_row(hit.chunk.location.row, lines):
            continue  # "Evaluation Title | Partners | Planned Completion Date | …" names columns, states nothing
        if hit.chunk.chunk_type == "table_row" and len(lines) > 1:
            # a row answers as a window of its cells: "Total resources required" "(in USD):" "4,660,000"
            windows = [w for i in range(len(lines)) if not _labels_only(w := lines[i : i + 3])]
            if not windows:
                continue  # a header row ("2022 | 2023"): labels, no value
            best = max(windows, key=lambda w: (coverage(terms, " ".join(w), alike), -len(" ".join(w))))
            joined = " ".join(best)
            cov = coverage(terms, joined, alike)
            score = cov + 0.15 / (1 + rank) + 0.2 * hit.similarity - 0.003 * max(0, len(joined.split()) - 40)
            if wants_number and re.search(r"\d", joined):
                score += 0.15
            out.append(Candidate(best[0], hit.chunk.location, hit.chunk.location.source, cov, score, tuple(best[1:])))
            continue
        section = hit.chunk.section or hit.chunk.location.heading  # a table row's: its table's heading
        for index, line in enumerate(lines):
            if _unchosen_option(line):
                continue  # a QA form's rubric level the assessor did not choose says nothing of the project
            if hit.chunk.chunk_type == "text" and _heading(line, hit.chunk.section):
                continue  # "**QA Summary/Final Project Board Comments**" names what follows, says nothing
            sentences = [x.strip() for x in split_sentences(line.strip())]
            for position, sentence in enumerate(sentences):
                if len(sentence) < 12 or is_instruction(sentence) or sentence.endswith("?"):
                    continue  # too short, a question (a form's, not its answer), or addressed to the assistant
                if hit.chunk.chunk_type == "text" and _heading(sentence, ""):
                    continue  # "SESP Attachment 1. Social and Environmental Risk Screening Checklist": a title
                kinds = _said_kinds(wanted, sentence)
                cov = _in_section(terms, f"{sentence} {kinds}" if kinds else sentence, section, alike)
                words = len(sentence.split())
                score = (
                    cov
                    + 0.15 / (1 + rank)
                    + 0.2 * hit.similarity
                    + definition_bonus(terms, sentence)
                    + (0.15 if wants_number and _has_figure(sentence, set()) else 0.0)
                    + (ANSWER_TYPE_BONUS if any(k.says.search(sentence.lower()) for k in wanted) else 0.0)
                    + _at_time(asked_at, sentence)
                    - 0.003 * max(0, words - 30)  # prefer the sentence that says it, not a clause of a long one
                    # a QA form's chosen rubric level is the form's wording; its evidence, the project's
                    - (RUBRIC_PENALTY if _OPTION.match(line) else 0.0)
                )
                more: tuple[str, ...] = ()
                following = sentences[position + 1 : position + 1 + FIGURE_REACH]
                if sentence.endswith(":"):  # "three main pillars:" — the list that follows answers
                    more = tuple(lines[index + 1 : index + 5])
                elif wants_number and not _counts(sentence):
                    # the figure is in a sentence or two after ("… (Astana, 9 June 2018)." is no count)
                    # … and not one of another year ("set up in 2021;" + "11 were received in 2022")
                    reach = next((i for i, x in enumerate(following) if _counts(x) and not _other_year(x, years)), None)
                    more = tuple(following[: reach + 1]) if reach is not None else ()
                if more and cov >= OWN_COVERAGE:  # said across them: "a workshop … in Addis Ababa" + "35 countries"
                    across = _in_section(terms, " ".join((sentence, *more)), section, alike)
                    score, cov = score + max(0.0, across - cov), max(cov, across)
                out.append(Candidate(sentence, hit.chunk.location, hit.chunk.location.source, cov, score, more))
    out.sort(key=lambda c: -c.score)
    return out


POINT_IN_TIME = 0.2  # a sentence of the time asked about, before one of another time


def _at_time(asked: tuple[int, int] | None, sentence: str) -> float:
    """More for a sentence that stands at the point in time asked about, less for another."""
    said = point(sentence) if asked else None
    return 0.0 if said is None else (POINT_IN_TIME if said == asked else -POINT_IN_TIME)


# a sentence that refers back to the one before it, which holds what it speaks of
_REFERS_BACK = re.compile(r"^(?:in this (?:manner|way|regard)|thus|therefore|as a result|accordingly|hence)\b", re.I)


def _referred_to(c: Candidate, texts: SourceTexts) -> str:
    """ "In this manner, the choice of topics reflects …": the document's sentence before it,
    which says what the manner is; "" for a sentence that stands on its own."""
    if not _REFERS_BACK.match(c.quote):
        return ""
    text = texts.text(c.source) or ""
    at = text.find(c.quote)
    if at <= 0:
        return ""
    before = [x.strip() for x in split_sentences(text[max(0, at - 2000) : at].strip())]
    return before[-1] if before and len(before[-1]) >= 12 else ""


SECTION_CREDIT = 0.5  # a question word only the sentence's section heading holds counts half


def _in_section(terms: list[str], sentence: str, section: str, alike: dict[str, frozenset[str]]) -> float:
    """Coverage by the sentence's own words, and at half weight by its section heading's: under
    "5. Management Response", "Recommendation 1 was noted" answers what the response was."""
    own = coverage(terms, sentence, alike)
    if not section or section in sentence:
        return own
    return own + SECTION_CREDIT * (coverage(terms, f"{sentence} {section}", alike) - own)


_OPTION = re.compile(r"^\s*[-•]\s+\d\s*:\s*(?P<body>.*)$")


def _unchosen_option(line: str) -> bool:
    """ "- 1: Social and environmental risks were tracked…": a rubric level of a QA form, not
    marked as chosen (the form marks the chosen one in italics, "- 2: *…*")."""
    m = _OPTION.match(line)
    return m is not None and not m.group("body").lstrip().startswith("*")


_FIELD = re.compile(r"(?:^|(?<=[.?!])\s+)(?:[A-Z][\w ()/&'-]{0,40}): ")


def _field_values(text: str) -> list[str]:
    """The values of a record's composed text ("Label. Rating: 2. Justification: A … 2022."):
    the text between "Field: " markers, each a cell's words."""
    values = (re.sub(r"([.?!])\.$", r"\1", v.strip()) for v in _FIELD.split(text))  # "resolved.." / "?."
    return [v for v in values if v]


def extractive_answer(question: str, hits: list[Hit], texts: SourceTexts, rewording: Rewording | None = None) -> Answer:
    """The best-matching sentences of the retrieved passages, cited, or a refusal; with
    ``rewording``, a sentence may say a little of the question in other words."""
    found = [c for c in candidates(question, hits) if texts.verbatim(c.source, c.quote)]
    if asks_for_number(question):
        # "How many …?" is answered only by a figure the question does not already hold
        given = set(numbers(question))
        found = [c for c in found if _has_figure(" ".join((c.quote, *c.more)), given)]
    # "Output 2 … Gender marker: GEN2" is no answer about Output 3
    found = [c for c in found if not _names_another(question, " ".join((c.quote, *c.more)))]
    # a passage that only repeats the question's words (a heading, a table's header) says nothing
    asked = stems(question)
    found = [c for c in found if stems(" ".join((c.quote, *c.more))) - asked]
    # "per the QA": the named kind of document's sentences, when one of them answers
    if kind := document_type_named(question):
        kinds = {h.chunk.location.source: h.chunk.doc_type for h in hits}
        own = [c for c in found if kinds.get(c.source) == kind]
        if any(covers(question, c, rewording) for c in own[:RUNNERS_UP]):
            found = own
    # the best-scored sentence, else a close runner-up that holds more of the question's words
    # ("a gender balance among participants of its events", before "51 per cent were female")
    runners = [c for c in found[:RUNNERS_UP] if c is found[0] or c.coverage > found[0].coverage] if found else []
    covering = [c for c in runners if covers(question, c, rewording)]
    # … and among those that cover, one that holds clearly more of the question's words
    best = max(covering, key=lambda c: c.coverage >= covering[0].coverage + CLEARLY_MORE) if covering else None
    if best is None:
        return Answer(answer=NOT_FOUND, refused=True)
    found = [best, *(c for c in found if c is not best)]
    if _ASKS_NAME.search(question) and not _names_someone(best.quote, question):
        # "what is the name of the project manager?" answered by the manager's duties: say so
        return Answer(answer=f"{NOT_FOUND} They describe the role but give no name.", refused=True)
    if _presumes_event(question) and _not_a_report(best.quote):
        # "why was it extended?" answered by "Extend the project…": the premise is not supported
        cited = verified([Citation(source=best.source, place=best.location, quote=best.quote)], texts)
        note = f"{NOT_FOUND} They do not report that it happened; they recommend or plan it:"
        return Answer(answer=f"{note} {best.quote} [1]", refused=True, citations=cited) if cited else NO_ANSWER
    chosen = [best]
    for c in found[1:]:
        if len(chosen) == 2:
            break
        close = c.coverage >= max(MIN_COVERAGE, best.coverage * 0.9) and c.score >= best.score - 0.15
        if close and c.quote not in {x.quote for x in chosen}:
            chosen.append(c)
    citations: list[Citation] = []
    parts: list[str] = []
    for c in chosen:
        lead = _referred_to(c, texts)
        said = (lead, c.quote, *c.more) if lead else (c.quote, *c.more)
        pieces = verified([Citation(source=c.source, place=c.location, quote=q) for q in said], texts)
        if not pieces or c.quote not in {p.quote for p in pieces[:2]}:
            continue
        first = len(citations) + 1
        citations += pieces
        parts.append(" ".join(f"{p.quote} [{first + i}]" for i, p in enumerate(pieces)))
    if not citations:
        return Answer(answer=NOT_FOUND, refused=True)
    return Answer(answer=" ".join(parts), refused=False, citations=citations)


_NUMBER_WORDS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|dozen|half|a third|a quarter)\b",
    re.IGNORECASE,
)


def _has_figure(text: str, given: set[str]) -> bool:
    """A figure the question does not already hold, in digits or words ("one in five households";
    "one" alone is too often no count: "one of the partners"); a date is no figure."""
    return bool(set(numbers(_NO_COUNT.sub(" ", text))) - given) or bool(_NUMBER_WORDS.search(text))


# numbers that count nothing: dates, years and a Word export's footnote marks ("[footnoteRef:26]")
_NO_COUNT = re.compile(
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?\b|\b(?:19|20)\d\d\b"
    r"|\[footnote\w*:\s*\d+\]",
    re.IGNORECASE,
)


def _other_year(text: str, asked: set[str]) -> bool:
    """The text names years, none of them asked."""
    said = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    return bool(asked and said and not said & asked)


def _counts(text: str) -> bool:
    """A figure besides dates and years: "13 potential partnerships", not "(Astana, 9 June 2018)"."""
    return bool(numbers(_NO_COUNT.sub(" ", text)))


FIGURE_REACH = 2  # sentences after one without a figure that may hold it
CLEARLY_MORE = 0.15  # of the question's words, for a runner-up to be preferred to the best-scored
OWN_COVERAGE = 0.3  # of the question's words a sentence must hold for those after it to count
RUNNERS_UP = 3  # how many of the best-scored sentences may answer when the first does not
MIN_WORD_COVERAGE = 0.5  # of a question's words besides its years, the sentence must hold
_YEAR = re.compile(r"(?:19|20)\d\d")


def covers(question: str, best: Candidate, rewording: Rewording | None) -> bool:
    """The sentence holds enough of the question's words, or nearly enough and says the rest in
    other words. A word the documents never use ("salary", "email") left unsaid asks for a
    closer meaning, and a "why did …" question's premise must be said in its own words."""
    said = " ".join((best.quote, *best.more))
    said = f"{said} {_said_kinds(_answer_types(question), said)}"  # "countries" said by "Uzbekistan"
    # "what did the MTE recommend?": in the evaluation, "MTE" is said by the document itself
    terms = [t for t in asked_terms(question) if not doc_named(t, best.source)]
    words = [t for t in terms if not t[0].isdigit()]
    years_only = len(words) < len(terms) and all(_YEAR.fullmatch(t) for t in terms if t[0].isdigit())
    if years_only and words and coverage(words, said, profiles.synonyms()) < MIN_WORD_COVERAGE:
        return False  # "the budget for 2025" is not answered by "the Framework 2021-2025": its year only
    if rewording is None:
        return best.coverage >= MIN_COVERAGE
    missing = [t for t in words if coverage([t], said, profiles.synonyms()) == 0]
    unknown = any(not rewording.knows(t) for t in missing)
    if any(t in _names(question) and not rewording.knows(t) for t in missing):
        return False  # "the Government of Finland": a name the documents never use is no rewording
    if best.coverage >= MIN_COVERAGE:
        return not unknown or rewording.similarity(best.quote) >= MIN_MEANING
    if best.coverage < NEAR_COVERAGE or _presumes_event(question):
        return False
    return rewording.similarity(best.quote) >= (CLOSE_MEANING if unknown else MIN_MEANING)


def _names(question: str) -> set[str]:
    """The question's capitalised words that do not start it or a sentence of it ("Finland")."""
    return {m.group(1).lower() for m in re.finditer(r"(?<![.?!:]\s)(?<!^)\b([A-Z][a-z]{3,})\b", question.strip())}


_NAMED_ID = re.compile(r"\b(output|outcome|activity|indicator)\s+(\d{1,2}(?:\.\d{1,2})*)(?![\d.]*\d)", re.IGNORECASE)


def _names_another(question: str, passage: str) -> bool:
    """The question names "Output 3" and the passage names another output, never the asked one."""
    asked = {(k.lower(), n) for k, n in _NAMED_ID.findall(question)}
    said = {(k.lower(), n) for k, n in _NAMED_ID.findall(passage)}
    kinds = {k for k, _ in asked}
    return any(k in kinds for k, _ in said) and not asked & said


_ASKS_NAME = re.compile(
    r"\bname of (?:the |its |our )?(?:current |present |new )?(?!project\b|programme\b)\w+|\bwho is the current\b"
    r"|\b(?!project\b|programme\b)\w+(?:'|’)s (?:full )?name\b|\bкак зовут\b",  # "the Project Manager's name"
    re.I,
)
# the template's words for roles and bodies: a sentence holding only these names nobody
_ROLE_WORDS = {
    "the",
    "project",
    "programme",
    "board",
    "manager",
    "management",
    "committee",
    "steering",
    "office",
    "country",
    "officer",
    "specialist",
    "assistant",
    "coordinator",
    "executive",
    "senior",
    "supplier",
    "suppliers",
    "beneficiary",
    "chair",
    "chairperson",
    "secretary",
    "resident",
    "representative",
    "deputy",
    "head",
    "director",
    "team",
    "unit",
    "group",
    "member",
    "members",
    "furthermore",
}


def _names_someone(passage: str, question: str) -> bool:
    """The passage holds a name the question does not: a capitalised word, not the first of a
    sentence, an acronym or a role of the template ("Project Manager")."""
    asked = {w.lower() for w in re.findall(r"[^\W\d_]+", question)}
    for sentence in split_sentences(passage):
        words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
        for word in words[1:]:
            low = word.lower()
            if word[0].isupper() and not word.isupper() and low not in asked and low not in _ROLE_WORDS:
                return True
    return False


_PERIOD_LABEL = re.compile(r"\b(?:19|20)\d\d\b|\b(?:year|yr|quarter|phase|q)\s*\d{1,2}\b", re.IGNORECASE)


NO_ANSWER = Answer(answer=NOT_FOUND, refused=True)


def _presumes_event(question: str) -> bool:
    return bool(profiles.rx(_premise()["why_event"]).search(question.lower()))


def _not_a_report(sentence: str) -> bool:
    """A recommendation ("Extend the project…") or a plan ("… will be held"), not what happened."""
    return bool(profiles.rx(_premise()["not_a_report"]).search(sentence.lower()))


def _premise() -> dict[str, str]:
    return dict(profiles.load("questions")["premise"])


_MARKED_HEADING = re.compile(r"^\s*(?:#+\s|\*\*.*\*\*\W*$|<b>.*</b>\W*$)")


def _heading(line: str, section: str) -> bool:
    """A heading line: its chunk's section, marked as one ("# …", "**…**"), or a few
    capitalised words without a verb's full stop or a figure ("Senior Suppliers")."""
    text = line.strip()
    if text == section.strip() or _MARKED_HEADING.match(text):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    short = 0 < len(text.split()) <= 8 and not re.search(r"[.;!?]$|\d", text)
    return short and sum(w[0].isupper() for w in words) >= max(1, len(words) - words.count("and") - words.count("of"))


def _header_row(row: int | None, cells: list[str]) -> bool:
    """A table's first row of three or more short cells, none a figure ("Impact (1-5)" is a
    column's name; "16" a value): its column names."""
    return row == 1 and len(cells) >= 3 and all(len(c.split()) <= 6 and not _FIGURE_CELL.fullmatch(c) for c in cells)


_FIGURE_CELL = re.compile(r"[\d\s.,%$()–-]*\d[\d\s.,%$()–-]*|[^()]*\d[\d,.]*\s*%?")


def _labels_only(cells: list[str]) -> bool:
    """Short labels and periods only ("Year", "Year 1 (2021)", "Q3"): a table's header cells,
    which state nothing."""
    return all(len(c.split()) <= 3 and not re.search(r"\d", _PERIOD_LABEL.sub("", c)) for c in cells)


def asks_for_number(question: str) -> bool:
    """ "How many …?", "what share …", "сколько …": the question asks for a figure."""
    return profiles.rx(str(profiles.load("questions")["asks_figure"])).search(question) is not None
