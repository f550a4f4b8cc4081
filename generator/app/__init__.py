"""The ways in: the command line, pyproject configuration (-> pipeline.Plan), the hatch build
hook, the checks on what a run will create. See ARCHITECTURE.md.
"""
