# Sourced by the other scripts: points JAVA_HOME at a JDK 25 or newer, or stops with a clear message.
# Order: $JAVA_HOME if it is new enough, then the JDKs under /usr/lib/jvm (Temurin 25 sits beside the default 17).

java_feature_version() { # prints the feature version (17, 25, ...) of the java at $1/bin/java
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

find_jdk25() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(java_feature_version "$candidate")
    if [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk25); then
  echo "error: this project needs JDK 25 or newer; none found in \$JAVA_HOME or /usr/lib/jvm." >&2
  echo "       Install Temurin 25 (e.g. apt-get install temurin-25-jdk from Adoptium) and/or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
