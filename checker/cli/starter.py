"""The commented plancheck.toml that ``plancheck init`` writes.

Every key is present and commented out, so the file is valid as written (it
changes nothing) and a reader sees every setting in one place. Tables come
last, so that uncommenting any line keeps the file valid TOML. Tests check
that each Settings field appears here and that the uncommented file loads.
"""

from __future__ import annotations

STARTER = """\
# plancheck.toml: settings for plancheck, the action-plan linter.
# plancheck uses the nearest plancheck.toml, .plancheck.toml or pyproject.toml
# ([tool.plancheck]) above each plan it lints; flags on the command line win.
# Every key is commented out: the defaults hold until you uncomment a line.
# 'plancheck rules' lists the rule codes; 'plancheck rule CODE' explains one.

# Which rules run: codes (PC-S001), prefixes (PC-S) or criterion letters
# (O T S M R A, and P for the plan as a whole). The most specific match wins.
# select = ["ALL"]
# ignore = []
# extend_select = []

# Files and folders that folder and glob expansion skips (relative to this file;
# a plan named on the command line is still read).
# exclude = ["archive/", "*.yml"]

# The gate: when 'plancheck lint' exits 1.
# fail_on = "error"          # "error", "warning" or "info"
# fail_under = 70            # fail when a plan scores under this (0-100)

# Targets further than this after submission need interim steps (PC-T006).
# horizon_months = 24

# More rule packs (folders of rule files), relative to this file.
# packs = ["rules-local"]

# A trained spaCy pipeline, if one is installed (plancheck never downloads one).
# pipeline = "en_core_web_sm"

# Plans larger than this many bytes are refused.
# max_file_size = 20971520

# Plans with more lines of text (or Word table rows) than this are refused.
# max_lines = 10000

# Where results are cached, relative to this file (default: the user's cache folder).
# cache_dir = ".plancheck_cache"

# Output: "text", "json", "sarif", "github", "junit", "gitlab", "csv" or "html"; colour in
# the text report: "auto" (only on a terminal), "always" or "never".
# format = "text"
# color = "auto"

# Column headings plancheck does not know, and the role to read them as: ref, concern,
# category, action, owner, target, status (kept, never read as actions or dates), other.
# 'plancheck parse PLAN' shows the role each heading was given.
# [columns]
# "Milestone" = "action"

# Rules to skip in some files only (glob -> codes).
# [per_file_ignores]
# "archive/*.txt" = ["PC-T005"]

# A finding taken out for one recommendation (and action), with its reason, which the
# report shows; one that matches nothing is itself reported (PC-P010). In a Word plan a
# comment on the action does the same: "plancheck: ignore PC-T003 — the reason".
# [[suppress]]
# codes = ["PC-T003"]
# recommendation = "4"
# action = "Monthly housing surgery"
# reason = "the councils set the date in their own housing plan"

# The severity of a rule: "error", "warning" or "info".
# [severity]
# "PC-S007" = "info"

# Weights in the score: a rule code, or a criterion letter for all its rules.
# [weights]
# "PC-S001" = 3
# "M" = 2

# Options for one rule, by code or name; 'plancheck rule NAME' lists what a rule takes.
# Here: more vague commitments, and more owners that are really groups.
# [rules.vague-commitment]
# extend = ["scope out", "revisit"]
# [rules.collective-owner]
# extend = ["the wing team"]
"""
