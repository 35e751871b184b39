#!/usr/bin/env python3
"""What one measured run cost the server's JVM, from a JFR recording made with run-costs.jfc.

    run-costs.py JFR_TOOL RECORDING

Prints one tab-separated line: collections, their summed pauses (ms), the longest pause (ms), the bytes the
JVM's threads allocated during the recording, and the heap in use after the last collection (bytes; 0 if none).

Allocation: JFR writes each thread's allocated-bytes counter when the recording starts and when it ends
(jdk.ThreadAllocationStatistics, "everyChunk"). A thread seen at both ends counts the difference; a thread that
started during the run counts all of its counter; one that ended during the run is missed (the servers' request
threads are pooled, so none is expected to).
"""
import json
import re
import subprocess
import sys


def seconds(duration):
    # JSON durations are ISO-8601: PT0.020184944S, PT1M2.5S
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", duration)
    hours, minutes, secs = (float(g) if g else 0.0 for g in match.groups())
    return hours * 3600 + minutes * 60 + secs


def main(jfr, recording):
    printed = subprocess.run(
        [jfr, "print", "--json", "--events",
         "jdk.GarbageCollection,jdk.ThreadAllocationStatistics,jdk.GCHeapSummary", recording],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(printed)["recording"]["events"]
    pauses = [seconds(e["values"]["sumOfPauses"]) for e in events if e["type"] == "jdk.GarbageCollection"]
    longest = [seconds(e["values"]["longestPause"]) for e in events if e["type"] == "jdk.GarbageCollection"]
    after = [e["values"] for e in events
             if e["type"] == "jdk.GCHeapSummary" and e["values"]["when"] == "After GC"]
    heap_after = max(after, key=lambda v: v["gcId"])["heapUsed"] if after else 0

    samples = [e["values"] for e in events if e["type"] == "jdk.ThreadAllocationStatistics"]
    times = sorted({s["startTime"] for s in samples})
    first_time = times[0] if times else None
    by_thread = {}
    for s in samples:
        by_thread.setdefault(s["thread"]["javaThreadId"], []).append((s["startTime"], s["allocated"]))
    allocated = 0
    for counts in by_thread.values():
        counts.sort()
        if counts[0][0] == first_time:
            allocated += counts[-1][1] - counts[0][1]
        else:
            allocated += counts[-1][1]
    print(f"{len(pauses)}\t{sum(pauses) * 1000:.1f}\t{max(longest, default=0) * 1000:.1f}\t{allocated}\t{heap_after}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
