# Shared by the scripts: the repository root, and building the jars when sources changed.
MG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MG_JOB_JAR="$MG_ROOT/jobs/target/mentorship-graph-jobs-0.1.0-SNAPSHOT.jar"

# Builds (without tests) when the job jar is missing or older than any source or pom.
mg_build_if_needed() {
  local stale=""
  if [[ ! -f "$MG_JOB_JAR" || ! -f "$MG_ROOT/jobs/target/job-classpath.txt" ]]; then
    stale="yes"
  elif [[ -n "$(find "$MG_ROOT/pom.xml" "$MG_ROOT"/{algorithms,jobs,neo4j-local}/pom.xml "$MG_ROOT"/{algorithms,jobs,neo4j-local}/src \
                -newer "$MG_JOB_JAR" -type f 2>/dev/null | head -1)" ]]; then
    stale="yes"
  fi
  if [[ -n "$stale" ]]; then
    echo "building the job (mvn package -DskipTests) ..." >&2
    (cd "$MG_ROOT" && mvn -q -B -DskipTests package) >&2
    touch "$MG_JOB_JAR"   # the jar plugin keeps an unchanged jar's old time: mark it as checked now
  fi
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
