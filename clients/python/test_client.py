"""The Python client against the built service, over one open pipe (issue 16).

    python3 clients/python/test_client.py target/debug/examples/integrate_json

Checks an application, runs a round from one document, opens the funded project from that
round's output, records a payment, refuses a travel payment, and answers a line that is not
UTF-8 without ending the stream. Exits 0 when every check holds.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from skill_grants_client import Client, ServiceError  # noqa: E402

REPORT = {
    "procedure": "单位申报、旗区初评、公示后上报",
    "methods": "材料审查与现场评审相结合",
    "expert_composition": "技工院校、企业专家五人",
}

APPLICATION = {
    "id": "A-B-09",
    "kind": "training_base",
    "unit": {
        "id": "U-DLT-01",
        "name": "达拉特旗某职业技术学校",
        "kind": "technical_school",
        "seat": {"banner": "dalad_banner"},
        "independent_legal_person": True,
        "projects": [{
            "id": "2022-B-01", "kind": "training_base", "released_on": "2022-07-01",
            "closed_on": "2023-07-01", "accepted_on": "2023-07-01",
            "rated_effective": True, "revoked": False,
        }],
    },
    "reference_date": "2025-06-30",
    "specialties": ["焊工"],
    "lead": None,
}

ROUND = {
    "setup": {
        "year": 2023,
        "reference_date": "2023-07-01",
        "places": {"year": 2023, "training_bases": 0, "studios": 1},
        "quotas": [{"recommender": {"banner": "otog_banner"}, "kind": "studio", "places": 1}],
        "balances": {"employment_subsidy": "30000.00", "talent_special": "50000.00"},
    },
    "recommendations": [{
        "recommender": {"banner": "otog_banner"},
        "kind": "studio",
        "report": REPORT,
        "candidates": [{
            "id": "S-3",
            "kind": "studio",
            "unit": {
                "id": "U-3", "name": "鄂托克旗某冶金企业", "kind": "key_enterprise",
                "seat": {"banner": "otog_banner"}, "independent_legal_person": True,
            },
            "reference_date": "2023-07-01",
            "specialties": [],
            "lead": {"id": "P-S-3", "name": "赵某", "honours": ["region_technical_expert"]},
        }],
    }],
    "review": {
        "experts": [{"name": "张某", "affiliation": "市某技工学校"},
                    {"name": "李某", "affiliation": "某能源企业"}],
        "scores": [{"application": "S-3", "score": "88.5"}],
    },
    "notice": {"starts_on": "2023-09-04",
               "calendar": {"holidays": [], "worked_weekend_days": []}},
    "objections": [],
    "release_on": "2023-09-18",
}


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what)


def main(binary):
    with Client([binary], timeout=30.0) as service:
        # 1. An application: the decision, its findings, its text in English.
        decision = service.request("check", application=APPLICATION, lang="en")
        check(decision["type"] == "decision" and decision["eligible"] is False,
              "A-B-09 is not eligible (3.4: reapplication one day short)")
        check(decision["eligible_from"] == "2025-07-01", "it may apply from 2025-07-01")
        failed = [f["rule"] for f in decision["decision"]["findings"] if f["outcome"] == "failed"]
        check(failed == ["reapplication"], "the failed finding is reapplication: %s" % failed)
        check("3.4" in decision["text"], "the English text cites clause 3.4")

        # 2. A whole round from one document.
        outcome = service.request("run_round", run=ROUND)["outcome"]
        check(outcome["stage"] == "final", "the 2023 round is final")
        projects = outcome["projects"]
        check(len(projects) == 1 and projects[0]["id"] == "2023-ST-01",
              "one studio funded: %s" % [p["id"] for p in projects])

        # 3. The funded project, exactly as the round's output lists it.
        funded = projects[0]
        opened = service.request("open_funded", funded=funded)
        check(opened["type"] == "events" and opened["events"][0]["seq"] == 1,
              "the funded project is open")

        # 4. A payment recorded, and a travel payment refused (6.2).
        unit = {"unit": funded["unit"]}
        paid = service.request("command", project=funded["id"], command={
            "by": unit, "on": "2023-10-09",
            "action": {"action": "pay",
                       "spend": {"category": "training_supplies", "amount": "8000.00"}}})
        check(paid["events"][0]["event"]["change"]["event"] == "paid", "a payment recorded")
        check(paid["head"]["seq"] == 2, "the head is at seq 2")
        try:
            service.request("command", project=funded["id"], command={
                "by": unit, "on": "2023-10-10",
                "action": {"action": "pay",
                           "spend": {"category": "travel", "amount": "800.00"}}})
            raise AssertionError("travel was paid")
        except ServiceError as e:
            check(e.code == "refused" and e.clause == "6.2", "travel refused under 6.2")
        state = service.request("state", project=funded["id"])
        check(state["state"]["ledger"]["balance"] == "42000.00", "the balance is 42000.00")

        # 5. A line that is not UTF-8 gets an error, and the stream goes on.
        service.send_raw(b'{"type":"policy","id":"\xff"}\n')
        bad = service.answer()
        check(bad["type"] == "error" and bad["error"]["code"] == "not_utf8", "not UTF-8 answered")
        log = service.request("log", project=funded["id"])
        check(len(log["events"]) == 2, "the log holds the start and the payment")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_client.py PATH/TO/integrate_json", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
