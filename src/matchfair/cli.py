"""The `matchfair` command: run the demo, serve the site, use the engines, or reach Django's commands."""

import argparse
import os
import sys


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.settings")
    import django  # noqa: PLC0415 (slow import)

    django.setup()


def manage(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.settings")
    from django.core.management import execute_from_command_line  # noqa: PLC0415 (slow import)

    execute_from_command_line(["matchfair manage", *argv])
    return 0


def serve(host: str, port: int, workers: int) -> int:
    _django()
    from django.core.management import call_command  # noqa: PLC0415 (slow import)

    call_command("migrate", interactive=False, verbosity=0)
    bind = f"{host}:{port}"
    print(f"Serving Matchfair on http://{bind}/ (Ctrl+C stops it)", flush=True)
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "matchfair.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        "--logger-class",
        "matchfair.access_log.RedactingLogger",
        # gunicorn's control socket sits at one path per user: a second server (a demo beside
        # a deployment) would take it from the first, as in the deployment's units.
        "--no-control-socket",
    ]
    os.execv(sys.executable, gunicorn)
    return 0  # not reached: execv replaces this process


def demo(args: argparse.Namespace) -> int:
    _django()
    from django.conf import settings  # noqa: PLC0415 (slow import)
    from django.core.management import call_command  # noqa: PLC0415 (slow import)

    from matchfair.demo.loader import load_demo  # noqa: PLC0415 (app registry)

    if settings.PRODUCTION:  # before migrate: nothing is written to a production database
        print(
            "matchfair demo: refused with MATCHFAIR_PRODUCTION on; the demo creates accounts "
            "with published passwords.",
            file=sys.stderr,
        )
        return 2
    call_command("migrate", interactive=False, verbosity=0)
    summary = load_demo(reset=args.reset, time_limit=args.time_limit)
    print(summary.describe(host=args.host, port=args.port), flush=True)
    if args.no_serve:
        return 0
    return serve(args.host, args.port, args.workers)


def main(argv: list[str] | None = None) -> int:
    from_shell = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    # Engine commands hand their own arguments to the engine's parser, unchanged.
    if argv and argv[0] == "schedule":
        from matchfair.scheduling.cli import main as schedule_main  # noqa: PLC0415 (slow import)
        from matchfair.scheduling.cli import since_start  # noqa: PLC0415 (slow import)

        # From the shell, the time limit counts from the start of the process.
        return schedule_main(argv[1:], spent=since_start() if from_shell else 0.0)
    if argv and argv[0] == "recommend":
        from matchfair.recommend.cli import main as recommend_main  # noqa: PLC0415 (slow import)

        return recommend_main(argv[1:])
    if argv and argv[0] == "plan-visits":
        from matchfair.routing.cli import main as plan_visits_main  # noqa: PLC0415 (slow import)

        return plan_visits_main(argv[1:])
    if argv and argv[0] == "build-consortium":
        from matchfair.consortia.cli import main as consortium_main  # noqa: PLC0415 (slow import)

        return consortium_main(argv[1:])
    if argv and argv[0] == "tally":
        from matchfair.voting.cli import main as tally_main  # noqa: PLC0415 (slow import)

        return tally_main(argv[1:])
    if argv and argv[0] == "verify-election":
        from matchfair.assembly.record import main as verify_main  # noqa: PLC0415 (slow import)

        return verify_main(argv[1:])
    if argv and argv[0] == "manage":
        return manage(argv[1:])

    parser = argparse.ArgumentParser(prog="matchfair", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser(
        "demo", help="load the Smart City Expo demo, solve it and serve it"
    )
    demo_parser.add_argument(
        "--reset", action="store_true", help="delete the demo event and load it anew"
    )
    demo_parser.add_argument("--no-serve", action="store_true", help="load and solve only")
    demo_parser.add_argument(
        "--time-limit", type=float, default=15.0, help="seconds for the optimiser"
    )
    for sub in (demo_parser, commands.add_parser("serve", help="serve the site with gunicorn")):
        sub.add_argument("--host", default="127.0.0.1")
        sub.add_argument("--port", type=int, default=8000)
        sub.add_argument("--workers", type=int, default=2)
    commands.add_parser(
        "schedule", help="solve a matchfair-schedule/1 instance (see docs/scheduling.md)"
    )
    commands.add_parser(
        "recommend",
        help="recommend partners from a matchfair-profiles/1 file (see docs/recommend.md)",
    )
    commands.add_parser(
        "plan-visits", help="plan expo visits from a matchfair-visits/1 file (see docs/routing.md)"
    )
    commands.add_parser(
        "build-consortium",
        help="propose a consortium for a funding call from a matchfair-consortium-request/1 "
        "file (see docs/funding.md)",
    )
    commands.add_parser(
        "tally", help="count ballots (matchfair-ballots/1 or BLT) with rounds (see docs/voting.md)"
    )
    commands.add_parser(
        "verify-election",
        help="recompute an election record's trackers, chain and result (see docs/assembly.md)",
    )
    commands.add_parser("manage", help="run one of Django's management commands")
    args = parser.parse_args(argv)
    if args.command == "demo":
        return demo(args)
    return serve(args.host, args.port, args.workers)


if __name__ == "__main__":
    sys.exit(main())
