# The bench's table: medians over runs of each scenario and server, the ratios, and the targets of issues 5 and 13.
# Input: rss.tsv (run, service VmHWM in kB), then raw.tsv (run, scenario, server, rps, p50, p99, errors,
# requests, the server's CPU ms during the measurement), then shed.tsv (run, variant, answers/s, accepted/s,
# refused %, accepted p50 and p99, refused p99, other answers, answers, RSS before in kB, peak RSS during in kB),
# then backup.tsv (run, import or export, cards, seconds, the service's CPU ms, RSS before in kB, peak RSS during in kB).
# Variables: main (the main user's contact count), hash_ms, iterations, shed_connections, cards.

function median(list,    n, v, i, j, t) {
  n = split(list, v, " ")
  for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
  return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
function rps(s, server) { return median(rate[s, server]) }
function p50(s, server) { return median(lat50[s, server]) }
function p99(s, server) { return median(lat99[s, server]) }
function cpu(s, server) { return median(cpureq[s, server]) }
function ratio(a, b) { return b > 0 ? a / b : -1 }
function check(ok, text) { printf "  %-7s %s\n", ok ? "met" : "MISSED", text }

FNR == NR { rss = rss " " $2; next }
FNR == 1 { next }
FILENAME ~ /backup\.tsv$/ {
  backup_runs[$2]++
  for (i = 3; i <= 7; i++) backup[$2, i] = backup[$2, i] " " $i
  backup_growth[$2] = backup_growth[$2] " " ($7 - $6)
  next
}
FILENAME ~ /shed\.tsv$/ {
  if (!($2 in shed_seen)) { shed_seen[$2] = 1; shed_order[++shed_variants] = $2 }
  for (i = 3; i <= 12; i++) shed[$2, i] = shed[$2, i] " " $i
  next
}
{
  key = $2 SUBSEP $3
  if (!(key in rate)) { order[++count] = key }
  rate[key] = rate[key] " " $4; cpureq[key] = cpureq[key] " " ($8 > 0 ? $9 / $8 : 0); lat50[key] = lat50[key] " " $5; lat99[key] = lat99[key] " " $6; errors[key] += $7
  seen[$2] = 1
}
END {
  if (only == "backup") {
    backup_table()
    print "\ntargets (issue 14)"
    backup_checks()
    exit
  }
  title["list"] = sprintf("list page 1 (limit 20, sort name), %d contacts", main)
  title["filter"] = sprintf("list with a name-substring filter, %d contacts", main)
  title["get"] = sprintf("get by id (random among %d)", main)
  title["deep"] = sprintf("deep page (page 400 by 20 of %d)", main)
  title["create"] = "create a contact"
  title["update"] = "update a contact (json-server: PATCH, its partial update)"
  title["list-1000"] = "list page 1 at 1,000 contacts"
  title["list-100000"] = "list page 1 at 100,000 contacts"
  title["filter-1000"] = "list with a name-substring filter at 1,000 contacts"
  title["filter-100000"] = "list with a name-substring filter at 100,000 contacts"
  title["login"] = "login (bounded by the password hash by design; not compared)"
  n_scenarios = split("list filter get deep create update list-1000 list-100000 filter-1000 filter-100000 login", scenarios, " ")

  for (i = 1; i <= n_scenarios; i++) {
    s = scenarios[i]
    if (!(s in seen)) continue
    printf "\n%s\n  %-12s %10s %9s %9s %7s %12s\n", title[s], "server", "req/s", "p50 ms", "p99 ms", "errors", "CPU ms/req"
    split("service ceiling json-server", servers, " ")
    for (j = 1; j <= 3; j++) {
      if (!((s, servers[j]) in rate)) continue
      printf "  %-12s %10.0f %9.2f %9.2f %7d %12.3f\n", servers[j], rps(s, servers[j]), p50(s, servers[j]), p99(s, servers[j]),
        errors[s, servers[j]], cpu(s, servers[j])
    }
    if ((s, "ceiling") in rate)
      printf "  service/ceiling: req/s %.2f, CPU per request %.2f (the ceiling's CPU / the service's)\n",
        ratio(rps(s, "service"), rps(s, "ceiling")), ratio(cpu(s, "ceiling"), cpu(s, "service"))
    if ((s, "json-server") in rate)
      printf "  service/json-server: req/s %.1fx, CPU per request %.1fx\n",
        ratio(rps(s, "service"), rps(s, "json-server")), ratio(cpu(s, "json-server"), cpu(s, "service"))
    if (s == "login") printf "  one password check: %.1f ms at %d PBKDF2-HMAC-SHA512 iterations (2 cores: at most %.0f logins/s)\n", hash_ms, iterations, 2000 / hash_ms
  }
  rss_mb = median(rss) / 1024
  printf "\nservice peak RSS (VmHWM, whole run incl. 100,000 contacts): median %.0f MB (runs:", rss_mb
  n = split(rss, r, " "); for (i = 1; i <= n; i++) printf " %.0f", r[i] / 1024; print ")"

  if (shed_variants) {
    shed_title["bounded"] = "clients obey Retry-After"
    shed_title["unbounded"] = "the same, write queue unbounded"
    shed_title["bounded-retry-at-once"] = "clients retry at once (wrk)"
    printf "\ncreates at %d connections (overload: past the store's places for writes, refused at once with 503)\n", shed_connections
    printf "  %-32s %9s %10s %8s %8s %8s %8s %6s %9s\n", "", "answers/s", "accepted/s", "refused", "acc p50", "acc p99", "ref p99", "other", "peak RSS"
    for (v = 1; v <= shed_variants; v++) {
      k = shed_order[v]
      printf "  %-32s %9.0f %10.0f %7.1f%% %5.1f ms %5.1f ms %5.1f ms %6d %6.0f MB\n", shed_title[k] ? shed_title[k] : k,
        median(shed[k, 3]), median(shed[k, 4]), median(shed[k, 5]), median(shed[k, 6]), median(shed[k, 7]), median(shed[k, 8]),
        median(shed[k, 9]), median(shed[k, 12]) / 1024
    }
    printf "  peak RSS: each measurement's own (VmHWM after clear_refs); the service's RSS before them: median %.0f MB\n",
      median(shed["bounded", 11]) / 1024
  }

  if (backup_runs["import"]) backup_table()

  print "\ntargets (issues 5 and 13)"
  if (!("list" in seen && "get" in seen && "create" in seen && "update" in seen && "list-1000" in seen && "list-100000" in seen && "deep" in seen)) {
    print "  (issue 5's targets need every scenario)"
  } else {
    check(rps("list", "service") >= 0.30 * rps("list", "ceiling"),
      sprintf("list page 1 >= 30%% of the ceiling's req/s: %.0f%%", 100 * ratio(rps("list", "service"), rps("list", "ceiling"))))
    check(rps("get", "service") >= 0.40 * rps("get", "ceiling"),
      sprintf("get by id >= 40%% of the ceiling's req/s: %.0f%%", 100 * ratio(rps("get", "service"), rps("get", "ceiling"))))
    split("list:5 get:5 create:10 update:10", times, " ")
    for (i = 1; i <= 4; i++) {
      split(times[i], t, ":")
      check(rps(t[1], "service") >= t[2] * rps(t[1], "json-server"),
        sprintf("%s >= %dx json-server's req/s: %.1fx", t[1], t[2], ratio(rps(t[1], "service"), rps(t[1], "json-server"))))
    }
    split("list get create update", w, " ")
    for (i = 1; i <= 4; i++) check(p99(w[i], "service") <= 25, sprintf("%s p99 <= 25 ms: %.1f ms", w[i], p99(w[i], "service")))
    check(p50("list-100000", "service") <= 1.5 * p50("list-1000", "service"),
      sprintf("list at 100,000 within 1.5x of its p50 at 1,000: %.2f / %.2f ms = %.2fx",
        p50("list-100000", "service"), p50("list-1000", "service"), ratio(p50("list-100000", "service"), p50("list-1000", "service"))))
    check(p50("deep", "service") <= 3 * p50("list", "service"),
      sprintf("deep page within 3x of page 1's p50: %.2f / %.2f ms = %.2fx",
        p50("deep", "service"), p50("list", "service"), ratio(p50("deep", "service"), p50("list", "service"))))
    check(rss_mb <= 250, sprintf("peak RSS with 100,000 contacts <= 250 MB: %.0f MB", rss_mb))
  }
  if ("filter" in seen)
    check(cpu("filter", "service") <= 0.3, sprintf("name filter at 10,000 <= 0.3 ms of CPU: %.3f ms", cpu("filter", "service")))
  if ("filter-1000" in seen && "filter-100000" in seen) {
    check(cpu("filter-100000", "service") <= 1.5 * cpu("filter-1000", "service"),
      sprintf("name filter at 100,000 within 1.5x of its CPU at 1,000: %.3f / %.3f ms = %.2fx",
        cpu("filter-100000", "service"), cpu("filter-1000", "service"), ratio(cpu("filter-100000", "service"), cpu("filter-1000", "service"))))
    check(p50("filter-100000", "service") <= 1.5 * p50("filter-1000", "service"),
      sprintf("name filter at 100,000 within 1.5x of its p50 at 1,000: %.2f / %.2f ms = %.2fx",
        p50("filter-100000", "service"), p50("filter-1000", "service"), ratio(p50("filter-100000", "service"), p50("filter-1000", "service"))))
  }
  if (backup_runs["import"]) { print "\ntargets (issue 14)"; backup_checks() }
}

function backup_checks() {
  check(median(backup["import", 4]) < 2, sprintf("import of %d cards < 2 s: %.2f s", cards, median(backup["import", 4])))
  check(median(backup["export", 4]) < 0.5, sprintf("export of %d cards < 0.5 s: %.2f s", cards, median(backup["export", 4])))
  check(growth["import"] < 50, sprintf("RSS grows < 50 MB in the import: %.0f MB", growth["import"]))
  check(growth["export"] < 50, sprintf("RSS grows < 50 MB in the export: %.0f MB", growth["export"]))
  check(median(backup["reimport", 4]) < 2, sprintf("import of the same %d cards again < 2 s: %.2f s", cards, median(backup["reimport", 4])))
  # The same bounds hold for the first import after a start, JIT and the heap's first growth included.
  if (backup_runs["first-import"]) {
    check(median(backup["first-import", 4]) < 2, sprintf("first import after the start < 2 s: %.2f s", median(backup["first-import", 4])))
    check(growth["first-import"] < 50, sprintf("RSS grows < 50 MB in the first import after the start: %.0f MB", growth["first-import"]))
  }
}

function backup_table(    kinds, i, k) {
  printf "\nbackup: a phone's %d cards (vCard 3.0, no photos) imported, exported and imported again, each as one request\n", cards
  printf "  %-12s %9s %10s %12s %11s %11s %11s\n", "", "seconds", "cards/s", "CPU us/card", "RSS before", "peak RSS", "RSS growth"
  split("first-import import export reimport", kinds, " ")
  for (i = 1; i <= 4; i++) {
    k = kinds[i]
    growth[k] = median(backup_growth[k]) / 1024
    printf "  %-12s %9.3f %10.0f %12.1f %8.0f MB %8.0f MB %8.0f MB\n", k, median(backup[k, 4]), cards / median(backup[k, 4]),
      1000 * median(backup[k, 5]) / cards, median(backup[k, 6]) / 1024, median(backup[k, 7]) / 1024, growth[k]
  }
  printf "  medians of %d runs (growth: each run's peak during the request less its RSS before it); first-import: the first\n", backup_runs["import"]
  printf "  after the start (in a full run, after the other scenarios); the others after three warm-up passes, into an empty\n"
  printf "  book; reimport: the same file into the book the import made, every card unchanged\n"
}
