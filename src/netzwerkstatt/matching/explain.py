"""English sentences for the parts of a score. The Django layer renders translated sentences from
the same part keys and data; this is the reference wording (and what tests and benchmarks use)."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netzwerkstatt.matching.engine import Part


def _listing(items: Iterable[str]) -> str:
    return ", ".join(items)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def explain_en(
    part: "Part", first: str = "the first group", second: str = "the second group"
) -> str:
    """One English sentence for a part (the Django layer renders translated ones from the same
    key and data). ``first`` and ``second`` name the left and the right group."""
    d = part.data
    if part.key == "themes":
        if not d["shared"]:
            return "They share none of their themes."
        return f"They share {len(d['shared'])} of {d['named']} themes: {_listing(d['shared'])}."
    if part.key == "complementarity":
        said = []
        if d["left_meets"]:
            n, of, what = len(d["left_meets"]), d["right_seeks"], _listing(d["left_meets"])
            said.append(f"{first} offers {n} of the {of} things {second} seeks ({what})")
        if d["right_meets"]:
            n, of, what = len(d["right_meets"]), d["left_seeks"], _listing(d["right_meets"])
            said.append(f"{second} offers {n} of the {of} things {first} seeks ({what})")
        if not said:
            return "Neither offers anything the other seeks."
        return _sentence("; ".join(said) + ".")
    if part.key == "kinds":
        said = []
        if d["only_left"]:
            said.append(f"{first} brings {_listing(d['only_left'])}")
        if d["only_right"]:
            said.append(f"{second} brings {_listing(d['only_right'])}")
        if not said:
            if d["shared"]:
                return f"Both bring the same kinds of organisation ({_listing(d['shared'])})."
            return "Neither names the kinds of its organisations."
        return _sentence("; ".join(said) + " (complementary kinds of organisation).")
    if part.key == "sector_mix":
        if part.value:
            return "Together they combine public and private organisations."
        if d["together"]:
            return f"Together they are {_listing(d['together'])} only."
        return "Neither says whether its organisations are public or private."
    if part.key == "regions":
        lr, rr = d["left_region"], d["right_region"]
        if d["left_prefers_right"] and d["right_prefers_left"]:
            return f"Each prefers the other's region ({rr} and {lr})."
        if d["left_prefers_right"]:
            return _sentence(f"{first} prefers {second}'s region ({rr}).")
        if d["right_prefers_left"]:
            return _sentence(f"{second} prefers {first}'s region ({lr}).")
        return "Neither names the other's region among its preferred regions."
    if part.key == "languages":
        if d["common"]:
            return f"They can work together in {_listing(d['common'])}."
        return "They have no working language in common."
    if part.key == "text":
        if not d["measurable"]:
            return (
                "The similarity of their descriptions cannot be measured (a description is "
                "missing); its weight is shared among the other parts."
            )
        sentence = f"Their descriptions are {part.value:.0%} similar (shared letter sequences)"
        if d["common_terms"]:
            sentence += f"; common terms: {_listing(d['common_terms'])}"
        return sentence + "."
    raise ValueError(f"unknown part {part.key!r}")
