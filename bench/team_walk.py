"""How many user actions a complete first plan takes on the team page, walked in Chromium.

A complete first plan: every task has an owner, or is outsourced, or is not applicable. The
walks act as a user would and count each action: a click, a value typed into a field, a choice
in a list (one action, although a mouse opens the list first), a box ticked. The school is a
secondary school of about 900 pupils with six people for ICT (TEAM below).

- one by one: add the six people with their roles, then pick an owner for every task, one task
  at a time (outsourcing a task nobody on the team fits, with the partner's name). This is the
  only way on the page before the role proposal and the bulk actions (issue 14), and it only
  uses what that page had, so it can be run against an older build.
- from roles: add the six people with their roles, let the planner propose owners from the
  roles, accept the proposal, then outsource every task still without an owner (if any) in one
  bulk change.
- from a starter team: start from the starter team closest to the school and rename its
  placeholder members.

`python bench/team_walk.py URL` walks a served team page (for example an older build) and prints
the counts; `make bench` gets them through bench/team_page.py.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

# The school's six people and their roles (role ids of content/roles.yaml)
TEAM = (
    ("Ann", 300, ("ict-coordinator", "ict-policy-officer", "pedagogical-ict-coordinator")),
    ("Jan", 600, ("technician", "technical-ict-coordinator", "network-administrator", "helpdesk")),
    ("Sofie", 150, ("learning-platform-manager", "media-coach")),
    ("Karim", 100, ("school-leadership", "ict-policy-cell", "governing-body")),
    ("Lotte", 120, ("administrative-staff", "information-security-contact")),
    ("Wout", 80, ("local-ict-contact", "social-media-coordinator", "web-manager")),
)
PARTNER = "Scholengroep"
STARTER = "team-large-secondary"


@dataclass
class Walk:
    """A page and the count of what the user did on it."""

    page: object
    actions: int = 0
    log: list[str] = field(default_factory=list)

    def act(self, what: str) -> None:
        self.actions += 1
        self.log.append(what)

    def click(self, selector: str) -> None:
        self.page.locator(selector).first.click()
        self.act(f"click {selector}")

    def fill(self, selector: str, text: str) -> None:
        self.page.locator(selector).first.fill(text)
        self.act(f"type {text!r}")

    def choose(self, selector: str, value: str) -> None:
        self.page.locator(selector).first.select_option(value)
        self.act(f"choose {value}")

    def tick(self, selector: str) -> None:
        self.page.locator(selector).first.check()
        self.act(f"tick {selector}")


def open_page(page: object, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#team-app:not([hidden])")


def add_team(walk: Walk) -> list[str]:
    """Add TEAM with their hours and roles; return the members' ids."""
    page = walk.page
    for name, hours, _ in TEAM:
        walk.fill("#team-member-form input[name=name]", name)
        walk.fill("#team-member-form input[name=hours]", str(hours))
        walk.click("#team-member-form button[type=submit]")
    ids = page.eval_on_selector_all("#team-member-list [data-member]",
                                    "els => els.map(e => e.dataset.member)")
    for member_id, (_, _, roles) in zip(ids, TEAM, strict=True):
        walk.click(f'[data-member="{member_id}"] .team-roles summary')
        for role in roles:
            walk.tick(f'[data-member="{member_id}"] [data-mfield=role][value="{role}"]')
    return ids


def task_roles(page: object) -> list[tuple[str, list[str]]]:
    data = page.evaluate("JSON.parse(document.getElementById('team-data').textContent)")
    return [(task["id"], task["roles"]) for task in data["tasks"]]


def one_by_one(page: object, url: str) -> Walk:
    walk = Walk(page)
    open_page(page, url)
    ids = add_team(walk)
    for task_id, roles in task_roles(page):
        owner = next((member_id for role in roles for member_id, (_, _, held) in zip(ids, TEAM, strict=True)
                      if role in held), None)
        select = f"#task-{task_id} [data-field=who]"
        page.locator(select).focus()
        if owner:
            walk.choose(select, owner)
        else:
            walk.choose(select, "mode:outsourced")
            walk.fill(f"#task-{task_id} [data-field=partner]", PARTNER)
            page.locator(f"#task-{task_id} [data-field=partner]").press("Tab")
    return walk


def from_roles(page: object, url: str) -> Walk:
    walk = Walk(page)
    open_page(page, url)
    add_team(walk)
    walk.click('[data-action="propose"]')
    walk.click('[data-action="proposal-accept"]')
    if not unfinished(page):
        return walk
    walk.tick("#team-filter-unassigned")
    walk.click('[data-action="select-shown"]')
    walk.choose("#team-bulk-who", "mode:outsourced")
    walk.fill("#team-bulk-partner", PARTNER)
    walk.click('[data-action="bulk-apply"]')
    return walk


def from_starter(page: object, url: str) -> Walk:
    walk = Walk(page)
    open_page(page, url)
    walk.choose("#team-starter", STARTER)
    walk.click('[data-action="starter-start"]')
    page.wait_for_selector("#team-member-list [data-member]")
    fields = page.locator("#team-member-list [data-mfield=name]")
    for index in range(fields.count()):
        walk.fill(f"#team-member-list li:nth-child({index + 1}) [data-mfield=name]", f"Persoon {index + 1}")
        page.keyboard.press("Tab")
    return walk


def unfinished(page: object) -> list[str]:
    """Tasks of the plan on screen that still have no owner and are not outsourced or n/a."""
    return page.evaluate("""() => [...document.querySelectorAll('.team-task')]
        .filter((row) => row.querySelector('[data-field=who]').value === '')
        .map((row) => row.dataset.task)""")


WALKS = {"one by one": one_by_one, "from roles": from_roles, "from a starter team": from_starter}


def count(chromium_path: str, url: str, names: tuple[str, ...] = tuple(WALKS)) -> dict[str, int]:
    """The number of actions each walk took; a walk that leaves a task undecided fails."""
    from playwright.sync_api import sync_playwright

    counts = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        for name in names:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            walk = WALKS[name](page, url)
            left = unfinished(page)
            if left:
                raise RuntimeError(f"the walk '{name}' left {len(left)} tasks without an owner: {left[:5]}")
            counts[name] = walk.actions
            context.close()
        browser.close()
    return counts


if __name__ == "__main__":
    chosen = tuple(sys.argv[2:]) or tuple(WALKS)
    for name, actions in count("/usr/bin/chromium", sys.argv[1], chosen).items():
        print(f"{name:<24} {actions:4d} actions")
