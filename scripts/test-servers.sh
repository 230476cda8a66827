#!/usr/bin/env bash
# test-servers.sh: throwaway mail servers on 127.0.0.1 for tests (never for production).
#
#   scripts/test-servers.sh start DIR            Dovecot IMAP + aiosmtpd SMTP sink, state in DIR
#   scripts/test-servers.sh stop DIR             stops both; safe to run twice or on a missing DIR
#   scripts/test-servers.sh seed DIR USER FILE.. appends each message FILE to USER's INBOX
#   scripts/test-servers.sh status DIR           exit 0 when both are running
#
# Environment (all optional):
#   IMAP_PORT   IMAP port, plain text or STARTTLS         default 10143
#   IMAPS_PORT  IMAP over TLS (imaps)                     default IMAP_PORT + 1
#   SMTP_PORT   SMTP sink port                            default 2525
#   USERS_FILE  lines "user:password"                     default: agent@example.com:secret
#   RUNAS       user the servers run as when run as root  default nobody
#
# TLS: `start` makes a self-signed certificate for 127.0.0.1 and localhost, DIR/tls/cert.pem
# (give it to clients as their CA file); Dovecot offers STARTTLS on IMAP_PORT and TLS on
# IMAPS_PORT.
# `start` prints one line "ready imap=127.0.0.1:PORT imaps=127.0.0.1:PORT smtp=... dir=DIR" and returns
# in about a second. Every user gets INBOX and Archive (auto-created). Mail accepted by the
# SMTP sink lands in the Maildir DIR/smtp-maildir/{new,cur}. Mailboxes of IMAP users live in
# DIR/dovecot/mail/USER/Maildir. Logs: DIR/dovecot/dovecot.log, DIR/smtp.log.
# `start` on a DIR whose servers still run stops them first. If a port is taken, `start` fails
# with a message naming it. Run as root, the servers run as $RUNAS (DIR is chown'ed to it, so
# DIR must be somewhere $RUNAS can reach, e.g. under /tmp).
set -euo pipefail

