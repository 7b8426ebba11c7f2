"""Entry point module: the hook implementations govlint calls."""

from govlint.hookspecs import hookimpl


@hookimpl
def govlint_rules():
    from govlint_example.rules import ContactMissing

    return [ContactMissing]
