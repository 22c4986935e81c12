# Which folder may use which: the one place the layering rules live. Read by the `layering`
# lint test (cmake/LintLayering.cmake, over the sources) and by flightdesk_record_links()
# (cmake/Layering.cmake, over the CMake targets). README's folder map says the same in words.

# The layers, lowest first, as the targets link today (flightdesk_<layer>). A folder may use
# its own layer and the ones before it, never one after it. app/main.cpp is the program and
# sits above them all.
set(FLIGHTDESK_LAYERS core net storage api sandbox desk cli ui)

# app/core: Qt Core only. Qt headers must come from these modules (QtStateMachine holds the
# checkout flow's QStateMachine; its two widget-event transitions are banned below).
set(FLIGHTDESK_CORE_QT_MODULES QtCore QtStateMachine)
set(FLIGHTDESK_CORE_BANNED_HEADERS QKeyEventTransition QMouseEventTransition)
# Besides Qt Core and the standard library, the only outside headers app/core may include
# (a prefix ending in / is a folder): libphonenumber for the phone-number rule.
set(FLIGHTDESK_CORE_THIRD_PARTY phonenumbers/)

# What ui/ may include from app/. It will shrink to `desk/` (and core/'s value types) when the
# desk-interface layer lands (issue 10, item 1); until then it is exactly what ui/ includes
# today, so anything new from app/ fails until it is added here on purpose. A prefix ending in /
# is a whole folder, anything else one header.
set(FLIGHTDESK_UI_MAY_INCLUDE
    core/
    desk/
    api/travelbasegateway.h
    storage/orderjournal.h
    storage/privatefiles.h
    storage/settingsstore.h)

# Widgets and GUI Qt modules belong to ui/ (and the program's main.cpp) alone.
set(FLIGHTDESK_UI_ONLY_QT_MODULES QtGui QtWidgets QtPrintSupport)
