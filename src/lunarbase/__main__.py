"""``python -m lunarbase`` runs the command line."""

from lunarbase.cli import main

main()
