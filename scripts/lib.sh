# Shared by the scripts: the repository root, and building the jars when sources changed.
MG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MG_JOB_JAR="$MG_ROOT/jobs/target/mentorship-graph-jobs-0.1.0-SNAPSHOT.jar"
# The tools module (sample generator, benchmarks): not production code, never on the job's classpath.
MG_TOOLS_JAR="$MG_ROOT/tools/target/mentorship-graph-tools-0.1.0-SNAPSHOT.jar"

# Builds every module (without running tests) when the job or tools jar is missing or older than any source or pom.
mg_build_if_needed() {
  local stale="" m
  for m in "$MG_JOB_JAR" "$MG_ROOT/jobs/target/job-classpath.txt" "$MG_TOOLS_JAR" "$MG_ROOT/tools/target/tools-classpath.txt"; do
    [[ -f "$m" ]] || stale="yes"
  done
  if [[ -z "$stale" && -n "$(find "$MG_ROOT/pom.xml" "$MG_ROOT"/{algorithms,jobs,neo4j-local,tools}/pom.xml \
        "$MG_ROOT"/{algorithms,jobs,neo4j-local,tools}/src \( -newer "$MG_JOB_JAR" -o -newer "$MG_TOOLS_JAR" \) -type f \
        -print -quit 2>/dev/null)" ]]; then
    stale="yes"
  fi
  if [[ -n "$stale" ]]; then
    echo "building the job and the tools (mvn package -DskipTests) ..." >&2
    (cd "$MG_ROOT" && mvn -q -B -DskipTests package) >&2
    touch "$MG_JOB_JAR" "$MG_TOOLS_JAR"   # the jar plugin keeps an unchanged jar's old time: mark them as checked now
  fi
}

# The classpath of a tool: the tools jar, the production jars, their test-jars (RandomGraphs, SyntheticRunGraph),
# Spark and JMH.
mg_tools_classpath() {
  echo "$MG_TOOLS_JAR:$(cat "$MG_ROOT/tools/target/tools-classpath.txt")"
}

# The java command line for the job: Spark's module flags from the one place they are kept (the root pom).
# The driver's heap: --driver-memory SIZE (taken out of the arguments here), else MG_DRIVER_MEMORY, else 4g.
mg_java_job() {
  local cp args=() next=""
  for a in "$@"; do
    if [[ -n "$next" ]]; then MG_DRIVER_MEMORY="$a"; next=""; continue; fi
    case "$a" in
      --driver-memory) next="yes" ;;
      --driver-memory=*) MG_DRIVER_MEMORY="${a#--driver-memory=}" ;;
      *) args+=("$a") ;;
    esac
  done
  if [[ -n "$next" ]]; then echo "error: --driver-memory needs a size, e.g. --driver-memory 8g" >&2; exit 2; fi
  if [[ -n "${MG_DRIVER_MEMORY:-}" && ! "$MG_DRIVER_MEMORY" =~ ^[0-9]+[kKmMgG]?$ ]]; then
    echo "error: driver memory '$MG_DRIVER_MEMORY' is not a size such as 8g or 6000m" >&2; exit 2
  fi
  set -- "${args[@]}"
  cp="$MG_JOB_JAR:$(cat "$MG_ROOT/jobs/target/job-classpath.txt")"
  # shellcheck disable=SC2046
  exec java $(cat "$MG_ROOT/jobs/target/launcher/jvm-options.txt") -Xmx"${MG_DRIVER_MEMORY:-4g}" -XX:+UseParallelGC \
    -Dmg.home="$MG_ROOT" -cp "$cp" "$@"
}
