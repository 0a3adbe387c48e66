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

# A scenario's place in the page or the round; the page script fills it in for later
# rounds, so it is a template ({n}, {total}) as well as a function.
SCENARIO_NUMBER = "Scenario {n} of {total}"


def scenario_number(number: int, total: int) -> str:
    return SCENARIO_NUMBER.format(n=number, total=total)


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

SELF_CHECK_SUMMARY = ("See my results", "Your results")
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
