# Sourced by .ci/run and bench/run.sh: selects a JDK 21+ (JAVA_HOME if it is one, else one under /usr/lib/jvm)
# and exports JAVA_HOME and PATH for it.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

JAVA_HOME="$(pick_jdk)" || { echo "No JDK 21+ found: set JAVA_HOME to one" >&2; exit 1; }
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