usage() {
  sed -n '2,8p' "$0" >&2
  exit 2
}
[ $# -ge 2 ] || usage
CMD=$1
DIR=$2
shift 2
case "$DIR" in /*) ;; *) DIR="$(pwd)/$DIR" ;; esac

IMAP_PORT=${IMAP_PORT:-10143}
IMAPS_PORT=${IMAPS_PORT:-$((IMAP_PORT + 1))}
SMTP_PORT=${SMTP_PORT:-2525}
RUNAS=${RUNAS:-nobody}
D=$DIR/dovecot
CONF=$D/dovecot.conf

if [ "$(id -u)" = 0 ]; then
  U=$RUNAS
  # setpriv execs in place (runuser would fork), so recorded pids are the servers' own.
  AS=(setpriv --reuid="$RUNAS" --regid="$(id -g "$RUNAS")" --clear-groups --)
else
  U=$(id -un)
  AS=()
fi
G=$(id -gn "$U")

die() {
  echo "test-servers: $*" >&2
  exit 1
}

port_open() {  # true when something accepts connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A zombie counts as gone: in containers PID 1 often never reaps the servers we orphaned.
pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)
  [ "$state" != Z ]
}

# Sends signal $2 (default TERM) to pid $1, waits up to ~3 s for it to exit, then kills it hard.
stop_pid() {
  local pid=$1 sig=${2:-TERM} i
  pid_alive "$pid" || return 0
  kill "-$sig" "$pid" 2>/dev/null || true
  for i in $(seq 60); do
    pid_alive "$pid" || return 0
    sleep 0.05
  done
  kill -KILL "$pid" 2>/dev/null || true
}

do_stop() {
  [ -d "$DIR" ] || return 0
  local mpid=""
  [ -f "$D/run/master.pid" ] && mpid=$(cat "$D/run/master.pid" 2>/dev/null || true)
  if pid_alive "$mpid"; then
    # The master stops its children (imap-login, auth, imap) before it exits.
    stop_pid "$mpid"
  fi
  # Anything still holding the config (a child orphaned by a hard kill).
  if command -v pgrep >/dev/null; then
    local p
    for p in $(pgrep -f -- "-c $CONF" 2>/dev/null || true); do stop_pid "$p"; done
  fi
  rm -f "$D/run/master.pid"
  if [ -f "$DIR/smtp.pid" ]; then
    # aiosmtpd's event loop stops cleanly on SIGINT (it ignores SIGTERM while idle).
    stop_pid "$(cat "$DIR/smtp.pid" 2>/dev/null || true)" INT
    rm -f "$DIR/smtp.pid"
  fi
}

write_dovecot_conf() {
  cat >"$CONF" <<CONF
# Written by scripts/test-servers.sh: a throwaway Dovecot for tests.
protocols = imap
listen = 127.0.0.1
base_dir = $D/run
state_dir = $D/state
log_path = $D/dovecot.log
ssl = yes
ssl_cert = <$DIR/tls/cert.pem
ssl_key = <$DIR/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$D/mail/%n/Maildir
default_internal_user = $U
default_internal_group = $G
default_login_user = $U
first_valid_uid = 1
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $D/users
}
userdb {
  driver = static
  args = uid=$U gid=$G home=$D/mail/%n
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
  }
}
service anvil {
  chroot =
  # No growing delays for 127.0.0.1 after a test's deliberate wrong password (the first
  # failure still answers after 2 s).
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  unix_listener stats-reader {
    user = $U
  }
  unix_listener stats-writer {
    user = $U
  }
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Archive {
    auto = create
    special_use = \\Archive
  }
}
CONF
}

do_start() {
  command -v dovecot >/dev/null || die "dovecot is not installed; run scripts/install-deps.sh"
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null ||
    die "python3-aiosmtpd is not installed for /usr/bin/python3; run scripts/install-deps.sh"
  do_stop
  local p
  for p in "$IMAP_PORT" "$IMAPS_PORT" "$SMTP_PORT"; do
    port_open "$p" && die "port 127.0.0.1:$p is already in use; choose another with IMAP_PORT/IMAPS_PORT/SMTP_PORT"
  done
  mkdir -p "$DIR"
  rm -rf "$D" "$DIR/smtp-maildir"
  mkdir -p "$D/run" "$D/state" "$D/mail" "$DIR/tls"
  command -v openssl >/dev/null || die "openssl is not installed; run scripts/install-deps.sh"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" >/dev/null 2>&1 ||
    die "openssl could not make a test certificate in $DIR/tls"
  chmod 644 "$DIR/tls/cert.pem" "$DIR/tls/key.pem"
  write_dovecot_conf
  if [ -n "${USERS_FILE:-}" ]; then
    [ -r "$USERS_FILE" ] || die "USERS_FILE $USERS_FILE cannot be read"
    # user:password -> user:{PLAIN}password (a password may itself contain ':').
    sed -n 's/^\([^:#][^:]*\):\(.*\)$/\1:{PLAIN}\2/p' "$USERS_FILE" >"$D/users"
  else
    echo 'agent@example.com:{PLAIN}secret' >"$D/users"
  fi
  if [ "$(id -u)" = 0 ]; then
    chown -R "$U:$G" "$DIR"
    "${AS[@]}" test -w "$DIR" || die "$RUNAS cannot write to $DIR; use a directory under /tmp"
  fi
  # The master keeps stderr open: never leave it on a pipe of the caller.
  "${AS[@]}" dovecot -c "$CONF" </dev/null >>"$D/startup.log" 2>&1 ||
    die "dovecot did not start: $(tail -n 3 "$D/startup.log" "$D/dovecot.log" 2>/dev/null | tr '\n' ' ')"
  # Do not pre-create the sink's Maildir: aiosmtpd's Mailbox only creates cur/new/tmp if it is absent.
  setsid "${AS[@]}" /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
    -c aiosmtpd.handlers.Mailbox "$DIR/smtp-maildir" </dev/null >"$DIR/smtp.log" 2>&1 &
  echo $! >"$DIR/smtp.pid"
  local i ok
  for p in "$IMAP_PORT" "$IMAPS_PORT" "$SMTP_PORT"; do
    ok=0
    for i in $(seq 200); do
      if port_open "$p"; then ok=1; break; fi
      sleep 0.025
    done
    if [ $ok = 0 ]; then
      do_stop
      die "no server is listening on 127.0.0.1:$p after 5 s; see $D/dovecot.log and $DIR/smtp.log"
    fi
  done
  echo "ready imap=127.0.0.1:$IMAP_PORT imaps=127.0.0.1:$IMAPS_PORT smtp=127.0.0.1:$SMTP_PORT dir=$DIR"
}

do_seed() {
  [ $# -ge 2 ] || usage
  [ -f "$CONF" ] || die "no servers in $DIR; run: $0 start $DIR"
  local user=$1 f
  shift
  for f in "$@"; do
    [ -r "$f" ] || die "$f cannot be read"
    "${AS[@]}" doveadm -c "$CONF" save -u "$user" -m INBOX <"$f" ||
      die "doveadm save of $f for $user failed; see $D/dovecot.log"
  done
}

do_status() {
  local mpid=""
  [ -f "$D/run/master.pid" ] && mpid=$(cat "$D/run/master.pid" 2>/dev/null || true)
  pid_alive "$mpid" && [ -f "$DIR/smtp.pid" ] && pid_alive "$(cat "$DIR/smtp.pid")"
}

case "$CMD" in
  start) do_start ;;
  stop) do_stop ;;
  seed) do_seed "$@" ;;
  status) do_status ;;
  *) usage ;;
esac
