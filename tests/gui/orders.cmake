# GUI tests of the orders page and settings.
flightdesk_add_test(NAME tst_orderspage SOURCES tst_orderspage.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_storage)
flightdesk_add_test(NAME tst_settingsdialog SOURCES tst_settingsdialog.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_storage flightdesk_sandbox)
# The journal's place in Settings and the desk opened from it; needs PostgreSQL for two cases
# (skipped without it), hence the extra label: `ctest -L postgres`.
flightdesk_add_test(NAME tst_settingsjournal SOURCES tst_settingsjournal.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_storage flightdesk_sandbox)
set_property(TEST tst_settingsjournal APPEND PROPERTY LABELS postgres) # LABEL takes one

# tst_settingsstore once more, where the keychain really works: a private D-Bus session with
# a fresh gnome-keyring unlocked by a throwaway password, in a temporary HOME, so the real
# keyring of whoever runs the tests is never touched. FLIGHTDESK_REQUIRE_KEYCHAIN makes a
# missing secret service a failure here, not a skip. The daemon is stopped explicitly
# afterwards: it does not always notice its bus going away.
find_program(DBUS_RUN_SESSION dbus-run-session)
find_program(GNOME_KEYRING_DAEMON gnome-keyring-daemon)
find_program(DBUS_SEND dbus-send)
if(DBUS_RUN_SESSION AND GNOME_KEYRING_DAEMON AND DBUS_SEND)
    set(FLIGHTDESK_KEYRING_SCRIPT [=[
export HOME="$(mktemp -d)" || exit 1
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$HOME/run"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
printf pw | "$1" --unlock --components=secrets >/dev/null && "$2"
rc=$?
pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null | awk '{print $2}')
[ -n "$pid" ] && kill "$pid"
rm -rf "$HOME"
exit $rc
]=])
    add_test(NAME tst_settingsstore_keyring
             COMMAND ${DBUS_RUN_SESSION} -- sh -c "${FLIGHTDESK_KEYRING_SCRIPT}" keyring
                     ${GNOME_KEYRING_DAEMON} $<TARGET_FILE:tst_settingsstore>)
    set_tests_properties(tst_settingsstore_keyring PROPERTIES
        LABELS unit TIMEOUT 120
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;FLIGHTDESK_REQUIRE_KEYCHAIN=1")
else()
    message(WARNING "dbus-run-session, gnome-keyring-daemon or dbus-send is missing: "
                    "tst_settingsstore_keyring (the real keychain test) is not registered")
endif()
# The booking actions over a real demo desk, by keyboard: cancel (tests/gui/bookingfixture.h).
flightdesk_add_test(NAME tst_canceldialog SOURCES tst_canceldialog.cpp bookingfixture.h LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_sandbox flightdesk_api
                         flightdesk_storage)
flightdesk_add_test(NAME tst_contactdialog SOURCES tst_contactdialog.cpp bookingfixture.h
                    LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_sandbox flightdesk_api
                         flightdesk_storage)
# Both dialogs once more on the agency's journal (a private PostgreSQL server).
flightdesk_add_postgres_run(tst_canceldialog)
flightdesk_add_postgres_run(tst_contactdialog)
# `flightdesk --demo`'s start-up (ui::Desktop): the first frame before the servers serve.
flightdesk_add_test(NAME tst_desktop SOURCES tst_desktop.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_net)
