# Sourced by the scripts: selects a JDK 21+ as JAVA_HOME (the default java may be older).
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]; then
  for jdk in /usr/lib/jvm/*; do
    [ -x "$jdk/bin/java" ] || continue
    if [ "$(java_major "$jdk/bin/java")" -ge "${best_version:-21}" ]; then
      best_version=$(java_major "$jdk/bin/java")
      JAVA_HOME="$jdk"
    fi
  done
  export JAVA_HOME
fi
