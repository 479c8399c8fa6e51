"""Times the reports' background jobs on a generated event (docs/benchmarks.md, "Background jobs").

`xlsx` and `pdf` are the meetings spreadsheet and every agenda in one PDF: each is asked for
with `request_job` (what the button's POST does) and run in this process with `run_job` (what a
worker does). `csv` is the meetings CSV, which stays in the request: it is streamed, so the time
to its first meeting row is what a person waits for. Each run is the lead organiser's (the
whole event); the job and its file are deleted afterwards.

It needs a migrated database holding the event (`matchfair manage generate_load_event`); run one
kind a process, so the peak memory is that kind's:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/matchfair_load python benchmarks/jobs.py xlsx
"""

import argparse
import os
import resource
import sys
import time


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["xlsx", "pdf", "csv"])
    parser.add_argument("--event", default="load-expo", help="the event's short name")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.settings")
    import django

    django.setup()
    from matchfair.celery import app
    from matchfair.events.models import Event
    from matchfair.jobs.domain import request_job, run_job
    from matchfair.reports import jobs
    from matchfair.reports.domain import exports

    event = Event.objects.get(slug=args.event)
    lead = event.organisers.get(is_lead=True).staff.order_by("pk").first()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    started, cpu = time.perf_counter(), cpu_seconds()
    if args.kind == "csv":
        lines = size = 0
        first = None
        for line in exports.csv_lines(exports.meeting_rows(event), exports.meeting_headers()):
            lines += 1
            if lines == 3:  # the byte-order mark, the header, then the first meeting
                first = time.perf_counter() - started
            size += len(line.encode())
        print(
            f"csv: first meeting row {first or 0:.1f} s, all {time.perf_counter() - started:.1f} s"
            f" wall, {cpu_seconds() - cpu:.1f} s CPU, {lines - 2} rows, {size:,} bytes,"
            f" load average before {load}"
        )
        return 0
    app.conf.task_always_eager = False  # the task waits in the in-memory broker; we run it here
    kind = {"xlsx": jobs.MEETINGS_XLSX, "pdf": jobs.AGENDAS_PDF}[args.kind]
    job = request_job(kind=kind, event=event, by=lead, params=jobs.scope_params(lead, event))
    asked = time.perf_counter() - started
    done = run_job(job.pk)
    if done is None:
        print(f"job {job.pk} was not queued (another run has it): {job.status}", file=sys.stderr)
        return 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{args.kind}: request_job {asked:.2f} s, job {done.seconds or 0:.1f} s wall,"
        f" {cpu_seconds() - cpu:.1f} s CPU, {done.status} {done.progress_done:,}/"
        f"{done.progress_total:,}, {done.result_size:,} bytes, peak RSS {peak} MiB,"
        f" load average before {load} {done.error}"
    )
    done.delete()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
