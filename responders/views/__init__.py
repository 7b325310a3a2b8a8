"""Tables and figures for the dashboard (the only package importing pandas); French headers."""
