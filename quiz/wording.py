"""Every sentence the engine shows a reader, worded once.

The page and the command line both show these strings as the engine returns them, so a
translation later changes this module and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def join(names: Iterable[str]) -> str:
    items = list(names)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- a self-check --------------------------------------------------------------------

def scenario_number(number: int, total: int) -> str:
    """A scenario's place in the page or the round (the page's "round.place")."""
    return page_word("round.place", n=number, total=total)


def verdict(points: int, max_points: int, correct: bool) -> str:
    word = "Right" if correct else "Partly right" if points > 0 else "Not quite"
    return f"{word}: {points} of {plural(max_points, 'point')}."


def right_answer(labels: list[str], *, either: bool) -> str:
    """The whole right answer after a wrong or partial one; `either`: any one of them."""
    if not labels:
        return ""
    if len(labels) == 1:
        return f"The right answer: {labels[0]}."
    if either:
        return f"The right answers: {', '.join(labels[:-1])} or {labels[-1]}."
    return f"The right answer: {join(labels)}."


def score_line(score: int, max_score: int) -> str:
    return f"You scored {score} of {max_score}."


def answered_line(answered: int, total: int) -> str:
    left = total - answered
    return f"You answered {answered} of {total} questions" + (
        f"; {left} left unanswered." if left else ".")


def moves_line(right: int, answered: int) -> str:
    return f"Best move: right in {right} of {answered}." if answered else ""


def sign_counts(spotted: int, present: int, flagged_absent: int, untested: bool) -> str:
    if untested:
        return "not tested yet"
    extra = f", seen {flagged_absent}× where absent" if flagged_absent else ""  # noqa: RUF001
    return f"spotted {spotted} of {present}{extra}"


def sign_summary(name: str, spotted: int, present: int, flagged_absent: int,
                 status: str) -> str:
    lower = name.lower()
    if status == "untested":
        return f"Not tested yet: answer scenarios where {lower} may be present."
    sentences = []
    if present:
        sentences.append(f"You spotted {lower} in {spotted} of "
                         f"{plural(present, 'scenario')} where it was present.")
    if flagged_absent:
        sentences.append(f"You saw it in {plural(flagged_absent, 'scenario')} where it was not.")
    sentences.append("You see this sign well." if status == "strong" else f"Reread {name}.")
    return " ".join(sentences)


# Each kind of wrong move (quiz.scoring.mistake), as the summary names it.
MOVE_MISTAKES = {
    "walked_away_too_soon": "You chose to walk away in {n} where negotiating on, pausing or "
                            "accepting served you better.",
    "stayed_too_long": "You stayed at the table in {n} where walking away was wiser.",
    "accepted_too_soon": "You accepted the offer in {n} where negotiating on, pausing or "
                         "walking away served you better.",
    "missed_a_good_offer": "You stayed at the table in {n} where accepting the offer was "
                           "wiser.",
}


def profile_summary(strong: list[str], reread: list[str], mistakes: dict[str, int],
                    answered_moves: int) -> str:
    lines = []
    if strong:
        lines.append("You see " + join(n.lower() for n in strong) + " well.")
    if reread:
        lines.append("Reread " + join(n.lower() for n in reread) + ".")
    lines += [MOVE_MISTAKES[name].format(n=plural(count, "scenario"))
              for name, count in mistakes.items() if count]
    if not lines:
        lines.append("Answer more scenarios to test every sign." if answered_moves
                     else "Answer some scenarios to see your profile.")
    return " ".join(lines)


# --- an assessment ---------------------------------------------------------------------

def sign_weighs(name: str, answer: str, statement: str) -> str:
    return f"{name} weighs: you answered “{answer}” to “{statement}”"


def factor_answer(name: str, answer: str, statement: str) -> str:
    return f"{name}: you answered “{answer}” to “{statement}”"


def offer_not_below(answer: str, statement: str) -> str:
    return factor_answer("The offer is not below your alternative", answer, statement)


def factor_unanswered(name: str, statement: str) -> str:
    return f"{name}: you did not answer “{statement}”, so it counts as not sure"


def no_sign_weighs(disagreed: list[str], unsure: list[str], unanswered: list[str],
                   total: int) -> str:
    parts = [f"{wording} all four" if len(names) == total
             else f"{wording} {join(n.lower() for n in names)}"
             for wording, names in (("you disagreed with", disagreed),
                                    ("you were not sure of", unsure),
                                    ("you did not answer", unanswered)) if names]
    return "No sign weighs: " + "; ".join(parts) + "."


SIGNS_REASON_NAME = "The four signs"


def statements_unanswered(unanswered: int, total: int) -> str:
    if not unanswered:
        return ""
    return f"You left {unanswered} of {total} statements unanswered; they count as “not sure”."


# With no answer at all there is nothing to weigh: the engine asks for answers instead of
# recommending a move.
ANSWERS_NEEDED_LABEL = "No recommendation yet"
ANSWERS_NEEDED = ("You have not answered any statement, so there is nothing to base a "
                  "recommendation on. Answer the statements about the negotiation you are in "
                  "now, then ask for your recommendation again.")
ANSWERS_NEEDED_STEPS = (
    "Answer as many statements as you can; “Not sure” and “Neither agree nor disagree” "
    "are fine answers.",
    "Start with your best alternative and how the best offer compares with it: most "
    "recommendations rest on that comparison.",
)

DISCLAIMER = ("This is guidance, not professional advice. It was worked out on your own "
              "device; nothing you answered was sent anywhere.")

# --- the forms' summary button and results heading, per kind of bank --------------------

RESULTS_HEADING = "Your results"  # also the terminal's, for every kind
SELF_CHECK_SUMMARY = ("See my results", RESULTS_HEADING)
ASSESSMENT_SUMMARY = ("See my recommendation", "Your recommendation")


# --- practice rounds ---------------------------------------------------------------------

def trend(name: str, rounds: list[tuple[int, int]], false_alarms: int, mastered: bool) -> str:
    """One sign across rounds: "Diminishing returns: 1 of 3 → 3 of 3 (mastered)"."""
    steps = [f"{spotted} of {present}" for spotted, present in rounds if present]
    text = f"{name}: " + (" → ".join(steps) if steps else "not practised yet")
    if false_alarms:
        text += f"; ticked where absent {plural(false_alarms, 'time')}"
    return text + (" (mastered)" if mastered else "")


def mastery(streak: int) -> str:
    where = "the last scenario" if streak == 1 else f"each of the last {streak} scenarios"
    return (f"A sign counts as mastered when you spot it in {where} where it is present, "
            "without ticking it anywhere it is absent since.")


def rounds_overall(rounds: int, signs: int, mastered: list[str], focus: list[str]) -> str:
    if not rounds:
        return "Play a round to see how well you spot each sign."
    lines = [f"{plural(rounds, 'round')} played."]
    if mastered:
        lines.append(f"You have mastered {join(n.lower() for n in mastered)}.")
    if focus:
        lines.append(f"Practise next: {join(n.lower() for n in focus)}.")
    elif len(mastered) == signs:
        lines.append("Every sign is mastered: keep practising to stay sharp.")
    else:
        lines.append("No sign stands out as weak: the next round brings new scenarios.")
    return " ".join(lines)


# --- the page's own words ------------------------------------------------------------------
# Every word the page scripts show (docs/assets/javascripts/), by key. {name} marks a value
# the script fills in. A sentence that depends on a count is a dict of forms by CLDR plural
# category ("one", "other", ...): Python picks one with `plural_category`, the page with
# the browser's Intl.PluralRules for the page's language, so no plural rule is written in
# JavaScript. The build writes this dict into every page as one JSON block,
# <script id="__words" type="application/json"> (overrides/walk_away/words.py), and the
# scripts read it through one function, word(key, values) in quiz-words.js. Buttons the
# build renders (quiz.render, quiz.html, quiz.self_check) take the same words, so one
# action has one word wherever it is shown.

PAGE: dict[str, str | dict[str, str]] = {
    # Python in the browser: the quiz's status line.
    "status.loading": "Loading Python to score your answers. You can start answering "
                      "meanwhile.",
    "status.downloading": "Downloading Python (about {size} MB, once): {percent} %.",
    "status.starting": "Starting Python…",
    "status.ready": "Ready: your answers are scored by Python in this browser. Nothing is "
                    "sent anywhere.",
    "status.failed": "Python could not start in this browser ({reason}). Your answers are "
                     "kept on this device.",
    "status.unknown": "an unknown problem",
    # Why Python could not start: the reason in "status.failed" (quiz-engine.js, the worker).
    "failure.stalled": "the download stopped: nothing arrived for {seconds} s",
    "failure.slow": "it took too long to start",
    "failure.no-wasm": "this browser does not support WebAssembly",
    "failure.no-worker": "the Python worker could not be loaded",
    "failure.worker-stopped": "the Python worker is not running",
    "failure.out-of-turn": "the Python worker answered out of turn",
    "failure.download": "{file} could not be downloaded ({status})",
    "status.cleared": "Your answers were cleared.",
    # Actions: one word for one action, on every button that does it.
    "action.retry": "Try again",
    "action.start-over": "Start over",
    "action.check": "Check",
    "action.previous": "Previous",
    "action.next": "Next",
    "action.print": "Print or save as PDF",
    "action.next-round": "Practise my weak signs",
    "action.clear-history": "Clear my practice history",
    # Checking one answer, and scoring all of them.
    "check.choose": "Choose an answer first, then check it.",
    "check.busy": "Checking…",
    "check.unavailable": "This answer can't be checked until Python has started; your "
                         "answer is kept.",
    "results.busy": "Scoring your answers…",
    "results.unavailable": "Your results can't be shown until Python has started; your "
                           "answers are kept.",
    "results.refused": "These answers could not be scored: {reason}. Python is running and "
                       "your answers are kept: change an answer and try again.",
    # The results' headings and links.
    "results.profile": "How well you spot each sign",
    "results.reread": "What to reread",
    "results.why": "Why",
    "results.next-steps": "What to do next",
    "read": "Read:",
    "read.more": "Read more:",
    # Practice rounds.
    "round.place": "Scenario {n} of {total}",
    "round.trends": "Each sign across your rounds",
    "round.unavailable": "The next round can't be chosen until Python has started.",
    "round.history-cleared": {
        "one": "Your practice history in this browser was cleared: {count} round.",
        "other": "Your practice history in this browser was cleared: {count} rounds.",
    },
}


def plural_category(count: int) -> str:
    """English's CLDR plural rule; the page asks Intl.PluralRules for its language's."""
    return "one" if count == 1 else "other"


def page_word(key: str, **values: object) -> str:
    """One of the page's words, as the page script's word(key, values) gives it."""
    entry = PAGE[key]
    if isinstance(entry, dict):
        count = values["count"]
        assert isinstance(count, int)
        entry = entry.get(plural_category(count), entry["other"])
    return entry.format(**values) if values else entry


READ = page_word("read")  # before a link to the guide, on the page and in the terminal

# The theme's own words (our templates in overrides/theme/): rendered into the HTML at
# build time and never asked for by a script, so they stay out of the page's JSON block.
# A template shows one with word("key", name=value) (a Jinja global given by the
# walk-away/words plugin, and by walk-away/links to the partials it renders), which looks
# here, then in PAGE: "Read:" before a link is one word wherever it is shown.
THEME: dict[str, str] = {
    # The "Learn more" links after a quiz's results (partials/learn-more.html).
    "learn-more": "Learn more",
    "learn-more.watch": "Watch:",
    # The click-to-load video player (partials/video-player.html).
    "video.play": "Play video",
    "video.note": "Playing the video loads it from YouTube (youtube-nocookie.com), which can "
                  "see your IP address; nothing is loaded before you press Play. Or {link}.",
    "video.watch": "watch it on YouTube",
    # Comments on request (partials/comments.html).
    "comments": "Comments",
    "comments.service": "Giscus",
    "comments.privacy": "Comments are hosted by {service}, a third-party service that keeps "
                        "them as GitHub Discussions. To protect your privacy, nothing is "
                        "loaded from it until you ask: showing the comments connects your "
                        "browser to giscus.app and GitHub, which can see your IP address "
                        "and, if you sign in to comment, your GitHub account.",
    "comments.show": "Show comments",
    "comments.noscript": "Showing the comments needs JavaScript.",
    # The footer (partials/copyright.html).
    "footer.suggest-topic": "Suggest a topic",
    "footer.instructors": "For instructors",
    "footer.made-with": "Made with {link}",
    "footer.material": "Material for MkDocs",
}


def theme_word(key: str, **values: str) -> str:
    """A template's word (THEME's, else PAGE's), as HTML: the word's text escaped, each
    {name} filled with `values[name]` as given (HTML the template made, its own parts
    escaped as it escapes everything it inserts)."""
    from html import escape  # here: build time only (the browser's Python has no html)

    entry = THEME[key] if key in THEME else PAGE[key]
    if not isinstance(entry, str):
        raise TypeError(f"{key} has plural forms: a template has no count to pick one")
    text = escape(entry)
    return text.format(**values) if values else text

NOSCRIPT = ("This is scored by Python in your browser and needs JavaScript. You can also "
            "take it in a terminal: {command}.")


def check_target(prompt: str, *, title: str | None = None, number: int = 0) -> str:
    """What a Check button checks, for screen readers: the question and its scenario
    (by title in rounds, where a scenario's number changes)."""
    where = f"“{title}”" if title is not None else f"scenario {number}"
    return f"your answer to “{prompt}” in {where}"
